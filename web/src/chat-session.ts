import { api } from './api/client.ts';
import type { Answer, ConversationDetail, ConversationTurn } from './api/types.ts';

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

/** Answers fetched at once while a stored conversation opens. */
const PARALLEL_ANSWERS = 4;

const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** Every turn of a stored conversation in seq order, read page by page (the server pages its history). */
async function historyOf(id: string): Promise<ConversationDetail> {
  let detail = await api<ConversationDetail>('GET', conversationPath(id));
  const messages = [...detail.messages];
  while (detail.more && messages.length) {
    const before = Math.min(...messages.map((m) => m.seq));
    detail = await api<ConversationDetail>('GET', `${conversationPath(id)}?before=${before}`);
    messages.unshift(...detail.messages);
  }
  return { ...detail, messages: messages.sort((a, b) => a.seq - b.seq) };
}

/**
 * Loads a stored conversation: each answered message carries its question and its answer. The history
 * gives each answer in one line; the full answers are fetched by their seq, a few at a time.
 */
export async function openConversation(id: string): Promise<void> {
  const detail = await historyOf(id);
  let question = '';
  const asked: { question: string; seq: number }[] = [];
  for (const message of detail.messages) {
    if (message.question) question = message.question;
    if (message.summary) asked.push({ question, seq: message.seq });
  }
  const turns: Turn[] = new Array(asked.length);
  let next = 0;
  const fetchNext = async (): Promise<void> => {
    while (next < asked.length) {
      const i = next++;
      const { question: q, seq } = asked[i]!;
      const turn = await api<ConversationTurn>('GET', `${conversationPath(id)}/answers/${seq}`);
      turns[i] = { question: q, answer: turn.answer ?? undefined, seq };
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_ANSWERS }, fetchNext));
  chat.conversationId = detail.id;
  chat.turns = turns;
}

/** The stored message number of a turn's answer, looked up in the conversation when not yet known. */
export async function seqOf(turn: Turn): Promise<number> {
  const explicit = (turn.answer as { seq?: unknown } | undefined)?.seq;
  if (typeof explicit === 'number') return explicit;
  if (turn.seq !== undefined) return turn.seq;
  const conversationId = turn.answer?.conversationId ?? chat.conversationId;
  const detail = await historyOf(conversationId ?? '');
  const answers = detail.messages.filter((m) => m.summary);
  const same = answers.filter(
    (m) => m.summary?.narrative === turn.answer?.narrative && m.summary?.kind === turn.answer?.kind,
  );
  const answered = chat.turns.filter((x) => x.answer);
  const byPosition = answers[answered.indexOf(turn) + answers.length - answered.length];
  // The same narrative twice (a repeated question): the one at the turn's position.
  const found =
    (same.length === 1 ? same[0] : same.find((m) => m === byPosition)) ?? byPosition ?? answers.at(-1);
  if (!found) throw new Error('answer not found in its conversation');
  turn.seq = found.seq;
  return found.seq;
}
