import { z } from 'zod';
import type { Campaign, OutboxMessage } from '../../store/campaigns.ts';

/** The replies of /api/campaigns: a campaign as clients see it, its messages, and the step results. */

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/** A campaign with its holdout design in words and its outbox counts by status. */
export const CampaignReply = z.object({
  id: z.string(),
  name: z.string(),
  model: z.string(),
  actionId: z.string(),
  channel: z.string(),
  target: z.record(z.string(), z.unknown()).describe('The governed target: { actionId, filters }'),
  template: z.record(z.string(), z.unknown()).describe('{ zh: {subject, body}, en: {subject, body} }'),
  language: z.string(),
  controlShare: z.number().int().describe('Percent held out as the control group'),
  windowDays: z.number().int(),
  scheduledAt: z.string().nullable(),
  status: z.string(),
  estimatedTargets: z.number().int(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  holdout: z.string().describe('The holdout design in the user language'),
  outbox: z.record(z.string(), z.number()).describe('Messages by outbox status'),
});
export type CampaignReply = z.infer<typeof CampaignReply>;

/** The reply shape of a campaign row (timestamps as ISO strings). */
export function campaignReply(
  campaign: Campaign,
  holdout: string,
  outbox: Record<string, number>,
): CampaignReply {
  return {
    ...campaign,
    scheduledAt: isoOrNull(campaign.scheduledAt),
    createdAt: campaign.createdAt.toISOString(),
    sentAt: isoOrNull(campaign.sentAt),
    holdout,
    outbox,
  };
}

export const CreatedReply = z.object({
  campaign: CampaignReply,
  targets: z.number().int(),
  approvalThreshold: z.number(),
});
export const CampaignOnly = z.object({ campaign: CampaignReply });
/** What a follow-up run did (absent counts: no follow-up runner configured). */
export const FollowUpsReply = z.object({
  campaignId: z.string(),
  created: z.number().int().optional(),
  existing: z.number().int().optional(),
  responded: z.number().int().optional(),
  withoutOwner: z.number().int().optional(),
});
export const SimulatedReply = z.object({ plantedUplift: z.number(), customers: z.number().int() });
export const SettingsReply = z.object({
  approvalThreshold: z.number(),
  ownersByRegion: z.record(z.string(), z.string()).nullable().optional(),
});

/** One message of a campaign's outbox. */
export const MessageReply = z.object({
  customerId: z.string(),
  arm: z.enum(['treatment', 'control']),
  stratum: z.string(),
  channel: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  sentAt: z.string().nullable(),
  outcome: z.string().nullable(),
  lastError: z.string().nullable(),
});

export function messageReply(m: OutboxMessage): z.infer<typeof MessageReply> {
  return {
    customerId: m.customerId,
    arm: m.arm,
    stratum: m.stratum,
    channel: m.channel,
    status: m.status,
    attempts: m.attempts,
    sentAt: isoOrNull(m.sentAt),
    outcome: m.outcome,
    lastError: m.lastError,
  };
}
