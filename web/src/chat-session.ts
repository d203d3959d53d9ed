import { api } from './api/client.ts';
import type { Answer, ConversationDetail } from './api/types.ts';

/** One question and what came back. */
export interface Turn {
  question: string;
  answer?: Answer;
  error?: unknown;
  /** The assistant message's number in the conversation, when known. */
  seq?: number;
}

/**
 * The open conversation, kept outside the screen so switching language or screens does not lose it.
 * The server owns the history; this is the client's view of one conversation.
 */
export const chat = {
  conversationId: undefined as string | undefined,
  turns: [] as Turn[],
};

/** Starts an empty conversation (the server creates it on the first question). */
export function newConversation(): void {
  chat.conversationId = undefined;
  chat.turns = [];
}

/** Loads a stored conversation: each answered message carries its question and its answer. */
export async function openConversation(id: string): Promise<void> {
  const detail = await api<ConversationDetail>('GET', `/api/conversations/${encodeURIComponent(id)}`);
  let question = '';
  const turns: Turn[] = [];
  for (const message of [...detail.messages].sort((a, b) => a.seq - b.seq)) {
    if (message.question) question = message.question;
    if (message.answer) turns.push({ question, answer: message.answer, seq: message.seq });
  }
  chat.conversationId = detail.id;
  chat.turns = turns;
}

/** The stored message number of a turn's answer, looked up in the conversation when not yet known. */
export async function seqOf(turn: Turn): Promise<number> {
  const explicit = (turn.answer as { seq?: unknown } | undefined)?.seq;
  if (typeof explicit === 'number') return explicit;
  if (turn.seq !== undefined) return turn.seq;
  const conversationId = turn.answer?.conversationId ?? chat.conversationId;
  const detail = await api<ConversationDetail>(
    'GET',
    `/api/conversations/${encodeURIComponent(conversationId ?? '')}`,
  );
  const answers = detail.messages.filter((m) => m.answer).sort((a, b) => a.seq - b.seq);
  const same = answers.find(
    (m) =>
      m.answer?.narrative === turn.answer?.narrative &&
      m.answer?.provenance?.elapsedMs === turn.answer?.provenance.elapsedMs,
  );
  const answered = chat.turns.filter((x) => x.answer);
  const byPosition = answers[answered.indexOf(turn) + answers.length - answered.length];
  const found = same ?? byPosition ?? answers.at(-1);
  if (!found) throw new Error('answer not found in its conversation');
  turn.seq = found.seq;
  return found.seq;
}
