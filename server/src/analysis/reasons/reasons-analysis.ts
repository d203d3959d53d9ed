import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/model.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, percentMember, requireMembers } from '../governed/analysis-members.ts';
import { analysisPeriod } from '../governed/analysis-period.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { isTimeless } from '../governed/segment-dimensions.ts';
import { controllableSentence, controllableSplit } from './controllable-reasons.ts';
import { reasonsNarrative } from './reason-narrative.ts';
import { reasonVerbatims } from './reason-verbatims.ts';

/** The governed members a reason breakdown is built on. */
export const REASON_MEMBERS = {
  churned: 'churned_customers',
  lostRevenue: 'lost_revenue',
  reason: 'churn_reason',
  customer: 'customer_id',
  churnDate: 'churn_date',
  text: 'feedback_text',
  /** The reason code of churners with no signal in the lookback window. */
  silent: 'silent',
} as const;

/** One reason's line: churners, their share of all churners, and the revenue they took with them. */
export interface ReasonLine {
  reason: string;
  churned: number;
  share: number;
  lostRevenue: number | null;
}

/** Reasons of one segment of the requested breakdown dimension. */
export interface SegmentReasons {
  segment: string | null;
  churned: number;
  reasons: ReasonLine[];
}

const M = REASON_MEMBERS;

/**
 * The dimension carrying the governed churn reason: the one reading the label model's reason column
 * (`reasons.label_column`, e.g. Telco's churn category), else `churn_reason` (the materialised reason
 * of each churn spell).
 */
export function reasonDimension(model: SemanticModel): string {
  const label = model.churn.reasons.label_column;
  if (label) {
    const d = Object.values(model.dimensions).find(
      (x) => model.sources[x.source]?.table === label.table && x.sql === label.column,
    );
    if (d) return d.id;
  }
  return M.reason;
}

/** Named reasons by churners (most first), silent churn last. */
export function orderReasons(lines: ReasonLine[]): ReasonLine[] {
  return [...lines].sort((a, b) => {
    const silentA = a.reason === M.silent ? 1 : 0;
    const silentB = b.reason === M.silent ? 1 : 0;
    return silentA - silentB || b.churned - a.churned || a.reason.localeCompare(b.reason);
  });
}

function linesOf(rows: Record<string, unknown>[], reason: string, hasRevenue: boolean): ReasonLine[] {
  const total = rows.reduce((s, r) => s + count(r[M.churned]), 0);
  return orderReasons(
    rows
      .filter((r) => count(r[M.churned]) > 0)
      .map((r) => ({
        reason: r[reason] === null || r[reason] === undefined ? M.silent : String(r[reason]),
        churned: count(r[M.churned]),
        share: count(r[M.churned]) / total,
        lostRevenue: hasRevenue ? count(r[M.lostRevenue]) : null,
      })),
  );
}

/**
 * "上个季度流失客户的主要原因是什么?": churners of the period (active at its start) by the governed
 * churn reason (the most frequent ticket / negative-feedback category in the 90 days before churn),
 * silent churn as its own row, each reason's share of churners, example verbatims for the top
 * reasons, and optionally the reasons within each value of a requested dimension.
 */
export const reasonsAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const model = runtime.model;
  const reason = reasonDimension(model);
  requireMembers(ctx, { metrics: [M.churned], dimensions: [reason] });
  // Label churn has no dates: the reasons of every churner, no period.
  const { range, assumption } = isTimeless(model, M.churned)
    ? { range: undefined, assumption: undefined }
    : analysisPeriod(ctx);
  const hasRevenue = !!model.metrics[M.lostRevenue];
  const metrics = hasRevenue ? [M.churned, M.lostRevenue] : [M.churned];
  const by = (request.query.dimensions ?? []).find((d) => d !== reason && model.dimensions[d]);

  const overall = await runGoverned(ctx, 'reasons', { metrics, dimensions: [reason], timeRange: range });
  const lines = linesOf(overall.rows, reason, hasRevenue);
  const total = lines.reduce((s, l) => s + l.churned, 0);
  if (total === 0) {
    throw new AnalysisError(analysisMessage('reasons.no_churners', ctx.lang), 'no_data');
  }

  let segments: SegmentReasons[] = [];
  if (by) {
    const split = await runGoverned(ctx, 'reasons_by_segment', {
      metrics,
      dimensions: [by, reason],
      timeRange: range,
    });
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const r of split.rows) {
      const key = JSON.stringify(r[by] ?? null);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    segments = [...groups.entries()]
      .map(([key, rows]) => {
        const reasons = linesOf(rows, reason, hasRevenue);
        const value = JSON.parse(key) as unknown;
        return {
          segment: value === null ? null : String(value),
          churned: reasons.reduce((s, l) => s + l.churned, 0),
          reasons,
        };
      })
      .filter((s) => s.churned > 0)
      .sort((a, b) => b.churned - a.churned);
  }

  const named = lines.filter((l) => l.reason !== M.silent).slice(0, 3);
  const verbatims = range
    ? await ctx.trace.timed('verbatims_total', () =>
        reasonVerbatims(
          ctx,
          { churned: M.churned, reason, customer: M.customer, churnDate: M.churnDate, text: M.text },
          range,
          named.map((l) => l.reason),
        ),
      )
    : {};

  const shareMember = percentMember({ zh: '占流失客户比例', en: 'Share of churners' });
  const members = analysisMembers(ctx, { share: shareMember });
  const presentation = by
    ? {
        language: ctx.lang,
        intent: 'breakdown' as const,
        columns: [
          { name: by, kind: 'dimension', member: by },
          { name: reason, kind: 'dimension', member: reason },
          { name: 'share', kind: 'metric', member: 'share' },
          { name: M.churned, kind: 'metric', member: M.churned },
        ] satisfies CompiledColumn[],
        rows: segments.flatMap((s) =>
          s.reasons.map((l) => ({
            [by]: s.segment,
            [reason]: l.reason,
            share: l.share,
            [M.churned]: l.churned,
          })),
        ),
        members: {
          ...members,
          share: percentMember({ zh: '占该组流失客户比例', en: 'Share of the group’s churners' }),
        },
        ...(range ? { timeRange: range } : {}),
      }
    : {
        language: ctx.lang,
        intent: 'reasons' as const,
        columns: [
          { name: reason, kind: 'dimension', member: reason },
          { name: M.churned, kind: 'metric', member: M.churned },
          { name: 'share', kind: 'metric', member: 'share' },
          ...(hasRevenue ? [{ name: M.lostRevenue, kind: 'metric' as const, member: M.lostRevenue }] : []),
        ] satisfies CompiledColumn[],
        rows: lines.map((l) => ({
          [reason]: l.reason,
          [M.churned]: l.churned,
          share: l.share,
          ...(hasRevenue ? { [M.lostRevenue]: l.lostRevenue } : {}),
        })),
        members,
        ...(range ? { timeRange: range } : {}),
      };

  const silent = lines.find((l) => l.reason === M.silent) ?? null;
  const control = controllableSplit(ctx, lines, M.silent);
  const story = reasonsNarrative(ctx, { reason, range, total, lines, silent, verbatims, by, segments });
  return analysisResult(ctx, {
    presentation,
    narrative: control
      ? [story, controllableSentence(ctx, control, reason)].join(
          analysisMessage('sentence_separator', ctx.lang),
        )
      : story,
    analysis: {
      period: range ?? null,
      reasonDimension: reason,
      churned: total,
      reasons: lines,
      silent: silent ? { churned: silent.churned, share: silent.share } : { churned: 0, share: 0 },
      signalledShare: 1 - (silent?.share ?? 0),
      ...(control ? { controllable: control } : {}),
      verbatims,
      ...(by ? { by, segments } : {}),
      lookbackDays: Number(model.churn.reasons.lookback_days),
    },
    assumptions: assumption ? [assumption] : [],
  });
};
