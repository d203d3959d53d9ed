import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { ChurnPopulation } from '../governed/churn-population.ts';
import type { SegmentLine } from './segments-analysis.ts';

export interface SegmentsStory {
  pop: ChurnPopulation;
  primary: string;
  segmentations: Record<string, SegmentLine[]>;
}

/** Below this many active customers at the period start a segment's churn rate is not compared. */
const MIN_ACTIVE = 30;

/** Segments in words: the largest groups, at-risk counts, and churn by segment; then the other segmentations. */
export function segmentsNarrative(ctx: AnalysisContext, s: SegmentsStory): string {
  const zh = ctx.lang === 'zh';
  const n = (v: number) => formatValue(v, 'count', ctx.lang);
  const pct = (v: number | null) => formatValue(v, 'percent', ctx.lang);
  const period = s.pop.range ? rangeLabel(s.pop.range, ctx.lang) : '';
  const parts: string[] = [];
  for (const [i, [dim, lines]] of Object.entries(s.segmentations).entries()) {
    const name = (l: SegmentLine) => valueText(ctx, dim, l.segment);
    const total = lines.reduce((t, l) => t + l.customers, 0);
    const atRisk = lines.reduce((t, l) => t + l.atRisk, 0);
    const compared = lines.filter((l) => l.churnRate !== null && l.activeAtStart >= MIN_ACTIVE);
    const byRate = [...compared].sort((a, b) => (b.churnRate ?? 0) - (a.churnRate ?? 0));
    const label = memberText(ctx, dim);
    if (i === 0) {
      const big = lines
        .slice(0, 3)
        .map((l) =>
          zh
            ? `${name(l)} ${n(l.customers)} 人（${pct(l.share)}）`
            : `${name(l)} ${n(l.customers)} (${pct(l.share)})`,
        );
      const risky = [...lines].sort((a, b) => b.atRisk - a.atRisk)[0];
      parts.push(
        zh
          ? `按${label}看，共 ${n(total)} 位客户，最大的群是${listText(big, 'zh')}。当前有流失风险的客户共 ${n(atRisk)} 人${risky?.atRisk ? `，最多的是${name(risky)}（${n(risky.atRisk)} 人）` : ''}。`
          : `By ${label.toLowerCase()}: ${n(total)} customers; the largest groups are ${listText(big, 'en')}. ${n(atRisk)} customers are at risk now${risky?.atRisk ? `, most of them in ${name(risky)} (${n(risky.atRisk)})` : ''}.`,
      );
      if (byRate.length >= 2) {
        const top = byRate[0]!;
        const low = byRate[byRate.length - 1]!;
        parts.push(
          zh
            ? `${period}季初属于${name(top)}的活跃客户流失率最高（${pct(top.churnRate)}，${n(top.churned)}/${n(top.activeAtStart)}），${name(low)}最低（${pct(low.churnRate)}）。`
            : `Of the customers active at the start of ${period}, those in ${name(top)} churned most (${pct(top.churnRate)}, ${n(top.churned)} of ${n(top.activeAtStart)}) and those in ${name(low)} least (${pct(low.churnRate)}).`,
        );
      }
      continue;
    }
    const items = lines.map((l) =>
      zh
        ? `${name(l)} ${n(l.customers)} 人${l.churnRate !== null && l.activeAtStart >= MIN_ACTIVE ? `（流失率 ${pct(l.churnRate)}）` : ''}`
        : `${name(l)} ${n(l.customers)}${l.churnRate !== null && l.activeAtStart >= MIN_ACTIVE ? ` (churn ${pct(l.churnRate)})` : ''}`,
    );
    parts.push(zh ? `${label}：${items.join('，')}。` : `${label}: ${items.join(', ')}.`);
  }
  return parts.join(zh ? '' : ' ');
}
