/**
 * Checks a conversation's stored history against what its (only) asker sent, in order. Pure, so the
 * detection itself is unit-tested (verify-conversations.test.ts) without a server.
 *
 * Each answered turn carries the `seq` the server gave its message; the history must hold that seq once,
 * with the same question and answer, and seqs must grow in the order the turns were sent.
 */

/** A turn as the asker saw it. `status` 0: no HTTP response (network error or timeout). */
export interface SentTurn {
  question: string;
  status: number;
  /** From the answer (200 only). */
  conversationId?: string;
  seq?: number | null;
  kind?: string;
  narrative?: string;
}

/** A message as GET /api/conversations/:id returns it (`answer`: its summary, kind, narrative and conversation). */
export interface StoredMessage {
  seq: number;
  question: string | null;
  answer: { conversationId?: string; kind?: string; narrative?: string } | null;
}

export interface ConversationCheck {
  /** Turns answered with 200 in this conversation: each must be stored exactly once. */
  expected: number;
  /** Of those, found at their seq with the same question and answer. */
  found: number;
  /** Answered turns missing from the history (or answered with seq null: not recorded). */
  lost: number;
  /** Extra copies of a turn (same seq twice, or the same question and answer under another seq). */
  duplicated: number;
  /** Messages the asker never sent (leaked in from elsewhere), plus turns answered into another conversation. */
  misplaced: number;
  /** Stored turns whose seq is not above the seq of the turn sent before (or history not sorted by seq). */
  outOfOrder: number;
  /** Found turns whose stored answer differs from the one returned (kind, narrative or conversation). */
  answerMismatch: number;
  /** Turns that failed (non-200 or no response) yet were stored; not a loss, reported apart. */
  recordedDespiteError: number;
  /** The first few anomalies, readable. */
  problems: string[];
}

const MAX_PROBLEMS = 10;

export function verifyConversation(
  conversationId: string,
  sent: readonly SentTurn[],
  history: readonly StoredMessage[],
): ConversationCheck {
  const check: ConversationCheck = {
    expected: 0,
    found: 0,
    lost: 0,
    duplicated: 0,
    misplaced: 0,
    outOfOrder: 0,
    answerMismatch: 0,
    recordedDespiteError: 0,
    problems: [],
  };
  const problem = (text: string) => {
    if (check.problems.length < MAX_PROBLEMS) check.problems.push(text);
  };

  for (let i = 1; i < history.length; i++)
    if (history[i]!.seq <= history[i - 1]!.seq) {
      check.outOfOrder++;
      problem(
        `history not in seq order at position ${i} (seq ${history[i - 1]!.seq} then ${history[i]!.seq})`,
      );
    }

  const bySeq = new Map<number, number[]>();
  history.forEach((m, i) => {
    bySeq.set(m.seq, [...(bySeq.get(m.seq) ?? []), i]);
  });
  for (const [seq, positions] of bySeq)
    if (positions.length > 1) {
      check.duplicated += positions.length - 1;
      problem(`seq ${seq} stored ${positions.length} times`);
    }
  const used = new Set<number>();
  const matched: { question: string; narrative?: string }[] = [];
  const failed: string[] = [];
  let lastSeq = 0;

  sent.forEach((turn, t) => {
    if (turn.status !== 200) {
      failed.push(turn.question);
      return;
    }
    if (turn.conversationId !== conversationId) {
      check.misplaced++;
      problem(`turn ${t + 1} "${turn.question}" answered in conversation ${turn.conversationId}`);
      return;
    }
    check.expected++;
    const positions = turn.seq == null ? undefined : bySeq.get(turn.seq);
    if (!positions) {
      check.lost++;
      problem(`turn ${t + 1} "${turn.question}" (seq ${turn.seq}) not in the history`);
      return;
    }
    const at = positions[0]!;
    const stored = history[at]!;
    if (stored.question !== turn.question) {
      check.lost++;
      problem(`turn ${t + 1} "${turn.question}": seq ${turn.seq} holds "${stored.question}"`);
      return;
    }
    for (const p of positions) used.add(p);
    check.found++;
    matched.push({ question: turn.question, narrative: turn.narrative });
    if (turn.seq! <= lastSeq) {
      check.outOfOrder++;
      problem(`turn ${t + 1} "${turn.question}" stored at seq ${turn.seq}, after seq ${lastSeq}`);
    }
    lastSeq = Math.max(lastSeq, turn.seq!);
    const answer = stored.answer;
    if (
      answer?.kind !== turn.kind ||
      answer?.narrative !== turn.narrative ||
      answer?.conversationId !== conversationId
    ) {
      check.answerMismatch++;
      problem(`turn ${t + 1} "${turn.question}": stored answer differs from the one returned`);
    }
  });

  history.forEach((m, i) => {
    if (used.has(i) || bySeq.get(m.seq)![0] !== i) return; // later copies of a seq: counted above
    const failedAt = failed.indexOf(m.question ?? '');
    if (failedAt >= 0) {
      failed.splice(failedAt, 1);
      check.recordedDespiteError++;
      return;
    }
    if (matched.some((x) => x.question === m.question && x.narrative === m.answer?.narrative)) {
      check.duplicated++;
      problem(`seq ${m.seq} "${m.question}" is a second copy of a turn`);
      return;
    }
    check.misplaced++;
    problem(`seq ${m.seq} "${m.question}" was never sent in this conversation`);
  });
  return check;
}

/** Sums checks (problems keep the conversation id in front). */
export function totalChecks(checks: readonly { id: string; check: ConversationCheck }[]): ConversationCheck {
  const total = verifyConversation('', [], []);
  for (const { id, check } of checks) {
    for (const k of [
      'expected',
      'found',
      'lost',
      'duplicated',
      'misplaced',
      'outOfOrder',
      'answerMismatch',
      'recordedDespiteError',
    ] as const)
      total[k] += check[k];
    for (const p of check.problems)
      if (total.problems.length < MAX_PROBLEMS * 3) total.problems.push(`${id}: ${p}`);
  }
  return total;
}
