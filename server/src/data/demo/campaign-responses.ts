/**
 * Simulated responses to campaigns sent inside the demo: each customer of a campaign returns (or is
 * saved) within the campaign's window with a base probability by value tier, plus — in the treatment
 * arm only — the planted true uplift of the campaign's action for that tier. Draws are Bernoulli from a
 * hash of campaign and customer (reproducible noise), so the measured uplift scatters around the planted
 * one and an honest 95% interval contains it about 19 times in 20.
 */
import { createHash } from 'node:crypto';

/** Return probability without any message, by value tier (within the campaign's window). */
export const BASE_RETURN_RATE: Record<string, number> = { high: 0.3, medium: 0.22, low: 0.15, unknown: 0.15 };

/** Planted true uplift (percentage points as a fraction) of each action by value tier. */
export const PLANTED_UPLIFT: Record<string, Record<string, number>> = {
  account_manager_call: { high: 0.15, medium: 0.12, low: 0.1, unknown: 0.1 },
  price_coupon: { high: 0.06, medium: 0.1, low: 0.12, unknown: 0.1 },
  service_recovery: { high: 0.12, medium: 0.1, low: 0.08, unknown: 0.08 },
  care_message: { high: 0.05, medium: 0.08, low: 0.1, unknown: 0.08 },
  winback_offer: { high: 0.1, medium: 0.08, low: 0.06, unknown: 0.06 },
};
const DEFAULT_UPLIFT = 0.05;

export interface SimulatedCustomer {
  customerId: string;
  arm: 'treatment' | 'control';
  /** Value tier. */
  stratum: string;
}

/** The planted uplift of `actionId` for a tier. */
export function plantedUplift(actionId: string, stratum: string): number {
  return PLANTED_UPLIFT[actionId]?.[stratum] ?? DEFAULT_UPLIFT;
}

function draw(campaignId: string, customerId: string): number {
  return (
    createHash('sha256').update(`response\u0000${campaignId}\u0000${customerId}`).digest().readUInt32BE(0) /
    2 ** 32
  );
}

/**
 * Outcomes by customer (`saved` or `none`) and the planted uplift this campaign should show: the mean of
 * the tier uplifts over its treatment arm (the estimand of a stratified random holdout).
 */
export function simulateResponses(
  campaignId: string,
  actionId: string,
  customers: SimulatedCustomer[],
): { outcomes: Map<string, string>; plantedUplift: number } {
  const outcomes = new Map<string, string>();
  let upliftSum = 0;
  let treated = 0;
  for (const c of customers) {
    const uplift = plantedUplift(actionId, c.stratum);
    const p =
      (BASE_RETURN_RATE[c.stratum] ?? BASE_RETURN_RATE.unknown!) + (c.arm === 'treatment' ? uplift : 0);
    outcomes.set(c.customerId, draw(campaignId, c.customerId) < p ? 'saved' : 'none');
    if (c.arm === 'treatment') {
      upliftSum += uplift;
      treated++;
    }
  }
  return { outcomes, plantedUplift: treated ? upliftSum / treated : 0 };
}
