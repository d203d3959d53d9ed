import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput, PresentedMember } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, memberText, percentMember, requireMembers } from '../governed/analysis-members.ts';
import { segmentDimensions } from '../governed/segment-dimensions.ts';
import { type KaplanMeierCurve, survivalAt } from '../stats/index.ts';
import { type SurvivalMembers, spellSurvival } from './spell-survival.ts';
import { survivalNarrative } from './survival-narrative.ts';

export const SURVIVAL_MEMBERS: SurvivalMembers = {
  spells: 'spells',
  ended: 'ended_spells',
  duration: 'spell_duration_months',
};

/** Months at which the table reads each curve. */
export const HORIZONS = [3, 6, 12, 24];
/** Segment dimensions with at most this many values are eligible as the default split. */
const MAX_DEFAULT_SEGMENTS = 8;

/** S(t) and its pointwise CI at a horizon (the last step at or before it). */
export function survivalPoint(curve: KaplanMeierCurve, t: number): { s: number; low: number; high: number } {
  let step = null;
  for (const x of curve.steps) {
    if (x.time > t) break;
    step = x;
  }
  return step
    ? { s: step.survival, low: step.lower, high: step.upper }
    : { s: survivalAt(curve, t), low: 1, high: 1 };
}

/**
 * Survival by segment (DOMAIN.md §5): Kaplan–Meier curves of customers' activity spells (months from
 * a spell's first order to its churn date; spells still active are censored) per value of a dimension,
 * with a log-rank test of equal survival. Default split: the first low-cardinality customer dimension.
 */
export const survivalAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const m = SURVIVAL_MEMBERS;
  requireMembers(ctx, { metrics: [m.spells, m.ended], dimensions: [m.duration] });
  const assumptions: string[] = [];
  const asked = (request.query.dimensions ?? []).find((id) => runtime.model.dimensions[id]);
  let by = asked;
  if (!by) {
    by = segmentDimensions(runtime, m.spells, { maxValues: MAX_DEFAULT_SEGMENTS })[0]?.id;
    if (!by) throw new AnalysisError(analysisMessage('survival.no_dimension', ctx.lang), 'unsupported');
    assumptions.push(
      analysisMessage('survival.compared_by', ctx.lang, {
        dimension: memberText(ctx, by),
        dimension_lower: memberText(ctx, by).toLowerCase(),
      }),
    );
  }
  if (request.query.timeRange) {
    assumptions.push(analysisMessage('survival.all_spells', ctx.lang));
  }
  const result = await spellSurvival(ctx, m, by);
  if (result.overall.subjects === 0) {
    throw new AnalysisError(analysisMessage('survival.no_spells', ctx.lang), 'no_data');
  }
  const maxTime = result.overall.steps.at(-1)?.time ?? 0;
  const horizons = HORIZONS.filter((h) => h <= maxTime);
  const segments = [...result.segments].sort((a, b) => b.curve.subjects - a.curve.subjects);
  const horizonMember: PresentedMember = {
    label: { zh: '活跃时长', en: 'Time since start' },
    values: Object.fromEntries(horizons.map((h) => [String(h), { zh: `${h} 个月`, en: `${h} months` }])),
  };
  const columns: CompiledColumn[] = [
    { name: by, kind: 'dimension', member: by },
    { name: 'horizon', kind: 'dimension', member: 'horizon' },
    { name: 'survival', kind: 'metric', member: 'survival' },
    { name: 'survival_low', kind: 'metric', member: 'survival_low' },
    { name: 'survival_high', kind: 'metric', member: 'survival_high' },
  ];
  const presentation: PresentationInput = {
    language: ctx.lang,
    intent: 'survival',
    columns,
    rows: segments.flatMap((g) =>
      horizons.map((h) => {
        const p = survivalPoint(g.curve, h);
        return {
          [by]: g.segment,
          horizon: String(h),
          survival: p.s,
          survival_low: p.low,
          survival_high: p.high,
        };
      }),
    ),
    members: analysisMembers(ctx, {
      horizon: horizonMember,
      survival: percentMember({ zh: '未流失概率', en: 'Still active (S(t))' }),
      survival_low: percentMember({ zh: '95% 置信下限', en: '95% CI low' }),
      survival_high: percentMember({ zh: '95% 置信上限', en: '95% CI high' }),
    }),
  };
  const curveSummary = (c: KaplanMeierCurve) => ({
    subjects: c.subjects,
    events: c.events,
    median: c.median,
    medianInterval: c.medianInterval,
    atHorizons: Object.fromEntries(horizons.map((h) => [h, survivalPoint(c, h).s])),
  });
  return analysisResult(ctx, {
    presentation,
    narrative: survivalNarrative(ctx, {
      by,
      horizons,
      overall: result.overall,
      segments,
      logRank: result.logRank,
    }),
    analysis: {
      unit: 'activity spell',
      timeUnit: 'month',
      by,
      overall: curveSummary(result.overall),
      segments: segments.map((g) => ({
        segment: g.segment,
        ...curveSummary(g.curve),
        steps: g.curve.steps.map((s) => ({
          time: s.time,
          atRisk: s.atRisk,
          events: s.events,
          survival: s.survival,
        })),
      })),
      logRank: result.logRank,
      ...(result.logRankIssue ? { logRankIssue: result.logRankIssue } : {}),
    },
    assumptions,
  });
};
