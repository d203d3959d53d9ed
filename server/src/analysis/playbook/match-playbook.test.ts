import { describe, expect, it } from 'vitest';
import { loadModelFromDir } from '../../../../semantic-layer/src/index.ts';
import { RETAIL_MODEL_DIR } from '../../../test/analysis/test-runtime.ts';
import { measurementPlan } from './action-plan.ts';
import { type PlaybookCandidate, playbookActions, suggestedAction } from './match-playbook.ts';

const loaded = loadModelFromDir(RETAIL_MODEL_DIR);
if (!loaded.ok) throw new Error('retail model does not load');
const actions = playbookActions(loaded.model.playbook);

const candidate = (over: Partial<PlaybookCandidate>): PlaybookCandidate => ({
  valueTier: 'low',
  lifecycleStage: 'at_risk',
  causes: [],
  risk: 0.1,
  ...over,
});

describe('suggestedAction (the governed playbook, one action per customer)', () => {
  it('orders actions by priority, YAML order breaking ties', () => {
    expect(actions[0]!.id).toBe('account_manager_call');
    expect(actions.map((a) => a.priority)).toEqual([...actions.map((a) => a.priority)].sort((a, b) => a - b));
    expect(actions.at(-1)!.id).toBe('care_message');
  });

  it('gives a price-cause customer the targeted coupon', () => {
    expect(suggestedAction(actions, candidate({ causes: ['price'] }))).toBe('price_coupon');
  });

  it('gives a high-value at-risk customer the account-manager call, whatever the cause', () => {
    expect(suggestedAction(actions, candidate({ valueTier: 'high', causes: ['price'] }))).toBe(
      'account_manager_call',
    );
    expect(suggestedAction(actions, candidate({ valueTier: 'high', lifecycleStage: 'dormant' }))).toBe(
      'account_manager_call',
    );
  });

  it('prefers the service recovery to the coupon when a customer has both causes (priority 2 before 3)', () => {
    expect(suggestedAction(actions, candidate({ causes: ['price', 'service'] }))).toBe('service_recovery');
  });

  it('reads the risk bands of DOMAIN.md §6: 50-70% call-back, > 70% save gift, else the care message', () => {
    expect(suggestedAction(actions, candidate({ risk: 0.55 }))).toBe('risk_callback');
    expect(suggestedAction(actions, candidate({ risk: 0.7 }))).toBe('risk_save_gift');
    expect(suggestedAction(actions, candidate({ risk: 1 }))).toBe('risk_save_gift');
    expect(suggestedAction(actions, candidate({ risk: 0.35 }))).toBe('care_message');
  });

  it('offers the win-back only to churned high-value customers, and nothing to other churned ones', () => {
    const churned = { lifecycleStage: 'churned', risk: null };
    expect(suggestedAction(actions, candidate({ ...churned, valueTier: 'high' }))).toBe('winback_offer');
    expect(suggestedAction(actions, candidate({ ...churned, valueTier: 'medium' }))).toBeNull();
  });
});

describe('measurementPlan', () => {
  it('sizes the holdout with sampleSizePerArm: 5 points over a 20% baseline needs 1,091 per arm (the stats module’s worked example)', () => {
    // No history for the action; all past controls pooled give the baseline (200 of 1000 = 20%).
    const history = new Map([
      [
        'care_message',
        {
          treated: { customers: 5000, succeeded: 1100, rate: 0.22 },
          control: { customers: 1000, succeeded: 200, rate: 0.2 },
          test: null,
        },
      ],
    ]);
    const plan = measurementPlan(undefined, history, 500);
    expect(plan).toMatchObject({ baseline: 0.2, uplift: 0.05, upliftSource: 'assumed', perArm: 1091 });
    expect(plan.enough).toBe(false);
    expect(plan.holdout).toBe(50);
    expect(measurementPlan(undefined, history, 3000)).toMatchObject({ enough: true, holdout: 1091 });
  });
});
