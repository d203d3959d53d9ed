/**
 * Whom each playbook action targets: the at-risk population (the risk list's customers, each with the
 * fitting action of best priority) plus customers who churned 30-90 days ago (win-back). One function,
 * so the actions answer, "查看这些客户" and a campaign's target all select exactly the same customers.
 */
import { inSlices } from '../compute/yield-turn.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { type AtRiskPopulation, findAtRiskCustomers, listFilters } from '../risk/at-risk-customers.ts';
import type { ActionTarget } from './action-plan.ts';
import { playbookActions, suggestedAction } from './match-playbook.ts';
import { recentlyChurned } from './recently-churned.ts';

export interface ActionTargets {
  population: AtRiskPopulation;
  /** Customers who churned 30-90 days ago (win-back candidates). */
  churned: number;
  churnedCovered: number;
  /** Targets by action id, highest expected loss first within the at-risk part. */
  targets: Map<string, ActionTarget[]>;
}

/** Targets of every playbook action under the request's filters and the user's row-level security. */
export async function actionTargets(ctx: AnalysisContext): Promise<ActionTargets> {
  const { runtime, request } = ctx;
  const population = await findAtRiskCustomers(ctx);
  const churned = await recentlyChurned(ctx, listFilters(runtime, request).compiled);
  const actions = playbookActions(runtime.model.playbook);
  const targets = new Map<string, ActionTarget[]>();
  const add = (action: string | null, t: ActionTarget) => {
    if (!action) return;
    const list = targets.get(action);
    if (list) list.push(t);
    else targets.set(action, [t]);
  };
  // In slices (issue 21): ~170k at-risk customers at 1M, then the churned ones, in this order.
  const atRisk = population.customers;
  await inSlices(atRisk.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const { customerId, name, region, valueTier, risk, expectedLoss, action } = atRisk[i]!;
      add(action, { customerId, name, region, valueTier, risk, expectedLoss });
    }
  });
  let churnedCovered = 0;
  await inSlices(churned.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const c = churned[i]!;
      const action = suggestedAction(actions, {
        valueTier: c.valueTier,
        lifecycleStage: 'churned',
        causes: [],
        risk: null,
      });
      if (action) churnedCovered++;
      const { customerId, name, region, valueTier, spend12m } = c;
      add(action, { customerId, name, region, valueTier, risk: null, expectedLoss: spend12m });
    }
  });
  return { population, churned: churned.length, churnedCovered, targets };
}
