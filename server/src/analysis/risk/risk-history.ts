/**
 * The point-in-time history the risk model learns from: which quarter snapshots form the time split,
 * and the active customers' features and 90-day outcomes at each, read snapshot by snapshot through
 * compiled semantic queries (row-level security applied). Large histories are sampled by customer with
 * a deterministic hash, so a customer is in or out at every snapshot and reruns see the same rows.
 */
import { addDays } from '../../../../semantic-layer/src/compile/periods.ts';
import { AnalysisError } from '../analysis-contract.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { readGoverned } from './governed-read.ts';
import { CATEGORICAL_FEATURES, FEATURE_DIMENSIONS } from './risk-features.ts';
import { riskMessage } from './risk-messages.ts';

/** Quarters of history each fit learns from: a year, so every season is seen once. */
export const TRAINING_QUARTERS = 4;
/** The outcome horizon (days) of the label `churned_next_90d`. */
export const HORIZON_DAYS = 90;
/**
 * Customer-quarters read at most; beyond it customers are sampled (IRLS time and memory stay bounded:
 * ~120k rows fit 27 features in a few seconds, and the coefficients' standard errors stay small).
 */
export const MAX_HISTORY_ROWS = 120_000;

type Row = Record<string, unknown>;

export interface RiskHistory {
  /** Snapshots the evaluation model learns from (strictly before `evaluationDate`). */
  trainingDates: string[];
  /** The latest snapshot whose 90-day outcome is known by the as-of date. */
  evaluationDate: string;
  /** Snapshots the production model learns from (the latest labelled ones, evaluation date included). */
  productionDates: string[];
  rowsByDate: Map<string, Row[]>;
  /** Share of customers kept (1 = all). */
  sampleRate: number;
}

/** Active customers per snapshot date (the user's rows only), oldest first. */
async function snapshotSizes(ctx: AnalysisContext): Promise<{ date: string; active: number }[]> {
  const rows = await readGoverned(ctx, 'history_ms', {
    metrics: ['snapshot_active_customers'],
    time: { dimension: 'snapshot_date', grain: 'quarter' },
  });
  return rows
    .map((row) => ({ date: String(row.period).slice(0, 10), active: Number(row.snapshot_active_customers) }))
    .filter((s) => s.active > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * One snapshot's active customers with the model's inputs and the label; with `sampleRate` < 1 only
 * the customers whose id hashes below it (the same customers at every snapshot), chosen in the query
 * so unsampled rows never reach JavaScript.
 */
function snapshotRows(ctx: AnalysisContext, date: string, sampleRate: number): Promise<Row[]> {
  return readGoverned(
    ctx,
    'history_ms',
    {
      metrics: ['snapshot_active_customers'],
      dimensions: ['customer_id', 'churned_next_90d', ...CATEGORICAL_FEATURES, ...FEATURE_DIMENSIONS],
      time: { dimension: 'snapshot_date', grain: 'quarter' },
      timeRange: { start: date, end: addDays(date, 1) },
      filters: [{ member: 'snapshot_active_customers', op: 'gt', values: [0] }],
    },
    sampleRate < 1 ? { sample: { column: 'customer_id', rate: sampleRate } } : {},
  );
}

/** Chooses the time split and reads its snapshots; `AnalysisError('no_data')` when there is no split. */
export async function loadRiskHistory(
  ctx: AnalysisContext,
  maxRows = MAX_HISTORY_ROWS,
): Promise<RiskHistory> {
  const sizes = await snapshotSizes(ctx);
  const labelled = sizes.filter((s) => addDays(s.date, HORIZON_DAYS) <= ctx.runtime.asOf);
  const evaluationDate = labelled.at(-1)?.date;
  const trainingDates = labelled
    .slice(0, -1)
    .slice(-TRAINING_QUARTERS)
    .map((s) => s.date);
  if (!evaluationDate || trainingDates.length === 0) {
    throw new AnalysisError(riskMessage('too_little_history', ctx.lang), 'no_data');
  }
  const used = [...trainingDates, evaluationDate];
  const total = labelled.filter((s) => used.includes(s.date)).reduce((sum, s) => sum + s.active, 0);
  const sampleRate = Math.min(1, maxRows / total);
  const rowsByDate = new Map<string, Row[]>();
  for (const date of used) rowsByDate.set(date, await snapshotRows(ctx, date, sampleRate));
  return {
    trainingDates,
    evaluationDate,
    productionDates: labelled.slice(-TRAINING_QUARTERS).map((s) => s.date),
    rowsByDate,
    sampleRate,
  };
}
