import { describe, expect, it } from 'vitest';
import {
  type SentTurn,
  type StoredMessage,
  totalChecks,
  verifyConversation,
} from './verify-conversations.ts';

const CONV = 'c-1';

function turn(question: string, seq: number | null, narrative = `answer to ${question}`): SentTurn {
  return { question, status: 200, conversationId: CONV, seq, kind: 'answer', narrative };
}

function stored(t: SentTurn, seq = t.seq!): StoredMessage {
  return {
    seq,
    question: t.question,
    answer: { conversationId: CONV, kind: t.kind, narrative: t.narrative },
  };
}

const a = turn('上个季度流失率是多少?', 1);
const b = turn('按地区看呢?', 2);
const c = turn('why?', 3);

describe('verifyConversation', () => {
  it('accepts a history that holds every answered turn once, in order, with its answer', () => {
    const check = verifyConversation(CONV, [a, b, c], [stored(a), stored(b), stored(c)]);
    expect(check).toMatchObject({
      expected: 3,
      found: 3,
      lost: 0,
      duplicated: 0,
      misplaced: 0,
      outOfOrder: 0,
    });
    expect(check.answerMismatch).toBe(0);
    expect(check.problems).toEqual([]);
  });

  it('counts an answered turn missing from the history, or answered without a seq, as lost', () => {
    const unrecorded = turn('只看高价值客户', null);
    const check = verifyConversation(CONV, [a, b, c, unrecorded], [stored(a), stored(c)]);
    expect(check).toMatchObject({ expected: 4, found: 2, lost: 2, misplaced: 0 });
    expect(check.problems[0]).toContain('"按地区看呢?" (seq 2) not in the history');
  });

  it('counts a second copy of a turn, under the same seq or another, as duplicated', () => {
    expect(verifyConversation(CONV, [a, b], [stored(a), stored(b), stored(b)]).duplicated).toBe(1);
    const check = verifyConversation(CONV, [a, b], [stored(a), stored(b), stored(b, 3)]);
    expect(check).toMatchObject({ found: 2, duplicated: 1, misplaced: 0, lost: 0 });
  });

  it('repeating a question on purpose is not a duplicate: each copy has its own seq', () => {
    const again = turn(a.question, 3);
    const check = verifyConversation(CONV, [a, b, again], [stored(a), stored(b), stored(again)]);
    expect(check).toMatchObject({ found: 3, duplicated: 0, misplaced: 0 });
  });

  it("counts another asker's message in the history as misplaced, and the turn it displaced as lost", () => {
    const foreign = turn('NPS by region last quarter', 2);
    const check = verifyConversation(CONV, [a, b], [stored(a), stored(foreign)]);
    expect(check).toMatchObject({ found: 1, lost: 1, misplaced: 1, duplicated: 0 });
    expect(check.problems.join('\n')).toContain('"NPS by region last quarter" was never sent');
  });

  it('counts a turn answered into another conversation as misplaced, not expected here', () => {
    const elsewhere = { ...b, conversationId: 'c-2' };
    const check = verifyConversation(CONV, [a, elsewhere], [stored(a)]);
    expect(check).toMatchObject({ expected: 1, found: 1, misplaced: 1, lost: 0 });
  });

  it('flags turns stored out of the order they were sent, and a history not sorted by seq', () => {
    const late = turn(b.question, 1);
    const early = turn(a.question, 2);
    const swapped = verifyConversation(CONV, [late, early], [stored(late), stored(early)]);
    expect(swapped.outOfOrder).toBe(0);
    const reversed = verifyConversation(CONV, [early, late], [stored(late), stored(early)]);
    expect(reversed).toMatchObject({ found: 2, outOfOrder: 1 });
    const unsorted = verifyConversation(CONV, [a, b], [stored(b), stored(a)]);
    expect(unsorted.outOfOrder).toBe(1);
  });

  it('flags a stored answer that differs from the answer returned', () => {
    const check = verifyConversation(
      CONV,
      [a, b],
      [stored(a), stored({ ...b, narrative: 'something else' })],
    );
    expect(check).toMatchObject({ found: 2, answerMismatch: 1 });
  });

  it('reports a failed request that was stored anyway apart, not as misplaced', () => {
    const failed: SentTurn = { question: '趋势呢?', status: 500 };
    const check = verifyConversation(
      CONV,
      [a, failed, c],
      [stored(a), stored(turn('趋势呢?', 2)), stored(c)],
    );
    expect(check).toMatchObject({ expected: 2, found: 2, recordedDespiteError: 1, misplaced: 0, lost: 0 });
  });
});

describe('totalChecks', () => {
  it('sums the counts and prefixes problems with the conversation', () => {
    const ok = verifyConversation(CONV, [a], [stored(a)]);
    const lost = verifyConversation(CONV, [a, b], [stored(a)]);
    const total = totalChecks([
      { id: 'x', check: ok },
      { id: 'y', check: lost },
    ]);
    expect(total).toMatchObject({ expected: 3, found: 2, lost: 1 });
    expect(total.problems).toEqual([`y: ${lost.problems[0]}`]);
  });
});
