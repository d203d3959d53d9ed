/**
 * Phase A: N askers sign in (spread over the demo accounts), each opens its own conversation and asks
 * scripted questions and follow-ups one after another for S seconds. Afterwards every conversation's
 * history is fetched and checked against what its asker sent (verify-conversations.ts); another user
 * must not be able to read it; and each user's conversation list must hold no conversation nobody
 * knows of (one created by a request that then failed).
 */
import {
  type Account,
  ask,
  DEMO_ACCOUNTS,
  getConversation,
  listConversations,
  type Session,
  signIn,
} from './http-client.ts';
import { answerFigures, byQuestion, type RequestRecord, requestFigures, summarize } from './latency-stats.ts';
import { CONVERSATION_SCRIPTS } from './questions.ts';
import { type SentTurn, totalChecks, verifyConversation } from './verify-conversations.ts';

interface Asker {
  index: number;
  session: Session;
  conversationId?: string;
  sent: SentTurn[];
}

export interface ConversationPhaseOptions {
  baseUrl: string;
  askers: number;
  seconds: number;
  /** Conversations created before the phase (warm-up), so they are not taken for orphans. */
  knownConversations: ReadonlySet<string>;
  /** Called when the askers stop and the histories are fetched and checked. */
  onVerify?: () => void;
}

const LIST_LIMIT = 50;

export async function runConversationPhase(opts: ConversationPhaseOptions) {
  const accounts = Array.from({ length: opts.askers }, (_, i) => DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length]!);
  const logins = await Promise.all(accounts.map((a) => signIn(opts.baseUrl, a)));
  const askers: Asker[] = logins.flatMap((l, index) =>
    l.body ? [{ index, session: l.body, sent: [] }] : [],
  );

  const records: RequestRecord[] = [];
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(askers.map((asker) => converse(asker, deadline, records)));
  const wallSeconds = (performance.now() - started) / 1000;

  opts.onVerify?.();
  const verification = await verify(askers, accounts, opts);
  const turns = askers.map((a) => a.sent.length);
  return {
    askers: opts.askers,
    signIn: {
      latencyMs: summarize(logins.map((l) => l.ms)),
      failures: logins.filter((l) => !l.body).map((l) => ({ status: l.status, error: l.error })),
    },
    ...requestFigures(records, wallSeconds),
    turnsPerAsker: { min: Math.min(...turns), max: Math.max(...turns) },
    verification,
    /** Every question asked, slowest first. */
    questions: byQuestion(records),
  };
}

async function converse(asker: Asker, deadline: number, records: RequestRecord[]): Promise<void> {
  let script = asker.index % CONVERSATION_SCRIPTS.length;
  let turn = 0;
  while (performance.now() < deadline) {
    const question = CONVERSATION_SCRIPTS[script]![turn]!;
    const r = await ask(asker.session, question, asker.conversationId);
    const answer = r.status === 200 ? r.body : undefined;
    asker.sent.push({
      question,
      status: r.status,
      conversationId: answer?.conversationId,
      seq: answer?.seq,
      kind: answer?.kind,
      narrative: answer?.narrative,
    });
    records.push({
      question,
      status: r.status,
      ms: r.ms,
      kind: answer?.kind,
      intent: answer?.interpretation.intent,
      error: r.error,
      ...answerFigures(answer),
    });
    if (answer && !asker.conversationId) asker.conversationId = answer.conversationId;
    turn++;
    if (turn === CONVERSATION_SCRIPTS[script]!.length) {
      script = (script + 1) % CONVERSATION_SCRIPTS.length;
      turn = 0;
    }
  }
}

async function verify(askers: Asker[], accounts: Account[], opts: ConversationPhaseOptions) {
  const fetches: number[] = [];
  const fetchErrors: { status: number; error?: string }[] = [];
  const checks = await Promise.all(
    askers.map(async (asker) => {
      const id = asker.conversationId ?? '(none)';
      const history = asker.conversationId
        ? await getConversation(asker.session, asker.conversationId)
        : { status: 404, ms: 0, body: { id, messages: [] } };
      fetches.push(history.ms);
      if (history.status !== 200) fetchErrors.push({ status: history.status, error: history.error });
      return { id, check: verifyConversation(id, asker.sent, history.body?.messages ?? []) };
    }),
  );

  // Another user asking for an asker's conversation must get 404.
  let crossUserReads = 0;
  const strangers = new Map<string, Session>();
  for (const a of askers)
    if (!strangers.has(a.session.username)) strangers.set(a.session.username, a.session);
  await Promise.all(
    askers.map(async (asker) => {
      const stranger = [...strangers.values()].find((s) => s.username !== asker.session.username);
      if (!stranger || !asker.conversationId) return;
      const r = await getConversation(stranger, asker.conversationId);
      if (r.status !== 404) crossUserReads++;
    }),
  );

  // Each user's list: conversations nobody knows of were created by a failed first request.
  const known = new Set([...opts.knownConversations, ...askers.flatMap((a) => a.conversationId ?? [])]);
  let orphanConversations = 0;
  let missingFromList = 0;
  let listsTruncated = false;
  for (const session of strangers.values()) {
    const listed = (await listConversations(session)).body?.conversations.map((c) => c.id) ?? [];
    orphanConversations += listed.filter((id) => !known.has(id)).length;
    if (listed.length >= LIST_LIMIT) listsTruncated = true;
    else
      missingFromList += askers.filter(
        (a) =>
          a.session.username === session.username && a.conversationId && !listed.includes(a.conversationId),
      ).length;
  }
  const total = totalChecks(checks);
  return {
    conversations: checks.length,
    signedInAskers: askers.length,
    accounts: [...new Set(accounts.map((a) => a.username))],
    ...total,
    historyFetch: { latencyMs: summarize(fetches), errors: fetchErrors },
    crossUserReads,
    orphanConversations,
    missingFromList,
    listsTruncated,
  };
}
