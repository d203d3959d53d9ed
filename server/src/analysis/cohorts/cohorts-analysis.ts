import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import { addMonths } from '../../../../semantic-layer/src/compile/periods.ts';
import type { MetricDef } from '../../../../semantic-layer/src/model.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { rangeLabel } from '../../answer/period-label.ts';
import type { PresentationInput } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers } from '../governed/analysis-members.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { cohortsNarrative } from './cohorts-narrative.ts';

type CohortMetric = Extract<MetricDef, { type: 'cohort_retention' }>;

/** Fewer grain periods than this in the asked range is widened to a full set of cohorts. */
const MIN_COHORTS = 6;

/** Retention k periods after the start, averaged over the cohorts that reached k. */
export interface RetentionPoint {
  period: number;
  cohorts: number;
  members: number;
  retained: number;
  /** Σ retained ÷ Σ cohort size over the cohorts that reached k. */
  pooled: number;
  /** Unweighted mean of the cohorts' retention. */
  mean: number;
}

function cohortMetric(ctx: AnalysisContext): CohortMetric {
  const metrics = Object.values(ctx.runtime.model.metrics);
  const asked = (ctx.request.query.metrics ?? []).map((id) => ctx.runtime.model.metrics[id]);
  const m = [...asked, ...metrics].find((x) => x?.type === 'cohort_retention');
  if (m?.type !== 'cohort_retention') {
    throw new AnalysisError(
      analysisMessage('cohorts.no_metric', ctx.lang, { model: ctx.runtime.model.id }),
      'unsupported',
    );
  }
  return m;
}

const GRAIN_MONTHS: Record<string, number> = { month: 1, quarter: 3 };

/** The cohorts to show: the asked range when it holds enough cohorts, else the `periods` before its end. */
function cohortRange(ctx: AnalysisContext, m: CohortMetric): { range: TimeRange; assumption?: string } {
  const months = GRAIN_MONTHS[m.grain] ?? 1;
  const asked = ctx.request.query.timeRange;
  const asOf = ctx.runtime.asOf;
  const end = asked && asked.end < asOf ? asked.end : asOf;
  const monthsAsked = asked
    ? (Number(asked.end.slice(0, 4)) - Number(asked.start.slice(0, 4))) * 12 +
      Number(asked.end.slice(5, 7)) -
      Number(asked.start.slice(5, 7))
    : 0;
  if (asked && monthsAsked / months >= MIN_COHORTS) return { range: asked };
  const start = addMonths(`${end.slice(0, 7)}-01`, -m.periods * months);
  const range = { start, end: `${end.slice(0, 7)}-01` };
  const lang = ctx.lang;
  return {
    range,
    assumption: analysisMessage('cohorts.assumption', lang, {
      grain: analysisMessage(`cohorts.grain.${m.grain}`, lang),
      range: rangeLabel(range, lang),
      periods: m.periods,
      short: asked ? analysisMessage('cohorts.assumption.short', lang) : '',
    }),
  };
}

/** Average retention curve over the cohorts that reached each period. */
export function retentionCurve(rows: Record<string, unknown>[], metric: string): RetentionPoint[] {
  const byK = new Map<number, { cohorts: number; members: number; retained: number; sum: number }>();
  for (const r of rows) {
    const size = count(r.cohort_size);
    if (size === 0) continue;
    const k = count(r.period_number);
    const p = byK.get(k) ?? { cohorts: 0, members: 0, retained: 0, sum: 0 };
    p.cohorts++;
    p.members += size;
    p.retained += count(r.retained);
    p.sum += count(r[metric]);
    byK.set(k, p);
  }
  return [...byK.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([period, p]) => ({
      period,
      cohorts: p.cohorts,
      members: p.members,
      retained: p.retained,
      pooled: p.retained / p.members,
      mean: p.sum / p.cohorts,
    }));
}

/**
 * Cohort retention (DOMAIN.md §5): customers grouped by the grain of their first order, the share
 * still active at the end of each later period, from the governed cohort_retention metric (periods
 * not yet reached are left out, so averages only use cohorts that reached k). With a dimension,
 * each segment's average curve.
 */
export const cohortsAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const m = cohortMetric(ctx);
  const { range, assumption } = cohortRange(ctx, m);
  const by = (request.query.dimensions ?? []).find((id) => runtime.model.dimensions[id]);
  const { rows, compiled } = await runGoverned(ctx, 'cohorts', {
    metrics: [m.id],
    dimensions: by ? [by] : [],
    timeRange: range,
  });
  const withMembers = rows.filter((r) => count(r.cohort_size) > 0);
  if (!withMembers.length) {
    throw new AnalysisError(analysisMessage('cohorts.none', ctx.lang), 'no_data');
  }
  const curve = retentionCurve(withMembers, m.id);
  const segments = by
    ? [...new Set(withMembers.map((r) => r[by]))].map((value) => ({
        value: value === null || value === undefined ? null : String(value),
        curve: retentionCurve(
          withMembers.filter((r) => r[by] === value),
          m.id,
        ),
      }))
    : [];
  const members = analysisMembers(ctx);
  const presentation: PresentationInput = by
    ? {
        language: ctx.lang,
        intent: 'cohorts',
        columns: [
          { name: by, kind: 'dimension', member: by },
          { name: 'period_number', kind: 'dimension', member: 'period_number' },
          { name: m.id, kind: 'metric', member: m.id },
        ] satisfies CompiledColumn[],
        rows: segments.flatMap((s) =>
          s.curve.map((p) => ({ [by]: s.value, period_number: p.period, [m.id]: p.pooled })),
        ),
        members,
        timeRange: range,
      }
    : {
        language: ctx.lang,
        intent: 'cohorts',
        columns: compiled.columns,
        rows: withMembers,
        members,
        timeRange: range,
        grain: m.grain === 'week' ? 'week' : m.grain,
      };
  return analysisResult(ctx, {
    presentation,
    narrative: cohortsNarrative(ctx, { metric: m, range, rows: withMembers, curve, by, segments }),
    analysis: {
      metric: m.id,
      grain: m.grain,
      range,
      cohorts: new Set(withMembers.map((r) => String(r.cohort))).size,
      curve,
      ...(by ? { by, segments } : {}),
    },
    assumptions: assumption ? [assumption] : [],
  });
};
