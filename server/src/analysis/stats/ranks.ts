/**
 * Rank-based scores as SQL computes them, so in-memory results match the warehouse: PERCENT_RANK,
 * quintiles that keep ties together, and RFM scores (DOMAIN.md §5: percent_rank, not NTILE).
 */
import { fail, firstNonFinite, ok, type StatsResult } from './stats-result.ts';

/** Sort direction of the ranking, as in `ORDER BY x ASC|DESC`. */
export type RankOrder = 'asc' | 'desc';

/** SQL RANK(): 1 + the number of values strictly before this one; ties share the lowest rank. */
export function sqlRank(values: ArrayLike<number>, order: RankOrder = 'asc'): Int32Array {
  const n = values.length;
  const sign = order === 'asc' ? 1 : -1;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => sign * (values[a] - values[b]));
  const ranks = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const tiedWithPrevious = r > 0 && values[idx[r]] === values[idx[r - 1]];
    ranks[idx[r]] = tiedWithPrevious ? ranks[idx[r - 1]] : r + 1;
  }
  return ranks;
}

/**
 * SQL PERCENT_RANK() = (rank − 1)/(n − 1), 0 for a single row.
 * @example percentRank([10, 20, 20, 40]) // [0, 1/3, 1/3, 1]
 */
export function percentRank(values: ArrayLike<number>, order: RankOrder = 'asc'): StatsResult<Float64Array> {
  const bad = firstNonFinite(values);
  if (bad >= 0) return fail('non_finite', `values[${bad}]`, 'values must be finite');
  const n = values.length;
  const ranks = sqlRank(values, order);
  const out = new Float64Array(n);
  if (n > 1) for (let i = 0; i < n; i++) out[i] = (ranks[i] - 1) / (n - 1);
  return ok(out);
}

/**
 * Quintile 1…5 from a percent rank: [0, 0.2) → 1, …, [0.8, 1] → 5, i.e. LEAST(5, 1 + FLOOR(5·pr)).
 * Equal values have equal percent ranks, so ties always land in the same quintile.
 */
export function quintileFromPercentRank(pr: number): number {
  // Same double arithmetic as the SQL expression, so both sides agree on boundary values like 0.2.
  return Math.min(5, 1 + Math.floor(5 * pr));
}

/** Quintile 1…5 of each value by percent rank (5 = highest when ascending). */
export function quintiles(values: ArrayLike<number>, order: RankOrder = 'asc'): StatsResult<Int8Array> {
  const pr = percentRank(values, order);
  if (!pr.ok) return pr;
  return ok(Int8Array.from(pr.value, quintileFromPercentRank));
}

/** One customer's inputs to RFM scoring. */
export interface RfmInput {
  /** Days since the last purchase (smaller = more recent). */
  recencyDays: number;
  /** Number of purchases in the window. */
  frequency: number;
  /** Spend in the window. */
  monetary: number;
}

/** R, F and M quintile scores (5 = best) and the three-digit code, e.g. '545'. */
export interface RfmScore {
  r: number;
  f: number;
  m: number;
  code: string;
}

/**
 * RFM scores by percent-rank quintiles; R is reversed so 5 = most recent, matching
 * `PERCENT_RANK() OVER (ORDER BY recency_days DESC)`.
 */
export function rfmScores(customers: readonly RfmInput[]): StatsResult<RfmScore[]> {
  const fields = [
    ['recencyDays', 'desc'],
    ['frequency', 'asc'],
    ['monetary', 'asc'],
  ] as const;
  const scores: Int8Array[] = [];
  for (const [field, order] of fields) {
    const q = quintiles(
      customers.map((c) => c[field]),
      order,
    );
    if (!q.ok) return fail(q.issue.code, `customers.${field}: ${q.issue.where}`, q.issue.message);
    scores.push(q.value);
  }
  const [r, f, m] = scores;
  return ok(customers.map((_, i) => ({ r: r[i], f: f[i], m: m[i], code: `${r[i]}${f[i]}${m[i]}` })));
}
