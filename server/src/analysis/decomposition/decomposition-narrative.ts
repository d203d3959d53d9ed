import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { changePhrase, formatValue } from '../../answer/format.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { memberText, valueText } from '../governed/analysis-members.ts';
import type { RateDecomposition, SegmentContribution } from '../stats/index.ts';
import type { SegmentFit } from './dimension-fit.ts';
import type { Echo } from './nested-segments.ts';
import type { RatioParts } from './segment-counts.ts';
import { segmentKey } from './segment-counts.ts';

export interface DecompositionStory {
  ratio: RatioParts;
  dimension: string;
  a: TimeRange;
  b: TimeRange;
  result: RateDecomposition;
  /** Ordered by total contribution, largest first. */
  segments: SegmentContribution[];
  /** Every segment of every dimension tried, by |z| (empty when the question named the dimension). */
  localisations: SegmentFit[];
  /** Coarse segments whose contribution a listed finer one carries (a region and its city). */
  echoes: Echo[];
}

/** Segments named as where the change happened. */
export const NAMED_LOCALISATIONS = 3;

/** The segments that depart most from their size's share, across every dimension tried, with significance. */
function localisationSentence(ctx: AnalysisContext, s: DecompositionStory): string | null {
  if (!s.localisations.length) return null;
  const zh = ctx.lang === 'zh';
  const pp = (v: number) => signedPoints(v, ctx.lang);
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const dims = new Set(s.localisations.map((l) => l.dimension)).size;
  const items = s.localisations.slice(0, NAMED_LOCALISATIONS).map((l) => {
    const flag = ctx.runtime.model.dimensions[l.dimension]?.type === 'boolean';
    const who = flag
      ? memberText(ctx, l.dimension)
      : `${memberText(ctx, l.dimension)}${zh ? '：' : ': '}${l.segment === null ? (zh ? '（空）' : '(none)') : valueText(ctx, l.dimension, l.segment)}`;
    const noise = l.q > 0.05;
    const echo = s.echoes.find((e) => e.dimension === l.dimension && e.segment === l.segment);
    const from = echo ? valueText(ctx, echo.childDimension, echo.childSegment) : '';
    const echoText = echo
      ? zh
        ? `，其中 ${pp(echo.childContribution)} 来自${from}，应看${from}而非整个${valueText(ctx, l.dimension, l.segment!)}`
        : `, of which ${pp(echo.childContribution)} comes from ${from}: look at ${from}, not all of ${valueText(ctx, l.dimension, l.segment!)}`
      : '';
    return zh
      ? `「${who}」（贡献 ${pp(l.contribution)}，95% 区间 ${pp(l.low)}～${pp(l.high)}；该组从 ${pct(l.rateA)} 到 ${pct(l.rateB)}；z = ${l.z.toFixed(1)}${noise ? '，校正后不显著，可能是偶然' : ''}${echoText}）`
      : `${who} (contribution ${pp(l.contribution)}, 95% CI ${pp(l.low)} to ${pp(l.high)}; its rate went from ${pct(l.rateA)} to ${pct(l.rateB)}; z = ${l.z.toFixed(1)}${noise ? ', not significant after correction, possibly chance' : ''}${echoText})`;
  });
  return zh
    ? `在尝试的 ${dims} 个维度、${s.localisations.length} 个细分中（按 Benjamini–Hochberg 校正多重比较），变化最集中的是：${items.join('；')}。`
    : `Across the ${dims} dimensions and ${s.localisations.length} segments tried (Benjamini–Hochberg corrected), the change is most concentrated in: ${items.join('; ')}.`;
}

/** A change in percentage points with its sign ("+1.3 个百分点", "-0.1 pp"). */
export function signedPoints(v: number, lang: AnalysisContext['lang']): string {
  const t = formatValue(v, 'percent_points', lang);
  return v > 0 && /[1-9]/.test(t) ? `+${t}` : t;
}

/** The change in words: from → to, the mix and rate effects, and the segments that drove it. */
export function decompositionNarrative(ctx: AnalysisContext, s: DecompositionStory): string {
  const zh = ctx.lang === 'zh';
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const pp = (v: number) => signedPoints(v, ctx.lang);
  const metric = memberText(ctx, s.ratio.metric);
  const dim = memberText(ctx, s.dimension);
  const flag = ctx.runtime.model.dimensions[s.dimension]?.type === 'boolean';
  const name = (seg: SegmentContribution) =>
    seg.segment === segmentKey(null)
      ? zh
        ? '（空）'
        : '(none)'
      : flag
        ? `${dim}${seg.segment === 'true' ? (zh ? '（是）' : ' (yes)') : zh ? '（否）' : ' (no)'}`
        : valueText(ctx, s.dimension, seg.segment);
  const r = s.result;
  const parts: string[] = [];
  const change = changePhrase(r.difference, 'percent', ctx.lang);
  parts.push(
    zh
      ? `${metric}从${rangeLabel(s.a, 'zh')}的 ${pct(r.rateA)} 变为${rangeLabel(s.b, 'zh')}的 ${pct(r.rateB)}（${change}）。按${dim}分解：比率效应（各组自身${metric}的变化）${pp(r.rateEffect)}，结构效应（各组人数占比的变化）${pp(r.mixEffect)}，两者相加正好等于总变化。`
      : `${metric} went from ${pct(r.rateA)} in ${rangeLabel(s.a, 'en')} to ${pct(r.rateB)} in ${rangeLabel(s.b, 'en')} (${change}). Split by ${dim.toLowerCase()}: the rate effect (each group's own ${metric.toLowerCase()} changing) is ${pp(r.rateEffect)} and the mix effect (groups' shares changing) ${pp(r.mixEffect)}; they add up exactly to the change.`,
  );
  const moving = r.difference >= 0 ? s.segments : [...s.segments].reverse();
  const lead = moving
    .slice(0, 2)
    .filter((g) => Math.sign(g.total) === Math.sign(r.difference) && g.total !== 0);
  if (lead.length) {
    const items = lead.map((g) => {
      const share = r.difference !== 0 ? Math.round((g.total / r.difference) * 100) : 0;
      return zh
        ? `${name(g)}（${pp(g.total)}，占变化的 ${share}%；该组${metric}从 ${pct(g.rateA)} 到 ${pct(g.rateB)}，比率效应 ${pp(g.rate)}、结构效应 ${pp(g.mix)}）`
        : `${name(g)} (${pp(g.total)}, ${share}% of the change; its ${metric.toLowerCase()} went from ${pct(g.rateA)} to ${pct(g.rateB)}, rate effect ${pp(g.rate)}, mix effect ${pp(g.mix)})`;
    });
    parts.push(
      zh
        ? `贡献最大的是${items.join('；其次是')}。`
        : `The largest contribution came from ${items.join('; then ')}.`,
    );
  }
  // A segment moving against the change by at least half of it (a rise hidden in a flat total).
  const against = s.segments
    .filter((g) => g.total !== 0 && Math.sign(g.total) !== Math.sign(r.difference))
    .sort((x, y) => Math.abs(y.total) - Math.abs(x.total))[0];
  if (against && Math.abs(against.total) >= Math.abs(r.difference) / 2) {
    parts.push(
      zh
        ? `${r.difference === 0 ? '变化最大的' : '反方向变化最大的'}是${name(against)}（${pp(against.total)}；该组${metric}从 ${pct(against.rateA)} 到 ${pct(against.rateB)}）。`
        : `${r.difference === 0 ? 'The largest move' : 'Moving the other way'}: ${name(against)} (${pp(against.total)}; its ${metric.toLowerCase()} went from ${pct(against.rateA)} to ${pct(against.rateB)}).`,
    );
  }
  const where = localisationSentence(ctx, s);
  if (where) parts.push(where);
  return parts.join(zh ? '' : ' ');
}
