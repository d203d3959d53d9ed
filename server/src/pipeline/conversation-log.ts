import type { Answer } from '../answer/answer-schema.ts';
import type { ConversationState } from '../ask/conversation.ts';
import type { ConversationStore } from '../ask/conversation-store.ts';
import type { AuditEvent } from '../store/audit.ts';
import type { Store } from '../store/open-store.ts';

/**
 * Conversations persisted in app state: each turn is one assistant message holding the question,
 * the interpretation (with the conversation state after it), the SQL, timings and the Answer, so a
 * follow-up survives a restart. The in-memory store is a cache in front of it.
 */
export class ConversationLog {
  constructor(
    private readonly store: Store,
    private readonly cache: ConversationStore,
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
    const cached = this.cache.get(existing.id);
    if (cached) return { id: existing.id, previous: cached };
    const [last] = await this.store.conversations.listMessages(existing.id, 1);
    const state = (last?.interpretation as { state?: ConversationState } | null)?.state;
    if (state) this.cache.set(existing.id, state);
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
    this.cache.set(conversationId, state);
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
}
