/**
 * The survival estimators over per-spell arrays (a compute task, compute-tasks.ts): Kaplan–Meier overall and per
 * segment, and the log-rank test across segments. Segments come as codes into `labels` (typed arrays move to a
 * worker thread without copying; a million strings would not).
 */
import { kaplanMeier, logRankTest } from '../stats/index.ts';
import type { SegmentCurve, SpellSurvival } from './spell-survival.ts';

/** The label of spells whose segment is NULL. */
export const NULL_GROUP = '\u0000null';

export function estimateSpellSurvival(
  times: Float64Array,
  events: Uint8Array,
  codes: Uint32Array,
  labels: string[],
): SpellSurvival {
  const overall = kaplanMeier(times, events);
  if (!overall.ok) throw new Error(`survival: ${overall.issue.message}`);
  const index = labels.map((): number[] => []);
  for (let k = 0; k < codes.length; k++) index[codes[k]!]!.push(k);
  const segments: SegmentCurve[] = [];
  index.forEach((idx, c) => {
    const curve = kaplanMeier(
      idx.map((k) => times[k]!),
      idx.map((k) => events[k]!),
    );
    const g = labels[c]!;
    if (curve.ok) segments.push({ segment: g === NULL_GROUP ? null : g, curve: curve.value });
  });
  const test = logRankTest(
    times,
    events,
    Array.from(codes, (c) => labels[c]!),
  );
  return {
    overall: overall.value,
    segments,
    logRank: test.ok ? test.value : null,
    ...(test.ok ? {} : { logRankIssue: test.issue.message }),
  };
}
