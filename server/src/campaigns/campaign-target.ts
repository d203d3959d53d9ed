/**
 * A campaign's target is the governed selection that produced the list it was created from: the
 * playbook action's targets (at-risk customers, or recently churned for win-back) under dimension filters
 * and the creator's row-level security. It is stored, not the customer ids, and evaluated again at send
 * time, so the send reaches who qualifies then — never anyone the creator may not see.
 */
import { z } from 'zod';
import { FilterSchema } from '../../../semantic-layer/src/query.ts';
import { analysisContext } from '../analysis/governed/analysis-context.ts';
import { actionTargets } from '../analysis/playbook/index.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';

/** The stored target. */
export const CampaignTarget = z.object({
  actionId: z.string().min(1).max(64),
  filters: z.array(FilterSchema).max(10).default([]),
});
export type CampaignTarget = z.infer<typeof CampaignTarget>;

/** A customer the target selects, with what stratifies and personalises the message. */
export interface TargetCustomer {
  customerId: string;
  name: string | null;
  region: string | null;
  /** The holdout stratum: the value tier (`unknown` when missing). */
  stratum: string;
  risk: number | null;
}

/** Evaluates the target now. Unknown actions select nobody (the caller validates action ids first). */
export async function evaluateTarget(
  runtime: ModelRuntime,
  target: CampaignTarget,
  attributes: Record<string, string[]> | undefined,
  language: 'zh' | 'en',
): Promise<TargetCustomer[]> {
  const ctx = analysisContext(runtime, {
    intent: 'actions',
    language,
    query: { model: runtime.model.id, metrics: ['at_risk_customers'], filters: target.filters },
    attributes,
  });
  const { targets } = await actionTargets(ctx);
  return (targets.get(target.actionId) ?? []).map((t) => ({
    customerId: t.customerId,
    name: t.name,
    region: t.region,
    stratum: t.valueTier ?? 'unknown',
    risk: t.risk,
  }));
}
