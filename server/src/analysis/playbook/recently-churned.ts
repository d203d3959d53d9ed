/**
 * Win-back candidates: customers who churned 30-90 days ago (the best win-back window, DOMAIN.md §3)
 * and have not returned, read from the governed snapshot (lifecycle stage `churned`; days since churn
 * = days since the last order − the churn window) with the user's filters and row-level security.
 */
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import { inSlices, sortInSlices } from '../compute/yield-turn.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { readGoverned } from '../risk/governed-read.ts';

/** Days after the churn date in which a win-back offer is made. */
export const WINBACK_WINDOW = { fromDays: 30, toDays: 90 } as const;

export interface ChurnedCustomer {
  customerId: string;
  name: string | null;
  region: string | null;
  valueTier: string | null;
  spend12m: number;
  daysSinceChurn: number;
}

/** Customers who churned 30–90 days before the as-of date (value-tier window overrides not applied). */
export async function recentlyChurned(ctx: AnalysisContext, filters: Filter[]): Promise<ChurnedCustomer[]> {
  const def = ctx.runtime.model.churn.churn;
  if (def.type !== 'inactivity') return [];
  const window = def.window_days;
  const rows = await readGoverned(ctx, 'winback_ms', {
    metrics: ['customers'],
    dimensions: ['customer_id', 'customer_name', 'region', 'value_tier', 'recency_days', 'spend_12m'],
    filters: [
      ...filters,
      { member: 'lifecycle_stage', op: 'in', values: ['churned'] },
      {
        member: 'recency_days',
        op: 'between',
        values: [window + WINBACK_WINDOW.fromDays, window + WINBACK_WINDOW.toDays],
      },
    ],
  });
  const customers: ChurnedCustomer[] = new Array(rows.length);
  // In slices (issue 21): tens of thousands of churned customers at 1M.
  await inSlices(rows.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      customers[i] = {
        customerId: String(row.customer_id),
        name: row.customer_name === null ? null : String(row.customer_name),
        region: row.region === null ? null : String(row.region),
        valueTier: row.value_tier === null ? null : String(row.value_tier),
        spend12m: Number(row.spend_12m) || 0,
        daysSinceChurn: Number(row.recency_days) - window,
      };
    }
  });
  return sortInSlices(customers, (a, b) => b.spend12m - a.spend12m);
}
