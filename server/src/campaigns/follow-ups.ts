/**
 * Playbook offsets (playbook.yaml `follow_ups`): "day 0 message, day 3 call if no response". For each sent
 * campaign whose action has follow-ups, once the business day reaches the send day + the offset, every
 * treated customer whose message was delivered and who has no response recorded (no `returned` or `saved`
 * outcome) gets a task for their owner, due `due_days` later. The control group never gets one (the
 * holdout stays untouched), nor do customers not reached (opted out, capped, failed). Idempotent: one
 * task per campaign, step and customer (the dedupe key), so a re-run or a restart creates nothing twice.
 */

import { addDays } from '../calendar/calendar.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { Store } from '../store/open-store.ts';
import { businessDay } from './campaign-days.ts';

/** Outcomes that count as the customer's response. */
export const RESPONSES: ReadonlySet<string> = new Set(['returned', 'saved']);

export interface FollowUpRun {
  /** Tasks created by this run. */
  created: number;
  /** Tasks that already existed (an earlier run). */
  existing: number;
  /** Treated customers who responded, so got no follow-up. */
  responded: number;
  /** Customers with no owner to give the task to. */
  withoutOwner: number;
}

export interface FollowUpDeps {
  store: Store;
  registry: ModelRegistry;
  /** The business day a campaign was sent (CampaignService.dayOf). */
  dayOf: (campaignId: string) => Promise<string>;
  now?: () => Date;
}

/** Creates the follow-up tasks that are due (see the file comment); `campaignId` limits it to one campaign. */
export async function runFollowUps(deps: FollowUpDeps, campaignId?: string): Promise<FollowUpRun> {
  const run: FollowUpRun = { created: 0, existing: 0, responded: 0, withoutOwner: 0 };
  const campaigns = campaignId
    ? [await deps.store.campaigns.get(campaignId)].filter((c) => c !== null)
    : await deps.store.campaigns.list(1000);
  for (const campaign of campaigns) {
    if (campaign.status !== 'sent' || !deps.registry.has(campaign.model)) continue;
    const { runtime } = deps.registry.get(campaign.model);
    const steps = runtime.model.playbook[campaign.actionId]?.follow_ups ?? [];
    if (steps.length === 0) continue;
    const sentDay = await deps.dayOf(campaign.id);
    const today = businessDay(deps.now?.() ?? new Date(), runtime.asOf);
    const due = steps.map((s, i) => ({ ...s, i })).filter((s) => today >= addDays(sentDay, s.day));
    if (due.length === 0) continue;
    const lang = campaign.language === 'en' ? 'en' : 'zh';
    const reached = (await deps.store.campaigns.messages(campaign.id)).filter(
      (m) => m.arm === 'treatment' && m.status === 'sent',
    );
    for (const step of due) {
      for (const m of reached) {
        if (m.outcome && RESPONSES.has(m.outcome)) {
          run.responded++;
          continue;
        }
        if (!m.owner) {
          run.withoutOwner++;
          continue;
        }
        const { created } = await deps.store.tasks.create({
          campaignId: campaign.id,
          customerId: m.customerId,
          owner: m.owner,
          kind: step.task,
          title: step.title[lang],
          dueDate: addDays(sentDay, step.day + step.due_days),
          dedupeKey: `follow_up:${campaign.id}:${step.i}:${m.customerId}`,
        });
        if (created) run.created++;
        else run.existing++;
      }
    }
  }
  return run;
}
