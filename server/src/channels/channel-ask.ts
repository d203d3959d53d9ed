/**
 * One question from a chat channel through the same pipeline as `POST /api/ask`: the linked user's
 * conversation for this thread (so follow-ups keep context), `answerQuestion` with the row-level
 * attributes the channel allows, the turn recorded in the conversation log and audited.
 */
import type { Answer } from '../answer/answer-schema.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import { type AnswerDeps, answerQuestion, type Stage } from '../pipeline/answer-question.ts';
import type { ConversationLog } from '../pipeline/conversation-log.ts';
import type { Store } from '../store/open-store.ts';
import type { ChannelProvider, UserAttributes } from '../store/schema.ts';
import type { User } from '../store/users.ts';

export interface ChannelAskDeps {
  store: Store;
  registry: ModelRegistry;
  answerDeps: AnswerDeps;
  conversations: ConversationLog;
  now: () => Date;
}

export interface ChannelQuestion {
  provider: ChannelProvider;
  /** Identifies the thread (Slack channel + thread ts; WeCom user). */
  threadKey: string;
  user: User;
  question: string;
  /** The access the answer may use: the user's own, or what a channel's members share. */
  attributes: UserAttributes;
  /** A thread idle longer than this starts a new conversation (WeCom chats have no threads). */
  idleMs?: number;
  onStage?: (stage: Stage, elapsedMs: number) => void;
}

/** Answers one channel question; the answer carries its conversation id and message number. */
export async function askInChannel(
  deps: ChannelAskDeps,
  q: ChannelQuestion,
): Promise<{ answer: Answer; seq: number | null }> {
  const modelId = deps.registry.defaultModelId;
  const active = deps.registry.get(modelId);
  const known = await deps.store.channelQueue.thread(q.provider, q.threadKey, q.user.id);
  const fresh =
    known && q.idleMs !== undefined && deps.now().getTime() - known.updatedAt.getTime() > q.idleMs;
  const conv = await deps.conversations.open(
    fresh ? undefined : known?.conversationId,
    q.user.id,
    modelId,
    q.question,
  );
  const { answer, state } = await answerQuestion(deps.answerDeps, {
    active,
    turn: { question: q.question },
    conversationId: conv.id,
    previous: conv.previous,
    attributes: q.attributes,
    onStage: q.onStage,
  });
  const seq = await deps.conversations.record(conv.id, q.question, answer, state);
  await deps.store.channelQueue.setThread(q.provider, q.threadKey, q.user.id, conv.id, deps.now());
  await deps.store.audit.record({
    action: 'ask',
    userId: q.user.id,
    target: conv.id,
    details: {
      question: q.question,
      kind: answer.kind,
      intent: answer.interpretation.intent,
      seq,
      channel: q.provider,
      attributes: q.attributes,
    },
  });
  return { answer, seq };
}
