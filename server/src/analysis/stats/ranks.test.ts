import { describe, expect, it } from 'vitest';
import { percentRank, quintileFromPercentRank, quintiles, rfmScores, sqlRank } from './ranks.ts';

describe('percentRank', () => {
  it('matches SQL PERCENT_RANK: (rank − 1)/(n − 1), ties share the lowest rank', () => {
    // PostgreSQL docs example shape: values 10, 20, 20, 40 → ranks 1, 2, 2, 4 → 0, 1/3, 1/3, 1.
    expect(Array.from(sqlRank([10, 20, 20, 40]))).toEqual([1, 2, 2, 4]);
    const pr = percentRank([40, 20, 10, 20]);
    expect(pr.ok && Array.from(pr.value)).toEqual([1, 1 / 3, 0, 1 / 3]);
  });

  it('ranks descending on request and gives 0 for a single row', () => {
    const pr = percentRank([5, 1, 3], 'desc');
    expect(pr.ok && Array.from(pr.value)).toEqual([0, 1, 0.5]);
    const one = percentRank([7]);
    expect(one.ok && Array.from(one.value)).toEqual([0]);
  });

  it('rejects non-finite values', () => {
    expect(percentRank([1, Number.NaN])).toMatchObject({
      ok: false,
      issue: { code: 'non_finite', where: 'values[1]' },
    });
  });
});

describe('quintiles', () => {
  it('maps percent ranks to LEAST(5, 1 + FLOOR(5·pr)) at the boundaries', () => {
    expect([0, 0.19999, 0.2, 0.4, 0.6, 0.79, 0.8, 1].map(quintileFromPercentRank)).toEqual([
      1, 1, 2, 3, 4, 4, 5, 5,
    ]);
  });

  it('spreads 11 distinct values 2-2-2-2-3 and keeps ties together', () => {
    // pr = 0, 0.1, …, 1 → quintiles 1,1,2,2,3,3,4,4,5,5,5.
    const q = quintiles(Array.from({ length: 11 }, (_, i) => i));
    expect(q.ok && Array.from(q.value)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5]);
    // Six zeros among ten values all get percent rank 0 → quintile 1 (NTILE would split them);
    // then 3, 5, 8, 9 have pr 6/9, 7/9, 8/9, 1 → quintiles 4, 4, 5, 5.
    const tied = quintiles([0, 0, 0, 0, 0, 0, 3, 5, 8, 9]);
    expect(tied.ok && Array.from(tied.value)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
  });
});

describe('rfmScores', () => {
  it('scores R reversed (5 = most recent) and F, M ascending, with a three-digit code', () => {
    const customers = [
      { recencyDays: 2, frequency: 30, monetary: 9000 }, // champion
      { recencyDays: 200, frequency: 1, monetary: 50 }, // hibernating
      { recencyDays: 150, frequency: 25, monetary: 8000 }, // at risk
      { recencyDays: 30, frequency: 5, monetary: 400 },
      { recencyDays: 60, frequency: 10, monetary: 1000 },
      { recencyDays: 10, frequency: 3, monetary: 300 },
    ];
    const r = rfmScores(customers);
    if (!r.ok) throw new Error(r.issue.message);
    // n = 6: pr = (rank − 1)/5 → quintiles 1, 2, 3, 4, 5, 5 by rank.
    // Recency desc 200,150,60,30,10,2 → 1,2,3,4,5,5; frequency 1,3,5,10,25,30 → 1…5,5; monetary likewise.
    expect(r.value.map((s) => s.code)).toEqual(['555', '111', '255', '433', '344', '522']);
  });
});
