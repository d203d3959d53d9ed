import type { SemanticModel } from '../model.ts';

export type ReasonSignal = SemanticModel['churn']['reasons']['signals'][number];

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** The governed churn-reason signals (tickets, negative feedback…) as rows (customer_id, d, category). */
export function reasonSignalsSql(signals: ReasonSignal[]): string {
  return signals
    .map(
      (s) =>
        `SELECT customer_id, CAST(${ident(s.time)} AS DATE) AS d, ${ident(s.category)} AS category FROM ${ident(s.table)} WHERE ${ident(s.category)} IS NOT NULL${s.where ? ` AND (${s.where})` : ''}`,
    )
    .join(' UNION ALL ');
}
