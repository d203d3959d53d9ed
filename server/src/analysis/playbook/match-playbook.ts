/**
 * The governed retention playbook (models/<name>/playbook.yaml, DOMAIN.md §6) applied to one customer:
 * an action fits when every condition it states holds (value tier and lifecycle stage in its segment,
 * one of its causes among the customer's, the churn probability inside its risk band). Each customer
 * gets one suggested action, the fitting one with the best (lowest) priority, YAML order breaking ties,
 * so target counts add up to the customers covered and nobody is contacted twice for one risk.
 */
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';

export type Playbook = SemanticModel['playbook'];
export type PlaybookAction = Playbook[string] & { id: string };

/** What the playbook looks at about a customer. */
export interface PlaybookCandidate {
  valueTier: string | null;
  /** Lifecycle stage as the playbook reads it: flagged customers count as `at_risk`. */
  lifecycleStage: string | null;
  /** Reason codes (taxonomy of DOMAIN.md §2) from recent tickets, feedback and behaviour. */
  causes: readonly string[];
  /** Model churn probability; null when not scored (e.g. already churned). */
  risk: number | null;
}

/** Playbook actions by priority (then YAML order). */
export function playbookActions(playbook: Playbook): PlaybookAction[] {
  return Object.entries(playbook)
    .map(([id, a], order) => ({ ...a, id, order }))
    .sort((x, y) => x.priority - y.priority || x.order - y.order)
    .map(({ order: _order, ...a }) => a);
}

/** Whether every condition the action states holds for the candidate. */
export function actionFits(action: PlaybookAction, c: PlaybookCandidate): boolean {
  const tiers = action.segment.value_tiers;
  if (tiers?.length && !tiers.includes(c.valueTier ?? '')) return false;
  const stages = action.segment.lifecycle_stages;
  if (stages?.length && !stages.includes(c.lifecycleStage ?? '')) return false;
  if (action.causes.length && !action.causes.some((cause) => c.causes.includes(cause))) return false;
  if (action.risk) {
    if (c.risk === null) return false;
    const inBand = c.risk >= action.risk.min && (c.risk < action.risk.max || action.risk.max >= 1);
    if (!inBand) return false;
  }
  return true;
}

/** The one action suggested for a candidate, or null when no action fits. */
export function suggestedAction(actions: readonly PlaybookAction[], c: PlaybookCandidate): string | null {
  return actions.find((a) => actionFits(a, c))?.id ?? null;
}
