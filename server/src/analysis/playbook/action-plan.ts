/**
 * The retention plan: every playbook action with the customers it targets (each customer under one
 * action, see match-playbook.ts), its channel and timing, the effect history gives it, and the
 * holdout design that will measure it (sample size per arm from `sampleSizePerArm`).
 */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { RetentionAction } from '../../answer/answer-schema.ts';
import { sampleSizePerArm } from '../stats/index.ts';
import type { ActionHistory } from './action-history.ts';
import {
  channelText,
  expectedEffectText,
  type MeasurementPlan,
  measureText,
  segmentText,
} from './action-wording.ts';
import type { PlaybookAction } from './match-playbook.ts';

/** The smallest lift worth detecting when history gives none (5 percentage points). */
export const ASSUMED_UPLIFT = 0.05;
/** Share held out as a standing control group when one round is too small to test. */
export const STANDING_HOLDOUT = 0.1;
/** Arms smaller than this do not set a baseline. */
const MIN_ARM = 30;

/** A customer an action targets. */
export interface ActionTarget {
  customerId: string;
  name: string | null;
  region: string | null;
  valueTier: string | null;
  /** Model churn probability (null for churned customers, who get win-back actions). */
  risk: number | null;
  expectedLoss: number;
}

export interface PlannedAction {
  action: PlaybookAction;
  /** True for actions aimed at churned customers (success = they return). */
  winback: boolean;
  targets: ActionTarget[];
  history: ActionHistory | undefined;
  measurement: MeasurementPlan;
}

/** Pooled control-arm success rate over every action with a control group of at least 30. */
function pooledControlRate(history: Map<string, ActionHistory>): number | null {
  let n = 0;
  let s = 0;
  for (const h of history.values())
    if (h.control && h.control.customers >= MIN_ARM) {
      n += h.control.customers;
      s += h.control.succeeded;
    }
  return n ? s / n : null;
}

/** The holdout design for an action with `targets` customers. */
export function measurementPlan(
  h: ActionHistory | undefined,
  history: Map<string, ActionHistory>,
  targets: number,
): MeasurementPlan {
  const pooled = pooledControlRate(history);
  let baseline = 0.5;
  let baselineSource: MeasurementPlan['baselineSource'] = 'assumed';
  if (h?.control && h.control.customers >= MIN_ARM) {
    baseline = h.control.rate;
    baselineSource = 'action_control';
  } else if (pooled !== null) {
    baseline = pooled;
    baselineSource = 'all_controls';
  }
  baseline = Math.min(0.9, Math.max(0.02, baseline));
  const observed = h?.test && h.test.pValue < 0.05 && h.test.difference > 0 ? h.test.difference : null;
  const uplift = Math.min(observed ?? ASSUMED_UPLIFT, 0.98 - baseline);
  const size = sampleSizePerArm(baseline + uplift, baseline);
  const perArm = size.ok ? size.value.perArm : null;
  const enough = perArm !== null && targets >= 2 * perArm;
  return {
    baseline,
    uplift,
    upliftSource: observed === null ? 'assumed' : 'history',
    baselineSource,
    perArm,
    holdout: enough ? perArm! : Math.ceil(targets * STANDING_HOLDOUT),
    enough,
  };
}

/** Groups targets by their suggested action, in playbook priority order; actions without targets are left out. */
export function planActions(
  actions: readonly PlaybookAction[],
  targetsByAction: Map<string, ActionTarget[]>,
  history: Map<string, ActionHistory>,
): PlannedAction[] {
  return actions
    .filter((a) => (targetsByAction.get(a.id)?.length ?? 0) > 0)
    .map((action) => {
      const targets = targetsByAction.get(action.id)!;
      const h = history.get(action.id);
      return {
        action,
        winback: action.segment.lifecycle_stages?.includes('churned') ?? false,
        targets,
        history: h,
        measurement: measurementPlan(h, history, targets.length),
      };
    });
}

/** The `Answer.actions` entry of a planned action. */
export function retentionAction(model: SemanticModel, p: PlannedAction, lang: Lang): RetentionAction {
  return {
    id: p.action.id,
    title: p.action.label[lang],
    targets: { count: p.targets.length, segment: segmentText(model, p.action, lang) },
    channel: channelText(p.action, lang),
    timing: p.action.timing[lang],
    expectedEffect: expectedEffectText(p.history, p.winback, lang),
    measure: measureText(p.measurement, p.targets.length, p.winback, lang),
  };
}
