import { compute } from '../compute/compute-pool.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import type { KaplanMeierCurve, LogRankTest } from '../stats/index.ts';
import { NULL_GROUP } from './survival-estimate.ts';

/** The governed members survival reads: spells, those that ended in churn, and their length. */
export interface SurvivalMembers {
  spells: string;
  ended: string;
  duration: string;
}

/** One segment's Kaplan–Meier curve. */
export interface SegmentCurve {
  segment: string | null;
  curve: KaplanMeierCurve;
}

export interface SpellSurvival {
  overall: KaplanMeierCurve;
  segments: SegmentCurve[];
  logRank: LogRankTest | null;
  /** Why the log-rank test was not run, when it was not. */
  logRankIssue?: string;
}

/**
 * Kaplan–Meier survival of activity spells (time = the governed spell length in months, event =
 * the spell ended in churn, censored = still active) overall and per value of `by`, and a log-rank
 * test across the segments. Reads only governed counts per (length, segment) and expands them into
 * the per-spell arrays the estimators take.
 */
export async function spellSurvival(
  ctx: AnalysisContext,
  m: SurvivalMembers,
  by: string,
): Promise<SpellSurvival> {
  const { rows } = await runGoverned(ctx, 'survival_counts', {
    metrics: [m.spells, m.ended],
    dimensions: [m.duration, by],
  });
  let n = 0;
  for (const r of rows) n += count(r[m.spells]);
  const times = new Float64Array(n);
  const events = new Uint8Array(n);
  const codes = new Uint32Array(n);
  const labels: string[] = [];
  const codeOf = new Map<string, number>();
  let i = 0;
  for (const r of rows) {
    const t = count(r[m.duration]);
    const total = count(r[m.spells]);
    const ended = count(r[m.ended]);
    const g = r[by] === null || r[by] === undefined ? NULL_GROUP : String(r[by]);
    let code = codeOf.get(g);
    if (code === undefined) {
      code = labels.push(g) - 1;
      codeOf.set(g, code);
    }
    for (let j = 0; j < total; j++, i++) {
      times[i] = t;
      events[i] = j < ended ? 1 : 0;
      codes[i] = code;
    }
  }
  const t0 = performance.now();
  // The estimators are O(spells) JavaScript: a compute worker runs them (issue 21 §1).
  const estimate = await compute('estimateSpellSurvival', times, events, codes, labels);
  ctx.trace.time('survival_estimate', performance.now() - t0);
  return estimate;
}
