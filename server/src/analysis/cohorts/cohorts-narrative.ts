import type { MetricDef } from '../../../../semantic-layer/src/model.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { periodLabel, rangeLabel } from '../../answer/period-label.ts';
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
  const zh = ctx.lang === 'zh';
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const unit = s.metric.grain === 'month' ? (zh ? '个月' : 'month') : zh ? '个季度' : s.metric.grain;
  const at = (k: number) => (zh ? `第 ${k} ${unit}` : `${unit} ${k}`);
  const cohorts = new Set(s.rows.map((r) => String(r.cohort))).size;
  const members = s.rows
    .filter((r) => count(r.period_number) === 0)
    .reduce((t, r) => t + count(r.cohort_size), 0);
  const parts: string[] = [];
  parts.push(
    zh
      ? `${rangeLabel(s.range, 'zh')}共有 ${cohorts} 个同期群、${formatValue(members, 'count', 'zh')} 位首单客户。`
      : `${cohorts} cohorts with ${formatValue(members, 'count', 'en')} first-time customers in ${rangeLabel(s.range, 'en')}.`,
  );
  const points = CHECKPOINTS.map((k) => s.curve.find((p) => p.period === k)).filter((p) => !!p);
  if (points.length) {
    const items = points.map((p) =>
      zh ? `${at(p.period)}末 ${pct(p.pooled)}` : `${pct(p.pooled)} at the end of ${at(p.period)}`,
    );
    parts.push(
      zh
        ? `平均仍活跃的比例：${items.join('，')}（只平均已到达该期的同期群）。`
        : `On average ${listText(items, 'en')} were still active (averaging only cohorts that reached that point).`,
    );
  }
  const k = [3, 1].find((x) => s.rows.filter((r) => count(r.period_number) === x).length >= 2);
  if (k !== undefined && !s.by) {
    const atK = s.rows
      .filter((r) => count(r.period_number) === k)
      .sort((a, b) => count(b[s.metric.id]) - count(a[s.metric.id]));
    const best = atK[0]!;
    const worst = atK[atK.length - 1]!;
    const name = (r: Record<string, unknown>) =>
      periodLabel(r.cohort, s.metric.grain === 'week' ? 'week' : s.metric.grain, ctx.lang);
    parts.push(
      zh
        ? `${at(k)}末留存最高的是 ${name(best)} 同期群（${pct(count(best[s.metric.id]))}），最低的是 ${name(worst)}（${pct(count(worst[s.metric.id]))}）。`
        : `At the end of ${at(k)}, retention was highest for the ${name(best)} cohort (${pct(count(best[s.metric.id]))}) and lowest for ${name(worst)} (${pct(count(worst[s.metric.id]))}).`,
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
    parts.push(
      zh
        ? `按${memberText(ctx, s.by)}看，${at(top.p!.period)}末留存最高的是${label(top.g.value)}（${pct(top.p!.pooled)}），最低的是${label(low.g.value)}（${pct(low.p!.pooled)}）。`
        : `By ${memberText(ctx, s.by).toLowerCase()}, retention at the end of ${at(top.p!.period)} was highest for ${label(top.g.value)} (${pct(top.p!.pooled)}) and lowest for ${label(low.g.value)} (${pct(low.p!.pooled)}).`,
    );
  }
  return parts.join(zh ? '' : ' ');
}
