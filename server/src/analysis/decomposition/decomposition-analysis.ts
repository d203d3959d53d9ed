import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, memberText, percentMember } from '../governed/analysis-members.ts';
import { analysisPeriod, baselinePeriod } from '../governed/analysis-period.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { isTimeless } from '../governed/segment-dimensions.ts';
import { benjaminiHochberg, decomposeRateChange, type RateDecomposition } from '../stats/index.ts';
import { candidateDimensions, leftOutAssumption } from './candidate-dimensions.ts';
import { decompositionNarrative, NAMED_LOCALISATIONS } from './decomposition-narrative.ts';
import {
  autoPickAssumption,
  bestFit,
  type Decomposed,
  type DimensionFit,
  dimensionFit,
  type SegmentFit,
  segmentFits,
} from './dimension-fit.ts';
import { type Echo, segmentEchoes } from './nested-segments.ts';
import { fromKey, type RatioParts, segmentCounts } from './segment-counts.ts';

/** False discovery rate for naming a segment as where the change happened. */
const FDR = 0.05;

function ratioOf(ctx: AnalysisContext): RatioParts {
  const model = ctx.runtime.model;
  const asked = (ctx.request.query.metrics ?? []).find((id) => model.metrics[id]?.type === 'ratio');
  const id = asked ?? (model.metrics.churn_rate?.type === 'ratio' ? 'churn_rate' : undefined);
  const m = id ? model.metrics[id] : undefined;
  if (!id || m?.type !== 'ratio') {
    throw new AnalysisError(analysisMessage('decomposition.needs_ratio', ctx.lang), 'unsupported');
  }
  if (isTimeless(model, id)) {
    throw new AnalysisError(
      analysisMessage('decomposition.timeless', ctx.lang, { metric: memberText(ctx, id) }),
      'unsupported',
    );
  }
  return { metric: id, numerator: m.numerator, denominator: m.denominator };
}

async function decompose(
  ctx: AnalysisContext,
  ratio: RatioParts,
  dimension: string,
  a: TimeRange,
  b: TimeRange,
): Promise<Decomposed> {
  const counts = await segmentCounts(ctx, ratio, dimension, a, b);
  const r = decomposeRateChange(counts);
  if (!r.ok) {
    throw new AnalysisError(
      analysisMessage('decomposition.failed', ctx.lang, { detail: r.issue.message }),
      'no_data',
    );
  }
  return { counts, result: r.value };
}

/**
 * "为什么上个季度流失率上升了?": the change of a ratio metric (churn rate by default) between the
 * period and its baseline (previous period, or the same period last year), split by a dimension into
 * mix and rate effects (Kitagawa / Das Gupta; the parts add up exactly to the change). Without a
 * requested dimension, each low-cardinality segment dimension is tried and the one whose single
 * segment explains the largest share of the change is used, which is said as an assumption.
 */
export const decompositionAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const ratio = ratioOf(ctx);
  const period = analysisPeriod(ctx);
  const b = period.range;
  const a = baselinePeriod(b, request.query.compare);
  const assumptions = period.assumption ? [period.assumption] : [];

  const overall = await runGoverned(ctx, 'decomposition_overall', {
    metrics: [ratio.metric],
    timeRange: b,
    compare: request.query.compare ?? 'previous_period',
  });
  const governedB = overall.rows[0]?.[ratio.metric];
  const governedA = overall.rows[0]?.[`${ratio.metric}__previous`];

  const asked = (request.query.dimensions ?? []).find((id) => runtime.model.dimensions[id]);
  let dimension: string;
  let result: RateDecomposition;
  let fits: DimensionFit[] = [];
  let localisations: SegmentFit[] = [];
  let echoes: Echo[] = [];
  let used = ratio;
  if (asked) {
    dimension = asked;
    // A dimension only the quarter-start snapshots carry (category…) is split on the snapshot ratio.
    const own = candidateDimensions(ctx, ratio, a, b).candidates.find((c) => c.dimension === asked);
    used = own?.ratio ?? ratio;
    result = (await decompose(ctx, used, asked, a, b)).result;
  } else {
    const { candidates, leftOut } = candidateDimensions(ctx, ratio, a, b);
    if (!candidates.length) {
      throw new AnalysisError(analysisMessage('decomposition.no_dimension', ctx.lang), 'unsupported');
    }
    const tried = await Promise.all(candidates.map((c) => decompose(ctx, c.ratio, c.dimension, a, b)));
    fits = tried.map((r, i) => dimensionFit(candidates[i]!.dimension, r));
    // Every segment of every dimension tried, ranked by how far it departs from its size's share,
    // with Benjamini–Hochberg over all of them (many segments are tried, some depart by chance).
    // A flag's false segment mirrors its true one: only the true one is a localisation.
    localisations = tried
      .flatMap((r, i) => segmentFits(candidates[i]!.dimension, r))
      .filter((l) => runtime.model.dimensions[l.dimension]?.type !== 'boolean' || l.segment === 'true');
    const q = benjaminiHochberg(localisations.map((l) => l.p));
    localisations.forEach((l, i) => {
      l.q = q[i]!;
    });
    localisations.sort((x, y) => Math.abs(y.z) - Math.abs(x.z));
    echoes = await segmentEchoes(ctx, ratio, localisations, b, NAMED_LOCALISATIONS);
    const best = bestFit(fits);
    dimension = candidates[best]!.dimension;
    used = candidates[best]!.ratio;
    result = tried[best]!.result;
    assumptions.push(autoPickAssumption(ctx, fits, fits[best]!, result.difference));
    if (used.metric !== ratio.metric)
      assumptions.push(
        analysisMessage('decomposition.snapshot_metric', ctx.lang, {
          dimension: memberText(ctx, dimension),
          metric: memberText(ctx, used.metric),
          metric_lower: memberText(ctx, used.metric).toLowerCase(),
        }),
      );
    const skipped = leftOutAssumption(ctx, leftOut);
    if (skipped) assumptions.push(skipped);
  }

  const segments = [...result.segments].sort((x, y) => y.total - x.total);
  const columns: CompiledColumn[] = [
    { name: 'segment', kind: 'dimension', member: dimension },
    { name: 'total', kind: 'metric', member: 'total' },
    { name: 'mix', kind: 'metric', member: 'mix' },
    { name: 'rate', kind: 'metric', member: 'rate' },
    { name: 'rate_a', kind: 'metric', member: 'rate_a' },
    { name: 'rate_b', kind: 'metric', member: 'rate_b' },
    { name: 'weight_a', kind: 'metric', member: 'weight_a' },
    { name: 'weight_b', kind: 'metric', member: 'weight_b' },
  ];
  const compareWord = request.query.compare === 'same_period_last_year' ? '去年同期' : '上期';
  const compareEn = request.query.compare === 'same_period_last_year' ? 'year-ago' : 'previous';
  const presentation: PresentationInput = {
    language: ctx.lang,
    intent: 'decomposition',
    columns,
    rows: segments.map((s) => ({
      segment: fromKey(s.segment),
      total: s.total,
      mix: s.mix,
      rate: s.rate,
      rate_a: s.rateA,
      rate_b: s.rateB,
      weight_a: s.weightA,
      weight_b: s.weightB,
    })),
    members: analysisMembers(ctx, {
      total: percentMember({ zh: '合计贡献', en: 'Total contribution' }),
      mix: percentMember({ zh: '结构效应', en: 'Mix effect' }),
      rate: percentMember({ zh: '比率效应', en: 'Rate effect' }),
      rate_a: percentMember({
        zh: `${compareWord}${memberText(ctx, ratio.metric)}`,
        en: `${memberText(ctx, ratio.metric)} (${compareEn})`,
      }),
      rate_b: percentMember({
        zh: `本期${memberText(ctx, ratio.metric)}`,
        en: `${memberText(ctx, ratio.metric)} (this period)`,
      }),
      weight_a: percentMember({ zh: `${compareWord}占比`, en: `Share (${compareEn})` }),
      weight_b: percentMember({ zh: '本期占比', en: 'Share (this period)' }),
    }),
    timeRange: b,
    compare: request.query.compare ?? 'previous_period',
  };
  return analysisResult(ctx, {
    presentation,
    narrative: decompositionNarrative(ctx, {
      ratio: used,
      dimension,
      a,
      b,
      result,
      segments,
      localisations,
      echoes,
    }),
    analysis: {
      metric: used.metric,
      dimension,
      period: b,
      baseline: a,
      rateA: result.rateA,
      rateB: result.rateB,
      difference: result.difference,
      mixEffect: result.mixEffect,
      rateEffect: result.rateEffect,
      governed: {
        rateA: governedA ?? null,
        rateB: governedB ?? null,
        change: count(governedB) - count(governedA),
      },
      segments: segments.map((s) => ({ ...s, segment: fromKey(s.segment) })),
      ...(fits.length
        ? {
            dimensionsTried: fits,
            localisations,
            correction: { method: 'benjamini_hochberg', fdr: FDR, tests: localisations.length },
          }
        : {}),
    },
    assumptions,
  });
};
