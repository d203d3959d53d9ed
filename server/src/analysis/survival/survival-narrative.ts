import { formatValue } from '../../answer/format.ts';
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
  const zh = ctx.lang === 'zh';
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const n = (v: number) => formatValue(v, 'count', ctx.lang);
  const h = s.horizons.includes(12) ? 12 : s.horizons.at(-1);
  const parts: string[] = [];
  const months = (t: number) => (zh ? `${t} 个月` : `${t} months`);
  parts.push(
    zh
      ? `共 ${n(s.overall.subjects)} 个活跃周期（从首单到流失；仍活跃的作为删失），其中 ${n(s.overall.events)} 个以流失结束。`
      : `${n(s.overall.subjects)} activity spells (first order to churn; those still active are censored), ${n(s.overall.events)} of them ended in churn.`,
  );
  if (h !== undefined) {
    const all = survivalPoint(s.overall, h).s;
    const ranked = s.segments
      .filter((g) => g.curve.subjects >= 30)
      .map((g) => ({ g, p: survivalPoint(g.curve, h).s }))
      .sort((a, b) => b.p - a.p);
    const name = (g: SegmentCurve) => valueText(ctx, s.by, g.segment);
    let text = zh
      ? `${months(h)}后仍未流失的比例为 ${pct(all)}`
      : `After ${months(h)}, ${pct(all)} of spells were still active`;
    if (ranked.length >= 2) {
      const top = ranked[0]!;
      const low = ranked[ranked.length - 1]!;
      text += zh
        ? `；按${memberText(ctx, s.by)}看，最高的是${name(top.g)}（${pct(top.p)}），最低的是${name(low.g)}（${pct(low.p)}）`
        : `; by ${memberText(ctx, s.by).toLowerCase()}, highest for ${name(top.g)} (${pct(top.p)}) and lowest for ${name(low.g)} (${pct(low.p)})`;
      const median = low.g.curve.median;
      if (median !== null)
        text += zh
          ? `，${name(low.g)}的中位生存时间为 ${months(median)}`
          : `; the median spell in ${name(low.g)} lasts ${months(median)}`;
    }
    parts.push(`${text}${zh ? '。' : '.'}`);
  }
  if (s.logRank) {
    const p = s.logRank.pValue;
    const pText = p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
    const chi = formatValue(s.logRank.chiSquare, 'number', ctx.lang);
    parts.push(
      zh
        ? `Log-rank 检验：χ² = ${chi}，自由度 ${s.logRank.df}，${pText}，${p < 0.05 ? '各组生存曲线差异显著' : '各组生存曲线差异不显著'}。`
        : `Log-rank test: χ² = ${chi}, ${s.logRank.df} df, ${pText}: the curves ${p < 0.05 ? 'differ significantly' : 'do not differ significantly'}.`,
    );
  }
  return parts.join(zh ? '' : ' ');
}
