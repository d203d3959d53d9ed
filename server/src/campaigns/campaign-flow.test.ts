/**
 * End to end over HTTP with local fake providers (issue 16 "Done when"): an at-risk list → campaigns with
 * a 10% stratified control → messages recorded by the fake SMTP, SMS and WeCom servers, none to the control
 * group or to opted-out customers, none twice across a restart → simulated responses → "挽回活动效果怎么样?"
 * reports an uplift whose 95% interval contains the planted one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CampaignKit, startCampaignKit } from '../../test/campaigns/campaign-kit.ts';
import type { Json, SecurityClient } from '../../test/security/security-client.ts';

let kit: CampaignKit;
let analyst: SecurityClient;
let admin: SecurityClient;

beforeAll(async () => {
  kit = await startCampaignKit();
  analyst = await kit.client('analyst');
  admin = await kit.client('demo_admin');
}, 180_000);
afterAll(async () => kit?.close());

/** Outbox rows of a campaign. */
async function outbox(client: SecurityClient, id: string): Promise<Json[]> {
  const reply = await client.send('GET', `/api/campaigns/${id}/messages`);
  expect(reply.status).toBe(200);
  return reply.body.messages;
}

describe('a campaign from the at-risk list to its measured uplift', () => {
  const campaigns: Record<string, string> = {};
  let optedOut: string[] = [];

  it('creates campaigns from the actions of the at-risk list; large ones wait for approval', async () => {
    const actions = await analyst.send('POST', '/api/ask', { question: '哪些客户有流失风险? 怎么挽回?' });
    expect(actions.status).toBe(200);
    const cards = (actions.body.actions ?? []) as Json[];
    const counts = Object.fromEntries(cards.map((a) => [a.id, a.targets.count]));
    const care = (actions.body.analysis.actions as Json[]).find((a) => a.id === 'care_message')!;
    optedOut = (care.targets.customers as Json[]).slice(0, 5).map((c) => c.customerId);

    expect((await admin.send('PUT', '/api/campaigns/settings', { approvalThreshold: 100 })).status).toBe(200);
    const plan: [string, string][] = [
      ['care_message', 'sms'],
      ['service_recovery', 'email'],
      ['shipping_voucher', 'wecom'],
      ['account_manager_call', 'call_task'],
    ];
    for (const [actionId, channel] of plan) {
      const reply = await analyst.send('POST', '/api/campaigns', { target: { actionId }, channel });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(reply.body.targets).toBe(counts[actionId]);
      expect(reply.body.campaign.controlShare).toBe(10);
      expect(reply.body.campaign.holdout).toContain('10%');
      campaigns[actionId] = reply.body.campaign.id;
      const treatment = reply.body.targets - Math.round(reply.body.targets * 0.1);
      expect(reply.body.campaign.status).toBe(treatment > 100 ? 'pending_approval' : 'approved');
    }
    expect(campaigns.care_message).toBeTruthy();
  }, 180_000);

  it('refuses bad input in the user’s language', async () => {
    const bad = await analyst.send('POST', '/api/campaigns', {
      target: { actionId: 'no_such' },
      channel: 'sms',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('剧本中没有动作');
    const slot = await analyst.send('POST', '/api/campaigns', {
      target: { actionId: 'care_message' },
      channel: 'sms',
      template: { zh: { body: '{nmae}您好' }, en: { body: 'Hi {name}' } },
    });
    expect(slot.status).toBe(400);
    expect(slot.body.error.code).toBe('unknown_slot');
  });

  it('refuses to send before approval, then sends after an admin approves', async () => {
    for (const id of Object.values(campaigns)) {
      const { body } = await analyst.send('GET', `/api/campaigns/${id}`);
      if (body.campaign.status === 'pending_approval') {
        const early = await analyst.send('POST', `/api/campaigns/${id}/send`);
        expect(early.status).toBe(409);
        expect(early.body.error.code).toBe('needs_approval');
        expect((await analyst.send('POST', `/api/campaigns/${id}/approve`)).status).toBe(403);
        expect((await admin.send('POST', `/api/campaigns/${id}/approve`)).status).toBe(200);
      }
    }
  });

  it('queues treatment, holds out a stratified 10% control and skips opted-out customers', async () => {
    for (const customerId of optedOut)
      expect((await analyst.send('POST', '/api/campaigns/opt-outs', { customerId })).status).toBe(201);
    for (const id of Object.values(campaigns)) {
      expect((await analyst.send('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
      expect((await analyst.send('POST', `/api/campaigns/${id}/send`)).status).toBe(409);
    }
    const rows = await outbox(analyst, campaigns.care_message!);
    const byTier = new Map<string, { n: number; control: number }>();
    for (const r of rows) {
      const t = byTier.get(r.stratum) ?? { n: 0, control: 0 };
      t.n++;
      if (r.arm === 'control') t.control++;
      byTier.set(r.stratum, t);
    }
    expect(byTier.size).toBeGreaterThan(1);
    for (const { n, control } of byTier.values()) expect(control).toBe(Math.round(n * 0.1));
    expect(rows.filter((r) => r.arm === 'control').every((r) => r.status === 'held_out')).toBe(true);
    for (const r of rows.filter((x) => optedOut.includes(x.customerId) && x.arm === 'treatment'))
      expect(r.status).toBe('opted_out');
  });

  it('delivers through the fake SMTP, SMS and WeCom servers: none to control or opted-out, none twice after a restart', async () => {
    // A first batch goes out, then a worker claims one more row and dies before sending it.
    await kit.server.campaigns.worker.runOnce();
    const [abandoned] = await kit.server.store.campaigns.claim(new Date(), 1, 1);
    expect(abandoned).toBeTruthy();
    await kit.restart();
    analyst = await kit.client('analyst');
    admin = await kit.client('demo_admin');
    await kit.server.campaigns.worker.drain();

    const received = [
      ...kit.sms.received.map((m) => m.messageId),
      ...kit.wecom.received.map((m) => m.messageId),
      ...kit.smtp.received.map((m) => m.messageId!),
    ];
    expect(new Set(received).size).toBe(received.length);
    let sent = 0;
    for (const [actionId, id] of Object.entries(campaigns)) {
      const rows = await outbox(analyst, id);
      for (const r of rows) {
        const key = `${id}:${r.customerId}`;
        if (r.status === 'sent') sent++;
        if (actionId === 'account_manager_call') continue;
        expect(received.includes(key), `${key} ${r.status}`).toBe(r.status === 'sent');
        if (r.arm === 'control' || optedOut.includes(r.customerId)) expect(received).not.toContain(key);
      }
      const { body } = await analyst.send('GET', `/api/campaigns/${id}`);
      expect(body.campaign.status).toBe('sent');
    }
    const lost = (await outbox(analyst, abandoned!.campaignId)).find(
      (r) => r.customerId === abandoned!.customerId,
    )!;
    expect(lost.status).toBe('failed');
    expect(received).not.toContain(`${abandoned!.campaignId}:${abandoned!.customerId}`);
    const calls = (await outbox(analyst, campaigns.account_manager_call!)).filter((r) => r.status === 'sent');
    expect(sent).toBe(received.length + calls.length);
    // The SMS carries the personalised Chinese template; the e-mail went through a real SMTP conversation.
    expect(kit.sms.received[0]!.text).toMatch(/您好/);
    expect(kit.sms.received[0]!.text).not.toMatch(/\{/);
    expect(kit.smtp.received[0]!.to[0]).toMatch(/@customers\.example$/);
  }, 240_000);

  it('caps frequency: a second campaign to the same customers within 7 days sends nothing to them', async () => {
    const reply = await admin.send('POST', '/api/campaigns', {
      target: { actionId: 'care_message' },
      channel: 'email',
    });
    expect(reply.status).toBe(201);
    const id = reply.body.campaign.id;
    expect((await admin.send('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
    const smsTo = new Set(kit.sms.received.map((m) => m.messageId.split(':')[1]));
    const rows = await outbox(admin, id);
    for (const r of rows.filter((x) => x.arm === 'treatment' && smsTo.has(x.customerId)))
      expect(r.status).toBe('capped');
    await kit.server.campaigns.worker.drain();
  });

  it('recovers the planted uplift: "挽回活动效果怎么样?" reports an interval that contains it', async () => {
    const sim = await admin.send('POST', `/api/campaigns/${campaigns.care_message}/simulate-responses`);
    expect(sim.status).toBe(200);
    const planted = sim.body.plantedUplift as number;
    const answer = await analyst.send('POST', '/api/ask', { question: '挽回活动效果怎么样?' });
    expect(answer.status).toBe(200);
    expect(answer.body.interpretation.intent).toBe('campaign_outcomes');
    const care = (answer.body.analysis.outcomes as Json[]).find((o) => o.group === campaigns.care_message)!;
    console.log(
      'care_message: planted uplift',
      planted,
      'measured',
      care.uplift,
      care.interval,
      'p',
      care.pValue,
    );
    expect(care.interval.lower).toBeLessThanOrEqual(planted);
    expect(care.interval.upper).toBeGreaterThanOrEqual(planted);
    expect(care.costPerRetained === null || care.costPerRetained > 0).toBe(true);
    expect(answer.body.narrative).toMatch(/95% 区间/);

    const channels = await analyst.send('POST', '/api/ask', { question: '哪个渠道的挽回效果最好?' });
    expect(channels.body.analysis.groupedBy).toBe('message_channel');
    expect((channels.body.analysis.outcomes as Json[]).map((o) => o.group)).toContain('sms');
    const sms = await analyst.send('POST', '/api/ask', { question: '上个月的关怀短信有用吗?' });
    expect(sms.body.interpretation.intent).toBe('campaign_outcomes');
    expect((sms.body.analysis.outcomes as Json[]).map((o) => o.group)).toContain(campaigns.care_message);
  }, 120_000);

  it('"查看这些客户" opens exactly the customers an action targets', async () => {
    const answer = await analyst.send('POST', '/api/ask', { question: '哪些客户有流失风险? 怎么挽回?' });
    for (const action of answer.body.analysis.actions as Json[]) {
      const list = await analyst.send('GET', `/api/customers/by-action/${action.id}`);
      expect(list.status).toBe(200);
      expect(list.body.count).toBe(action.targets.count);
      expect((list.body.customers as Json[]).slice(0, 100).map((c) => c.customerId)).toEqual(
        (action.targets.customers as Json[]).map((c) => c.customerId),
      );
    }
  }, 120_000);

  it('the customer page shows the list’s numbers, campaign touches and open tasks, under row-level security', async () => {
    const list = await analyst.send('GET', '/api/customers/at-risk?limit=5000');
    const rows = await outbox(analyst, campaigns.account_manager_call!);
    const called = rows.find((r) => r.status === 'sent')!;
    const listed = (list.body.customers as Json[]).find((c) => c.customerId === called.customerId)!;
    const page = await analyst.send('GET', `/api/customers/${called.customerId}`);
    expect(page.status).toBe(200);
    expect(page.body.risk.score).toBe(listed.risk);
    expect(page.body.risk.flagged).toBe(true);
    expect(page.body.risk.factors.length).toBeGreaterThan(0);
    expect(page.body.campaignTouches.map((t: Json) => t.campaignId)).toContain(
      campaigns.account_manager_call,
    );
    expect(page.body.openTasks.length).toBe(1);
    expect(page.body.timeline.some((e: Json) => e.kind === 'order')).toBe(true);
    const asked = await analyst.send('POST', '/api/ask', { question: `客户${called.customerId}的情况` });
    expect(asked.body.interpretation.intent).toBe('customer_profile');
    expect(asked.body.analysis.risk.score).toBe(listed.risk);
    const en = await analyst.send('POST', '/api/ask', { question: `show me customer ${called.customerId}` });
    expect(en.body.narrative).toMatch(/churn risk/);

    const south = await kit.client('manager_south');
    const region = page.body.profile.region;
    expect((await south.send('GET', `/api/customers/${called.customerId}`)).status).toBe(
      region === '华南' ? 200 : 404,
    );
    const other = (list.body.customers as Json[]).find(
      (c) => c.region !== '华南' && c.regionLabel !== '华南',
    )!;
    const hidden = await south.send('GET', `/api/customers/${other.customerId}`);
    expect(hidden.status).toBe(404);
  }, 120_000);

  it('"我的待办": call tasks reach the customers\' owners, overdue ones are reported', async () => {
    const viewer = await kit.client('viewer');
    const mine = await viewer.send('GET', '/api/tasks');
    expect(mine.status).toBe(200);
    expect(mine.body.tasks.length).toBeGreaterThan(0);
    expect(mine.body.tasks.every((t: Json) => t.owner === 'viewer' && t.kind === 'call')).toBe(true);
    const task = mine.body.tasks[0];
    expect((await analyst.send('PATCH', `/api/tasks/${task.id}`, { status: 'done' })).status).toBe(404);
    const done = await viewer.send('PATCH', `/api/tasks/${task.id}`, { status: 'done' });
    expect(done.body.task.status).toBe('done');
  });
});
