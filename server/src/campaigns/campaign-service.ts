/**
 * Retention campaigns from creation to outcome: create (target counted under the creator's row-level
 * security, approval needed above the admin's size), approve, send (target evaluated again, random
 * stratified holdout, opt-outs and the frequency cap applied, messages personalised and queued in the
 * outbox — idempotent), record the outbox in the governed `communications` table when delivery drains,
 * and in demo mode simulate the customers' responses. Expected refusals are values with zh/en messages.
 */
import { accessFor } from '../../../semantic-layer/src/access-policy.ts';
import { simulateResponses } from '../data/demo/campaign-responses.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { Campaign, OutboxEntry } from '../store/campaigns.ts';
import type { Store } from '../store/open-store.ts';
import type { MessageChannel, UserAttributes } from '../store/schema.ts';
import { businessDay } from './campaign-days.ts';
import { CampaignTarget, evaluateTarget, type TargetCustomer } from './campaign-target.ts';
import { recordCommunications } from './communications-record.ts';
import { type ContactDirectory, DEFAULT_OWNERS, demoDirectory } from './contacts.ts';
import { assignArms } from './holdout.ts';
import { defaultTemplate, MessageTemplate, renderText, unknownSlots } from './template.ts';

/** Campaign sizes (treatment customers) above this need an admin's approval unless the admin sets another. */
export const DEFAULT_APPROVAL_THRESHOLD = 500;
export const APPROVAL_SETTING = 'campaign_approval_threshold';
export const OWNERS_SETTING = 'customer_owners_by_region';

export interface Actor {
  id: string;
  role: 'viewer' | 'analyst' | 'admin';
  attributes: UserAttributes;
}

/** A refusal the HTTP layer turns into a 4xx. */
export interface Refusal {
  ok: false;
  status: 400 | 403 | 404 | 409;
  code: string;
  message: { zh: string; en: string };
}
export type Outcome<T> = { ok: true; value: T } | Refusal;

const refuse = (status: Refusal['status'], code: string, zh: string, en: string): Refusal => ({
  ok: false,
  status,
  code,
  message: { zh, en },
});

export interface NewCampaignInput {
  name?: string;
  model?: string;
  target: CampaignTarget;
  channel: MessageChannel;
  template?: MessageTemplate;
  language: 'zh' | 'en';
  controlSharePct: number;
  windowDays: number;
  scheduledAt?: string;
}

export interface CampaignServiceDeps {
  store: Store;
  registry: ModelRegistry;
  demo: boolean;
  contacts?: ContactDirectory;
  frequencyCapDays: number;
  now?: () => Date;
}

/** The campaign workflow (see the file comment). */
export class CampaignService {
  private readonly contacts: ContactDirectory;

  constructor(private readonly deps: CampaignServiceDeps) {
    this.contacts =
      deps.contacts ??
      demoDirectory(
        async () =>
          (await deps.store.campaigns.getSetting<Record<string, string>>(OWNERS_SETTING)) ?? DEFAULT_OWNERS,
      );
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async approvalThreshold(): Promise<number> {
    return (
      (await this.deps.store.campaigns.getSetting<number>(APPROVAL_SETTING)) ?? DEFAULT_APPROVAL_THRESHOLD
    );
  }

  private runtimeFor(modelId: string | undefined, actor: Actor): Outcome<ReturnType<ModelRegistry['get']>> {
    const id = modelId ?? this.deps.registry.defaultModelId;
    if (!this.deps.registry.has(id)) return refuse(404, 'unknown_model', `没有模型 ${id}`, `No model ${id}`);
    const active = this.deps.registry.get(id);
    if (accessFor(active.runtime.model, actor.attributes).kind === 'denied')
      return refuse(
        403,
        'access_denied',
        '您的数据权限与该模型的访问规则不匹配，不能圈选客户',
        "Your data-access attributes match none of this model's access rules: you cannot target customers",
      );
    return { ok: true, value: active };
  }

  /** Creates a campaign: validates it, counts its target now and decides whether it needs approval. */
  async create(
    actor: Actor,
    input: NewCampaignInput,
  ): Promise<Outcome<{ campaign: Campaign; targets: number }>> {
    const active = this.runtimeFor(input.model, actor);
    if (!active.ok) return active;
    const { runtime } = active.value;
    const action = runtime.model.playbook[input.target.actionId];
    if (!action)
      return refuse(
        400,
        'unknown_action',
        `剧本中没有动作 ${input.target.actionId}`,
        `The playbook has no action ${input.target.actionId}`,
      );
    for (const f of input.target.filters) {
      const dim = runtime.model.dimensions[f.member];
      if (!dim || dim.type === 'time')
        return refuse(
          400,
          'unknown_member',
          `不能按 ${f.member} 圈选客户`,
          `Cannot target customers by ${f.member}`,
        );
    }
    const template = input.template ?? defaultTemplate(action.label, action.offer);
    const typos = [...unknownSlots(template.zh.body), ...unknownSlots(template.en.body)];
    if (typos.length)
      return refuse(
        400,
        'unknown_slot',
        `模板中的 {${typos[0]}} 不是可用的个性化字段（可用：{name}、{last_category}、{offer}）`,
        `{${typos[0]}} in the template is not a personalisation slot (use {name}, {last_category}, {offer})`,
      );
    const targets = await evaluateTarget(runtime, input.target, actor.attributes, input.language);
    const treatment = targets.length - Math.round((targets.length * input.controlSharePct) / 100);
    const needsApproval = treatment > (await this.approvalThreshold()) && actor.role !== 'admin';
    const campaign = await this.deps.store.campaigns.create({
      name: input.name?.trim() || `${action.label[input.language]} · ${runtime.asOf}`,
      model: runtime.model.id,
      actionId: input.target.actionId,
      channel: input.channel,
      target: input.target,
      template,
      language: input.language,
      controlShare: input.controlSharePct,
      windowDays: input.windowDays,
      scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
      status: needsApproval ? 'pending_approval' : 'approved',
      estimatedTargets: targets.length,
      createdBy: actor.id,
      approvedBy: needsApproval ? null : actor.id,
    });
    return { ok: true, value: { campaign, targets: targets.length } };
  }

  /** Who may see or act on a campaign: its creator and admins. */
  async visible(actor: Actor, id: string): Promise<Outcome<Campaign>> {
    const campaign = await this.deps.store.campaigns.get(id);
    if (!campaign || (campaign.createdBy !== actor.id && actor.role !== 'admin'))
      return refuse(404, 'not_found', '没有这个活动', 'No such campaign');
    return { ok: true, value: campaign };
  }

  /** An admin approves a campaign waiting for approval. */
  async approve(actor: Actor, id: string): Promise<Outcome<Campaign>> {
    if (actor.role !== 'admin')
      return refuse(403, 'forbidden', '只有管理员可以审批活动', 'Only an admin can approve a campaign');
    const found = await this.visible(actor, id);
    if (!found.ok) return found;
    const moved = await this.deps.store.campaigns.transition(id, ['pending_approval'], 'approved', {
      approvedBy: actor.id,
    });
    if (!moved)
      return refuse(409, 'not_pending', '该活动不在待审批状态', 'The campaign is not waiting for approval');
    return { ok: true, value: (await this.deps.store.campaigns.get(id))! };
  }

  /**
   * Sends an approved campaign: evaluates its target again under the creator's row-level security,
   * splits treatment and control, applies opt-outs and the frequency cap, personalises and queues.
   * A repeated call is refused (409) and queues nothing.
   */
  async send(
    actor: Actor,
    id: string,
  ): Promise<Outcome<{ campaign: Campaign; queued: Record<string, number> }>> {
    const found = await this.visible(actor, id);
    if (!found.ok) return found;
    const campaign = found.value;
    if (campaign.status === 'pending_approval')
      return refuse(
        409,
        'needs_approval',
        '该活动规模超过审批线，需管理员审批后才能发送',
        'This campaign needs an admin’s approval before it is sent',
      );
    if (!(await this.deps.store.campaigns.transition(id, ['approved'], 'sending', { sentAt: this.now() })))
      return refuse(409, 'already_sent', '该活动已发送', 'This campaign has already been sent');
    const creator = await this.deps.store.users.findById(campaign.createdBy);
    const creatorActor: Actor = {
      id: campaign.createdBy,
      role: creator?.role ?? 'viewer',
      attributes: creator?.attributes ?? {},
    };
    const active = this.runtimeFor(campaign.model, creatorActor);
    if (!active.ok) {
      await this.deps.store.campaigns.transition(id, ['sending'], 'approved');
      return active;
    }
    const { runtime } = active.value;
    const target = CampaignTarget.parse(campaign.target);
    const lang = campaign.language === 'en' ? 'en' : 'zh';
    const customers = await evaluateTarget(runtime, target, creatorActor.attributes, lang);
    const entries = await this.outboxEntries(
      campaign,
      customers,
      runtime.model.playbook[campaign.actionId]?.offer?.[lang] ?? null,
    );
    await this.deps.store.campaigns.enqueue(id, entries, this.now());
    const queued = await this.deps.store.campaigns.statusCounts(id);
    return { ok: true, value: { campaign: (await this.deps.store.campaigns.get(id))!, queued } };
  }

  private async outboxEntries(
    campaign: Campaign,
    customers: TargetCustomer[],
    offer: string | null,
  ): Promise<OutboxEntry[]> {
    const { treatment, control } = assignArms(campaign.id, customers, campaign.controlShare / 100);
    const ids = treatment.map((c) => c.customerId);
    const channel = campaign.channel;
    const since = new Date(this.now().getTime() - this.deps.frequencyCapDays * 86_400_000);
    const [optedOut, capped, contacts] = await Promise.all([
      this.deps.store.campaigns.optedOut(ids, channel),
      this.deps.store.campaigns.contactedSince(ids, since, campaign.id),
      this.contacts.lookup(customers),
    ]);
    const template = MessageTemplate.parse(campaign.template);
    const lang = campaign.language === 'en' ? 'en' : 'zh';
    const entry = (c: TargetCustomer, arm: 'treatment' | 'control'): OutboxEntry => {
      const contact = contacts.get(c.customerId);
      const values = { name: c.name, last_category: null, offer };
      const status =
        arm === 'control'
          ? 'held_out'
          : optedOut.has(c.customerId)
            ? 'opted_out'
            : capped.has(c.customerId)
              ? 'capped'
              : 'queued';
      return {
        customerId: c.customerId,
        arm,
        stratum: c.stratum,
        channel,
        address: addressFor(channel, contact),
        owner: contact?.owner ?? null,
        subject: template[lang].subject ? renderText(template[lang].subject!, values, lang) : null,
        body: renderText(template[lang].body, values, lang),
        status,
      };
    };
    return [...treatment.map((c) => entry(c, 'treatment')), ...control.map((c) => entry(c, 'control'))];
  }

  /** The business day a campaign's sends count for (task due dates, the recorded `sent_ts`). */
  async dayOf(campaignId: string): Promise<string> {
    const campaign = await this.deps.store.campaigns.get(campaignId);
    const asOf =
      campaign && this.deps.registry.has(campaign.model)
        ? this.deps.registry.get(campaign.model).runtime.asOf
        : null;
    const now = campaign?.sentAt ?? this.now();
    return asOf ? businessDay(now, asOf) : now.toISOString().slice(0, 10);
  }

  /** Delivery drained: the campaign is sent and its outbox recorded in `communications`. */
  async drained(campaignId: string): Promise<void> {
    await this.deps.store.campaigns.transition(campaignId, ['sending'], 'sent');
    await this.record(campaignId);
  }

  /** (Re)writes the campaign's rows of the governed `communications` table. */
  async record(campaignId: string): Promise<number> {
    const campaign = await this.deps.store.campaigns.get(campaignId);
    if (!campaign || !this.deps.registry.has(campaign.model)) return 0;
    const { runtime } = this.deps.registry.get(campaign.model);
    const messages = await this.deps.store.campaigns.messages(campaignId);
    return recordCommunications(runtime.engine, campaign, messages, runtime.asOf);
  }

  /**
   * Demo only: simulated responses (data/demo/campaign-responses.ts) become the outcomes of a sent
   * campaign's treatment and control customers; returns the planted uplift the analysis should recover.
   */
  async simulate(actor: Actor, id: string): Promise<Outcome<{ plantedUplift: number; customers: number }>> {
    if (!this.deps.demo)
      return refuse(
        403,
        'demo_only',
        '只有演示模式可以模拟客户响应',
        'Simulated responses exist only in demo mode',
      );
    const found = await this.visible(actor, id);
    if (!found.ok) return found;
    if (found.value.status !== 'sent')
      return refuse(
        409,
        'not_sent',
        '活动发送完成后才能模拟响应',
        'Responses can be simulated once the campaign is sent',
      );
    const messages = (await this.deps.store.campaigns.messages(id)).filter(
      (m) => m.status === 'sent' || m.status === 'held_out' || m.status === 'failed',
    );
    const { outcomes, plantedUplift } = simulateResponses(id, found.value.actionId, messages);
    await this.deps.store.campaigns.setOutcomes(id, outcomes);
    await this.record(id);
    return { ok: true, value: { plantedUplift, customers: messages.length } };
  }
}

function addressFor(
  channel: MessageChannel,
  contact: { email: string | null; phone: string | null; wecom: string | null } | undefined,
): string | null {
  if (!contact) return null;
  if (channel === 'email') return contact.email;
  if (channel === 'sms') return contact.phone;
  if (channel === 'wecom') return contact.wecom;
  return null;
}
