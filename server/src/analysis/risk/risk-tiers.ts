/**
 * Risk tiers of the model's 90-day churn probability (DOMAIN.md §6: 30-50% / 50-70% / > 70%, each
 * with its own playbook response). Customers under 30% appear on the at-risk list only when an
 * early-warning rule flags them.
 */
import type { Bilingual } from '../../../../semantic-layer/src/catalog.ts';

export type RiskTier = 'very_high' | 'high' | 'medium' | 'low';

/** The probability from which a customer counts as at risk on score alone. */
export const AT_RISK_PROBABILITY = 0.3;

/** Tiers from the highest; each holds probabilities ≥ `min` up to the next tier's `min`. */
export const RISK_TIERS: readonly { tier: RiskTier; min: number; label: Bilingual }[] = [
  { tier: 'very_high', min: 0.7, label: { zh: '极高风险（>70%）', en: 'Very high (> 70%)' } },
  { tier: 'high', min: 0.5, label: { zh: '高风险（50%-70%）', en: 'High (50-70%)' } },
  { tier: 'medium', min: AT_RISK_PROBABILITY, label: { zh: '中风险（30%-50%）', en: 'Medium (30-50%)' } },
  { tier: 'low', min: 0, label: { zh: '低风险（<30%）', en: 'Low (< 30%)' } },
];

/** The tier of a churn probability. */
export function riskTierOf(probability: number): RiskTier {
  return (RISK_TIERS.find((t) => probability >= t.min) ?? RISK_TIERS.at(-1)!).tier;
}

/**
 * Whether a tier satisfies a `risk_tier` filter as users write it: "high risk" includes the very high
 * tier, so a list of high-risk customers never hides the riskiest.
 */
export function tierSatisfies(tier: RiskTier, requested: readonly string[]): boolean {
  return requested.some((r) => r === tier || (r === 'high' && tier === 'very_high'));
}

/** Tier labels keyed by tier, for presentation. */
export const RISK_TIER_LABELS: Record<RiskTier, Bilingual> = Object.fromEntries(
  RISK_TIERS.map((t) => [t.tier, t.label]),
) as Record<RiskTier, Bilingual>;
