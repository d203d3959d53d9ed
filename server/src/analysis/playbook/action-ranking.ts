/**
 * Actions ranked by what they measurably achieved against their held-out control (issue 18 §5): an
 * action with a significant positive increment over a control of at least 30 comes first (by the lower
 * end of its 95% interval), then actions whose increment is positive but unproven, then actions with
 * no usable control (unknown), and last those whose increment is negative. Unknown or negative effects
 * are flagged in the wording and never ranked first while a proven or unproven-positive action exists.
 */
import type { ActionHistory } from './action-history.ts';
import type { PlannedAction } from './action-plan.ts';

/** A control arm smaller than this cannot measure an increment. */
export const MIN_CONTROL = 30;

export type ActionEvidence = 'proven' | 'unproven' | 'unknown' | 'negative';

const ORDER: Record<ActionEvidence, number> = { proven: 0, unproven: 1, unknown: 2, negative: 3 };

/** What the action's history says about its increment over control. */
export function actionEvidence(h: ActionHistory | undefined): ActionEvidence {
  if (!h?.test || !h.control || h.control.customers < MIN_CONTROL) return 'unknown';
  if (h.test.difference < 0) return 'negative';
  if (h.test.pValue < 0.05 && h.test.differenceInterval.lower > 0) return 'proven';
  return 'unproven';
}

/** The plan in ranking order (see the file comment); ties keep playbook priority order. */
export function rankActions(planned: PlannedAction[]): PlannedAction[] {
  const key = (p: PlannedAction) => {
    const e = actionEvidence(p.history);
    const t = p.history?.test;
    return {
      rank: ORDER[e],
      low: e === 'proven' ? t!.differenceInterval.lower : 0,
      diff: t?.difference ?? 0,
    };
  };
  return planned
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k.rank - b.k.rank || b.k.low - a.k.low || b.k.diff - a.k.diff || a.i - b.i)
    .map((x) => x.p);
}
