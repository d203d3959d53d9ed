import type { MetricDef } from '../../../../semantic-layer/src/model.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { formatValue } from '../../answer/format.ts';
import { joinedText } from '../../answer/narrative-words.ts';
import { periodLabel, rangeLabel } from '../../answer/period-label.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import { count } from '../governed/governed-query.ts';
import type { RetentionPoint } from './cohorts-analysis.ts';

export interface CohortsStory {
  metric: Extract<MetricDef, { type: 'cohort_retention' }>;
  range: TimeRange;
  rows: Record<string, unknown>[];
  curve: RetentionPoint[];
  by?: string;
  segments: { value: string | null; curve: RetentionPoint[] }[];
}

/** Checkpoints the narrative reads the curve at (periods after the first order). */
const CHECKPOINTS = [1, 3, 6, 12];

/** Cohorts in words: how many, the average curve at checkpoints, the best and worst cohort, segments. */
export function cohortsNarrative(ctx: AnalysisContext, s: CohortsStory): string {
  const lang = ctx.lang;
  const pct = (v: number) => formatValue(v, 'percent', lang);
  const unit = analysisMessage(`cohorts.unit.${s.metric.grain}`, lang);
  const at = (k: number) => analysisMessage('cohorts.at', lang, { k, unit });
  const cohorts = new Set(s.rows.map((r) => String(r.cohort))).size;
  const members = s.rows
    .filter((r) => count(r.period_number) === 0)
    .reduce((t, r) => t + count(r.cohort_size), 0);
  const parts: string[] = [];
  parts.push(
    analysisMessage('cohorts.count', lang, {
      range: rangeLabel(s.range, lang),
      cohorts,
      members: formatValue(members, 'count', lang),
    }),
  );
  const points = CHECKPOINTS.map((k) => s.curve.find((p) => p.period === k)).filter((p) => !!p);
  if (points.length) {
    const items = points.map((p) =>
      analysisMessage('cohorts.checkpoint', lang, { at: at(p.period), pct: pct(p.pooled) }),
    );
    const list = joinedText(
      items,
      analysisMessage('cohorts.checkpoints.separator', lang),
      analysisMessage('cohorts.checkpoints.and', lang),
    );
    parts.push(analysisMessage('cohorts.average', lang, { items: list }));
  }
  const k = [3, 1].find((x) => s.rows.filter((r) => count(r.period_number) === x).length >= 2);
  if (k !== undefined && !s.by) {
    const atK = s.rows
      .filter((r) => count(r.period_number) === k)
      .sort((a, b) => count(b[s.metric.id]) - count(a[s.metric.id]));
    const best = atK[0]!;
    const worst = atK[atK.length - 1]!;
    const name = (r: Record<string, unknown>) =>
      periodLabel(r.cohort, s.metric.grain === 'week' ? 'week' : s.metric.grain, lang);
    parts.push(
      analysisMessage('cohorts.best_worst', lang, {
        at: at(k),
        best: name(best),
        bestPct: pct(count(best[s.metric.id])),
        worst: name(worst),
        worstPct: pct(count(worst[s.metric.id])),
      }),
    );
  }
  if (s.by && s.segments.length > 1) {
    const k3 = (c: RetentionPoint[]) => c.find((p) => p.period === 3) ?? c[c.length - 1];
    const ranked = s.segments
      .map((g) => ({ g, p: k3(g.curve) }))
      .filter((x) => !!x.p)
      .sort((a, b) => b.p!.pooled - a.p!.pooled);
    const top = ranked[0]!;
    const low = ranked[ranked.length - 1]!;
    const label = (v: string | null) => valueText(ctx, s.by!, v);
    const by = memberText(ctx, s.by);
    parts.push(
      analysisMessage('cohorts.by_segment', lang, {
        by,
        by_lower: by.toLowerCase(),
        at: at(top.p!.period),
        top: label(top.g.value),
        topPct: pct(top.p!.pooled),
        low: label(low.g.value),
        lowPct: pct(low.p!.pooled),
      }),
    );
  }
  return parts.join(analysisMessage('sentence_separator', lang));
}
