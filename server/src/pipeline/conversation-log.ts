import type { Answer } from '../answer/answer-schema.ts';
import type { ConversationState } from '../ask/conversation.ts';
import type { AuditEvent } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';

/**
 * Conversations: one concept, persisted in app state with a small in-memory cache in front. Each turn
 * is one assistant message holding the question, the interpretation (with the conversation state
 * after it), the SQL, timings and the Answer, so a follow-up survives a restart. The cache holds the
 * last state of the `cacheSize` most recently used conversations; it is read only after the store
 * has found the conversation for that user, so it never crosses users.
 */
export class ConversationLog {
  /** Last state by conversation id; Map order is recency (least recently used first). */
  private readonly recent = new Map<string, ConversationState>();

  constructor(
    private readonly store: Store,
    private readonly cacheSize = 1000,
  ) {}

  /** The conversation to answer in (created when absent or not the user's), and its state. */
  async open(
    conversationId: string | undefined,
    userId: string,
    model: string,
    title: string,
  ): Promise<{ id: string; previous: ConversationState | undefined }> {
    const existing = conversationId ? await this.store.conversations.get(conversationId, userId) : null;
    if (!existing) {
      const created = await this.store.conversations.create({ userId, model, title: title.slice(0, 120) });
      return { id: created.id, previous: undefined };
    }
    const cached = this.recent.get(existing.id);
    if (cached) {
      this.remember(existing.id, cached);
      return { id: existing.id, previous: cached };
    }
    const [last] = await this.store.conversations.listMessages(existing.id, 1);
    const state = (last?.interpretation as { state?: ConversationState } | null)?.state;
    if (state) this.remember(existing.id, state);
    return { id: existing.id, previous: state };
  }

  /** Records a turn (with its audit entry, in one transaction); returns its message number (what feedback refers to). */
  async record(
    conversationId: string,
    question: string,
    answer: Answer,
    state: ConversationState,
    audit?: AuditEvent,
  ): Promise<number | null> {
    this.remember(conversationId, state);
    const message = await this.store.conversations.appendMessage(
      conversationId,
      {
        role: 'assistant',
        question,
        interpretation: { ...answer.interpretation, state },
        answer,
        sql: answer.provenance.sql.join(';\n') || null,
        modelVersion: answer.provenance.modelVersion,
        interpreter: answer.interpretation.interpreter,
        timings: answer.provenance.timings,
      },
      audit,
    );
    return message?.seq ?? null;
  }

  /** Number of conversations whose state is cached. */
  get cached(): number {
    return this.recent.size;
  }

  /** Caches a state as the most recent, evicting the least recently used beyond `cacheSize`. */
  private remember(id: string, state: ConversationState): void {
    this.recent.delete(id);
    this.recent.set(id, state);
    while (this.recent.size > this.cacheSize) this.recent.delete(this.recent.keys().next().value as string);
  }
}
