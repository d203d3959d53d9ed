import type { AnalysisContext } from '../governed/analysis-context.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { type KaplanMeierCurve, kaplanMeier, type LogRankTest, logRankTest } from '../stats/index.ts';

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

const NULL_GROUP = '\u0000null';

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
  const groups: string[] = new Array(n);
  let i = 0;
  for (const r of rows) {
    const t = count(r[m.duration]);
    const total = count(r[m.spells]);
    const ended = count(r[m.ended]);
    const g = r[by] === null || r[by] === undefined ? NULL_GROUP : String(r[by]);
    for (let j = 0; j < total; j++, i++) {
      times[i] = t;
      events[i] = j < ended ? 1 : 0;
      groups[i] = g;
    }
  }
  const t0 = performance.now();
  const overall = kaplanMeier(times, events);
  if (!overall.ok) throw new Error(`survival: ${overall.issue.message}`);
  const index = new Map<string, number[]>();
  groups.forEach((g, k) => {
    const list = index.get(g);
    if (list) list.push(k);
    else index.set(g, [k]);
  });
  const segments: SegmentCurve[] = [];
  for (const [g, idx] of index) {
    const curve = kaplanMeier(
      idx.map((k) => times[k]!),
      idx.map((k) => events[k]!),
    );
    if (curve.ok) segments.push({ segment: g === NULL_GROUP ? null : g, curve: curve.value });
  }
  const test = logRankTest(times, events, groups);
  ctx.trace.time('survival_estimate', performance.now() - t0);
  return {
    overall: overall.value,
    segments,
    logRank: test.ok ? test.value : null,
    ...(test.ok ? {} : { logRankIssue: test.issue.message }),
  };
}
