import { formatValue } from '../../answer/format.ts';
import { listText } from '../../answer/narrative-words.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const lang = ctx.lang;
  const n = (v: number) => formatValue(v, 'count', lang);
  const pct = (v: number | null) => formatValue(v, 'percent', lang);
  const period = s.pop.range ? rangeLabel(s.pop.range, lang) : '';
  const parts: string[] = [];
  for (const [i, [dim, lines]] of Object.entries(s.segmentations).entries()) {
    const name = (l: SegmentLine) => valueText(ctx, dim, l.segment);
    const total = lines.reduce((t, l) => t + l.customers, 0);
    const atRisk = lines.reduce((t, l) => t + l.atRisk, 0);
    const compared = lines.filter((l) => l.churnRate !== null && l.activeAtStart >= MIN_ACTIVE);
    const byRate = [...compared].sort((a, b) => (b.churnRate ?? 0) - (a.churnRate ?? 0));
    const label = memberText(ctx, dim);
    if (i === 0) {
      const big = lines.slice(0, 3).map((l) =>
        analysisMessage('segments.group', lang, {
          name: name(l),
          customers: n(l.customers),
          share: pct(l.share),
        }),
      );
      const risky = [...lines].sort((a, b) => b.atRisk - a.atRisk)[0];
      parts.push(
        analysisMessage('segments.primary', lang, {
          label,
          label_lower: label.toLowerCase(),
          total: n(total),
          groups: listText(big, lang),
          atRisk: n(atRisk),
          risky: risky?.atRisk
            ? analysisMessage('segments.risky', lang, { name: name(risky), count: n(risky.atRisk) })
            : '',
        }),
      );
      if (byRate.length >= 2) {
        const top = byRate[0]!;
        const low = byRate[byRate.length - 1]!;
        parts.push(
          analysisMessage('segments.rates', lang, {
            period,
            top: name(top),
            topPct: pct(top.churnRate),
            churned: n(top.churned),
            active: n(top.activeAtStart),
            low: name(low),
            lowPct: pct(low.churnRate),
          }),
        );
      }
      continue;
    }
    const items = lines.map((l) =>
      analysisMessage('segments.item', lang, {
        name: name(l),
        customers: n(l.customers),
        churn:
          l.churnRate !== null && l.activeAtStart >= MIN_ACTIVE
            ? analysisMessage('segments.item.churn', lang, { pct: pct(l.churnRate) })
            : '',
      }),
    );
    parts.push(
      analysisMessage('segments.other', lang, {
        label,
        items: items.join(analysisMessage('comma_separator', lang)),
      }),
    );
  }
  return parts.join(analysisMessage('sentence_separator', lang));
}
