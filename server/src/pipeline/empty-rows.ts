import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';

type Row = Record<string, unknown>;

/**
 * Drops rows that only say "nothing here": a dimension value is missing and every metric is 0 or
 * missing. A state metric broken down by a dimension of the state rows (churned customers by churn
 * reason) otherwise shows a "(none)" row of 0 for the customers that did not churn.
 */
export function withoutEmptyUnknownRows(columns: CompiledColumn[], rows: Row[]): Row[] {
  const dimensions = columns.filter((c) => c.kind === 'dimension').map((c) => c.name);
  const metrics = columns.filter((c) => c.kind === 'metric' || c.kind === 'comparison').map((c) => c.name);
  if (!dimensions.length || !metrics.length) return rows;
  const empty = (v: unknown) => v === null || v === undefined || v === 0;
  return rows.filter(
    (row) =>
      !(
        dimensions.some((d) => row[d] === null || row[d] === undefined) && metrics.every((m) => empty(row[m]))
      ),
  );
}
