/** The retention playbook applied: actions with targets, expected effect from history and a holdout design. */
export { type ActionHistory, actionHistory } from './action-history.ts';
export { type ActionTarget, type PlannedAction, planActions, retentionAction } from './action-plan.ts';
export { type ActionTargets, actionTargets } from './action-targets.ts';
export { actionsAnalysis } from './actions-analysis.ts';
export {
  actionFits,
  type PlaybookAction,
  type PlaybookCandidate,
  playbookActions,
  suggestedAction,
} from './match-playbook.ts';
export { recentlyChurned, WINBACK_WINDOW } from './recently-churned.ts';
