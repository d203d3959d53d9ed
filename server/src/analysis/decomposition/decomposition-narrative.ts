import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { changePhrase, formatValue } from '../../answer/format.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import { analysisMessage } from '../analysis-messages.ts';
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
  const lang = ctx.lang;
  const pp = (v: number) => signedPoints(v, ctx.lang);
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const dims = new Set(s.localisations.map((l) => l.dimension)).size;
  const items = s.localisations.slice(0, NAMED_LOCALISATIONS).map((l) => {
    const flag = ctx.runtime.model.dimensions[l.dimension]?.type === 'boolean';
    const who = flag
      ? memberText(ctx, l.dimension)
      : analysisMessage('label_value', lang, {
          label: memberText(ctx, l.dimension),
          value:
            l.segment === null ? analysisMessage('no_value', lang) : valueText(ctx, l.dimension, l.segment),
        });
    const noise = l.q > 0.05;
    const echo = s.echoes.find((e) => e.dimension === l.dimension && e.segment === l.segment);
    const from = echo ? valueText(ctx, echo.childDimension, echo.childSegment) : '';
    const echoText = echo
      ? analysisMessage('decomposition.echo', lang, {
          contribution: pp(echo.childContribution),
          from,
          parent: valueText(ctx, l.dimension, l.segment!),
        })
      : '';
    return analysisMessage('decomposition.localisation', lang, {
      who,
      contribution: pp(l.contribution),
      low: pp(l.low),
      high: pp(l.high),
      rateA: pct(l.rateA),
      rateB: pct(l.rateB),
      z: l.z.toFixed(1),
      noise: noise ? analysisMessage('decomposition.noise', lang) : '',
      echo: echoText,
    });
  });
  return analysisMessage('decomposition.localisations', lang, {
    dims,
    segments: s.localisations.length,
    items: items.join(analysisMessage('requirement_separator', lang)),
  });
}

/** A change in percentage points with its sign ("+1.3 个百分点", "-0.1 pp"). */
export function signedPoints(v: number, lang: AnalysisContext['lang']): string {
  const t = formatValue(v, 'percent_points', lang);
  return v > 0 && /[1-9]/.test(t) ? `+${t}` : t;
}

/** The change in words: from → to, the mix and rate effects, and the segments that drove it. */
export function decompositionNarrative(ctx: AnalysisContext, s: DecompositionStory): string {
  const lang = ctx.lang;
  const pct = (v: number) => formatValue(v, 'percent', ctx.lang);
  const pp = (v: number) => signedPoints(v, ctx.lang);
  const metric = memberText(ctx, s.ratio.metric);
  const dim = memberText(ctx, s.dimension);
  const flag = ctx.runtime.model.dimensions[s.dimension]?.type === 'boolean';
  const name = (seg: SegmentContribution) =>
    seg.segment === segmentKey(null)
      ? analysisMessage('no_value', lang)
      : flag
        ? analysisMessage(seg.segment === 'true' ? 'decomposition.flag_yes' : 'decomposition.flag_no', lang, {
            dim,
          })
        : valueText(ctx, s.dimension, seg.segment);
  const words = { metric, metric_lower: metric.toLowerCase(), dim, dim_lower: dim.toLowerCase() };
  const r = s.result;
  const parts: string[] = [];
  const change = changePhrase(r.difference, 'percent', ctx.lang);
  parts.push(
    analysisMessage('decomposition.total', lang, {
      ...words,
      a: rangeLabel(s.a, lang),
      b: rangeLabel(s.b, lang),
      rateA: pct(r.rateA),
      rateB: pct(r.rateB),
      change,
      rateEffect: pp(r.rateEffect),
      mixEffect: pp(r.mixEffect),
    }),
  );
  const moving = r.difference >= 0 ? s.segments : [...s.segments].reverse();
  const lead = moving
    .slice(0, 2)
    .filter((g) => Math.sign(g.total) === Math.sign(r.difference) && g.total !== 0);
  if (lead.length) {
    const items = lead.map((g) => {
      const share = r.difference !== 0 ? Math.round((g.total / r.difference) * 100) : 0;
      return analysisMessage('decomposition.segment', lang, {
        ...words,
        name: name(g),
        total: pp(g.total),
        share,
        rateA: pct(g.rateA),
        rateB: pct(g.rateB),
        rate: pp(g.rate),
        mix: pp(g.mix),
      });
    });
    parts.push(
      analysisMessage('decomposition.largest', lang, {
        items: items.join(analysisMessage('decomposition.then', lang)),
      }),
    );
  }
  // A segment moving against the change by at least half of it (a rise hidden in a flat total).
  const against = s.segments
    .filter((g) => g.total !== 0 && Math.sign(g.total) !== Math.sign(r.difference))
    .sort((x, y) => Math.abs(y.total) - Math.abs(x.total))[0];
  if (against && Math.abs(against.total) >= Math.abs(r.difference) / 2) {
    parts.push(
      analysisMessage(r.difference === 0 ? 'decomposition.largest_move' : 'decomposition.against', lang, {
        ...words,
        name: name(against),
        total: pp(against.total),
        rateA: pct(against.rateA),
        rateB: pct(against.rateB),
      }),
    );
  }
  const where = localisationSentence(ctx, s);
  if (where) parts.push(where);
  return parts.join(analysisMessage('sentence_separator', lang));
}
