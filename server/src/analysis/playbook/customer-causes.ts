/**
 * Why a customer may leave, as reason codes the playbook matches on: the categories of their tickets
 * and the topics of their negative feedback in the governed look-back window before the as-of date
 * (churn.yaml `reasons.lookback_days`, the same signals that explain churn afterwards), plus service
 * trouble visible in behaviour (repeated slow or long-open tickets). Read with compiled queries under
 * the user's row-level security.
 */
import { addDays } from '../../../../semantic-layer/src/compile/periods.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { hasMembers, streamGoverned } from '../risk/governed-read.ts';

const SIGNALS = [
  { metric: 'tickets', dimension: 'ticket_category' },
  { metric: 'negative_feedback', dimension: 'feedback_topic' },
] as const;

/** Reason codes by customer id (customers without a signal are absent). */
export async function recentCauses(ctx: AnalysisContext): Promise<Map<string, Set<string>>> {
  const { runtime } = ctx;
  const causes = new Map<string, Set<string>>();
  const lookback = Number(runtime.model.churn.reasons.lookback_days);
  const timeRange = { start: addDays(runtime.asOf, -lookback), end: runtime.asOf };
  for (const s of SIGNALS) {
    if (!hasMembers(runtime, [s.metric, s.dimension, 'customer_id'])) continue;
    // Streamed (issue 21 §3): at 1M customers every customer's recent ticket categories and feedback topics, of
    // which only the reason codes are kept, never sit in memory as rows at once.
    const query = { metrics: [s.metric], dimensions: ['customer_id', s.dimension], timeRange };
    await streamGoverned(ctx, 'signals_ms', query, {}, (rows) => {
      for (const row of rows) {
        const reason = row[s.dimension];
        if (reason === null || reason === undefined || Number(row[s.metric]) <= 0) continue;
        const id = String(row.customer_id);
        const set = causes.get(id) ?? new Set<string>();
        set.add(String(reason));
        causes.set(id, set);
      }
    });
  }
  return causes;
}

/** The columns of a customer's row `behaviourCauses` reads. */
export const BEHAVIOUR_COLUMNS = ['repeated_slow_tickets', 'open_tickets_72h'] as const;

/** Service trouble in a customer's own record: repeated slow tickets or a ticket open > 72 h. */
export function behaviourCauses(row: Record<string, unknown>): string[] {
  const slow = row.repeated_slow_tickets === true || Number(row.open_tickets_72h) > 0;
  return slow ? ['service'] : [];
}
