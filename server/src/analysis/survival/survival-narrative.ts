import { formatValue } from '../../answer/format.ts';
import { analysisMessage } from '../analysis-messages.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { KaplanMeierCurve, LogRankTest } from '../stats/index.ts';
import type { SegmentCurve } from './spell-survival.ts';
import { survivalPoint } from './survival-analysis.ts';

export interface SurvivalStory {
  by: string;
  horizons: number[];
  overall: KaplanMeierCurve;
  segments: SegmentCurve[];
  logRank: LogRankTest | null;
}

/** Survival in words: the overall curve, the best and worst segment at a year, medians, the log-rank verdict. */
export function survivalNarrative(ctx: AnalysisContext, s: SurvivalStory): string {
  const lang = ctx.lang;
  const pct = (v: number) => formatValue(v, 'percent', lang);
  const n = (v: number) => formatValue(v, 'count', lang);
  const h = s.horizons.includes(12) ? 12 : s.horizons.at(-1);
  const parts: string[] = [];
  const months = (t: number) => analysisMessage('survival.months', lang, { t });
  parts.push(
    analysisMessage('survival.spells', lang, {
      subjects: n(s.overall.subjects),
      events: n(s.overall.events),
    }),
  );
  if (h !== undefined) {
    const all = survivalPoint(s.overall, h).s;
    const ranked = s.segments
      .filter((g) => g.curve.subjects >= 30)
      .map((g) => ({ g, p: survivalPoint(g.curve, h).s }))
      .sort((a, b) => b.p - a.p);
    const name = (g: SegmentCurve) => valueText(ctx, s.by, g.segment);
    let text = analysisMessage('survival.at_horizon', lang, { months: months(h), pct: pct(all) });
    if (ranked.length >= 2) {
      const top = ranked[0]!;
      const low = ranked[ranked.length - 1]!;
      const by = memberText(ctx, s.by);
      text += analysisMessage('survival.by_segment', lang, {
        by,
        by_lower: by.toLowerCase(),
        top: name(top.g),
        topPct: pct(top.p),
        low: name(low.g),
        lowPct: pct(low.p),
      });
      const median = low.g.curve.median;
      if (median !== null)
        text += analysisMessage('survival.median', lang, { name: name(low.g), months: months(median) });
    }
    parts.push(`${text}${analysisMessage('full_stop', lang)}`);
  }
  if (s.logRank) {
    const p = s.logRank.pValue;
    const pText = p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
    const chi = formatValue(s.logRank.chiSquare, 'number', lang);
    parts.push(
      analysisMessage('survival.log_rank', lang, {
        chi,
        df: s.logRank.df,
        p: pText,
        verdict: analysisMessage(
          p < 0.05 ? 'survival.log_rank.significant' : 'survival.log_rank.not_significant',
          lang,
        ),
      }),
    );
  }
  return parts.join(analysisMessage('sentence_separator', lang));
}
