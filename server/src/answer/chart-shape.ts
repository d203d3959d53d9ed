import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput } from './presentation-input.ts';
import { comparisonColumn, resultShape } from './result-shape.ts';

/** Categories per axis up to which two dimensions are drawn as grouped bars (beyond: a heatmap). */
export const GROUPED_BAR_LIMIT = 8;
/** Categories up to which a single breakdown is drawn as vertical bars (beyond: horizontal). */
export const VERTICAL_BAR_LIMIT = 8;

/** The kind of chart a result calls for, with the columns each encoding reads. */
export type ChartShape =
  | {
      kind: 'line';
      time: CompiledColumn;
      metric: CompiledColumn;
      previous?: CompiledColumn;
      series?: CompiledColumn;
    }
  | { kind: 'bar'; category: CompiledColumn; metric: CompiledColumn; horizontal: boolean }
  | { kind: 'grouped_bar'; outer: CompiledColumn; inner: CompiledColumn; metric: CompiledColumn }
  | { kind: 'heatmap'; x: CompiledColumn; y: CompiledColumn; metric: CompiledColumn }
  | { kind: 'drivers'; label: CompiledColumn; rr: string; low: string; high: string }
  | { kind: 'waterfall'; segment: CompiledColumn; total: string; mix?: string; rate?: string }
  | { kind: 'cohorts'; cohort: CompiledColumn; period: CompiledColumn; metric: CompiledColumn };

function distinct(rows: Record<string, unknown>[], name: string): number {
  return new Set(rows.map((r) => String(r[name]))).size;
}

function named(columns: CompiledColumn[], name: string): CompiledColumn | undefined {
  return columns.find((c) => c.name === name);
}

/**
 * Chooses the chart for a result from its columns and the intent alone (plus category counts).
 * null means "no chart": no rows, a single value (the KPI is stated in the narrative), a row list
 * (risk_list), or more than two categorical dimensions (the table shows it better).
 */
export function chartShape(input: PresentationInput): ChartShape | null {
  const { columns, rows, intent } = input;
  if (rows.length === 0 || intent === 'risk_list') return null;
  const { time, dimensions, metrics } = resultShape(columns);
  const labelColumn = dimensions[0] ?? columns.find((c) => c.kind === 'time');

  const rr = named(columns, 'rr');
  if (rr && named(columns, 'rr_low') && named(columns, 'rr_high') && labelColumn) {
    return { kind: 'drivers', label: labelColumn, rr: 'rr', low: 'rr_low', high: 'rr_high' };
  }
  const segment = named(columns, 'segment');
  if (segment && named(columns, 'total')) {
    return {
      kind: 'waterfall',
      segment,
      total: 'total',
      mix: named(columns, 'mix')?.name,
      rate: named(columns, 'rate')?.name,
    };
  }
  const cohort = named(columns, 'cohort');
  const period = named(columns, 'period_number');
  const cohortMetric = [...metrics].reverse().find((m) => m.name !== 'cohort_size' && m.name !== 'retained');
  if (cohort && period && cohortMetric) return { kind: 'cohorts', cohort, period, metric: cohortMetric };

  const metric = metrics[0];
  if (!metric) return null;
  if (intent === 'reasons' && dimensions[0]) {
    return { kind: 'bar', category: dimensions[0], metric, horizontal: true };
  }
  if (time) {
    if (dimensions.length > 1) return null;
    const previous = comparisonColumn(columns, metric.member, 'previous');
    return dimensions[0]
      ? { kind: 'line', time, metric, series: dimensions[0] }
      : { kind: 'line', time, metric, ...(previous ? { previous } : {}) };
  }
  if (dimensions.length === 1) {
    const category = dimensions[0]!;
    return { kind: 'bar', category, metric, horizontal: distinct(rows, category.name) > VERTICAL_BAR_LIMIT };
  }
  if (dimensions.length === 2) {
    const [a, b] = dimensions as [CompiledColumn, CompiledColumn];
    const small = distinct(rows, a.name) <= GROUPED_BAR_LIMIT && distinct(rows, b.name) <= GROUPED_BAR_LIMIT;
    return small
      ? { kind: 'grouped_bar', outer: a, inner: b, metric }
      : { kind: 'heatmap', x: a, y: b, metric };
  }
  return null;
}
