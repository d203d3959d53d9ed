/**
 * What each playbook action achieved before: from the communications the product sent (treated) and
 * the customers it held out (control), the share saved or won back in each arm, the difference with a
 * two-proportion z-test (pooled SE for the test, unpooled for the CI; DOMAIN.md §5). Read with one
 * compiled query under the user's row-level security; an action never run has no history.
 */
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { hasMembers, readGoverned } from '../risk/governed-read.ts';
import { type TwoProportionTest, twoProportionZTest } from '../stats/index.ts';

export interface Arm {
  customers: number;
  succeeded: number;
  rate: number;
}

export interface ActionHistory {
  treated: Arm;
  /** Held-out customers; null when the action never held anyone out. */
  control: Arm | null;
  /** Treated minus control, when both arms exist and the test is defined. */
  test: TwoProportionTest | null;
}

const METRICS = ['contacted_customers', 'action_returned_customers'] as const;
const DIMENSIONS = ['retention_action', 'message_group'] as const;

/** Past results by action id (actions never run are absent). */
export async function actionHistory(ctx: AnalysisContext): Promise<Map<string, ActionHistory>> {
  const history = new Map<string, ActionHistory>();
  if (!hasMembers(ctx.runtime, [...METRICS, ...DIMENSIONS])) return history;
  const rows = await readGoverned(ctx, 'history_ms', { metrics: [...METRICS], dimensions: [...DIMENSIONS] });
  const arms = new Map<string, { treated?: Arm; control?: Arm }>();
  for (const row of rows) {
    if (row.retention_action === null) continue;
    const customers = Number(row.contacted_customers) || 0;
    if (customers === 0) continue;
    const succeeded = Number(row.action_returned_customers) || 0;
    const entry = arms.get(String(row.retention_action)) ?? {};
    const arm = { customers, succeeded, rate: succeeded / customers };
    if (row.message_group === 'control') entry.control = arm;
    else entry.treated = arm;
    arms.set(String(row.retention_action), entry);
  }
  for (const [id, { treated, control }] of arms) {
    if (!treated) continue;
    const test = control
      ? twoProportionZTest(treated.succeeded, treated.customers, control.succeeded, control.customers)
      : null;
    history.set(id, { treated, control: control ?? null, test: test?.ok ? test.value : null });
  }
  return history;
}
