/**
 * Issue 16 items 3, 4 and 6 end to end over HTTP on the 3,000-customer demo with local fake providers:
 * governed tags in questions, as a campaign target and on the customer page; playbook offsets ("day 0
 * care SMS, day 3 call if no response") creating tasks for owners with due dates, never for the control
 * group; overdue tasks reported; "我的待办" in the weekly digest; and the measured effect of an action
 * (interval, sample sizes) feeding the playbook's ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CampaignKit, startCampaignKit } from '../../test/campaigns/campaign-kit.ts';
import type { Json, SecurityClient } from '../../test/security/security-client.ts';
import { weeklyDigest } from '../monitors/digest.ts';
import { myTasks } from './my-tasks.ts';

let kit: CampaignKit;
let analyst: SecurityClient;
let admin: SecurityClient;
/** The campaigns' clock: a day of the data's present (before the demo's as-of, 2026-10-01). */
let today = '2026-09-10';
const TAG = { member: 'frequent_small_basket', op: 'eq', values: [true] };

beforeAll(async () => {
  kit = await startCampaignKit({ now: () => new Date(`${today}T09:00:00Z`) });
  analyst = await kit.client('analyst');
  admin = await kit.client('demo_admin');
}, 180_000);
afterAll(async () => kit?.close());

/** Hand-written SQL on the analytic database (the reference the governed answers must match). */
async function reference(sql: string): Promise<Record<string, unknown>[]> {
  const { engine } = kit.server.registry.get('retail').runtime;
  return (await engine.query(sql, [])).rows;
}
const TAGGED = 'frequency_12m >= 16 AND monetary_12m < 100 * frequency_12m';

/** The churn rate of tagged customers by hand: the tag read on each monthly snapshot of the period. */
async function taggedChurn(start: string, end: string) {
  const [ref] = await reference(
    `SELECT count(DISTINCT customer_id) FILTER (WHERE active AND churned_next_quarter) AS churned,
            count(DISTINCT customer_id) FILTER (WHERE active) AS active
     FROM customer_history
     WHERE snapshot_date >= DATE '${start}' AND snapshot_date < DATE '${end}' AND ${TAGGED}`,
  );
  return { churned: Number(ref!.churned), active: Number(ref!.active) };
}

describe('tags as governed segments', () => {
  for (const [lang, question] of [
    ['zh', '高频低客单价客户的流失率'],
    ['en', 'churn rate of frequent small-basket customers'],
  ] as const)
    it(`"${question}" filters by the tag and equals hand-written SQL`, async () => {
      const client = lang === 'zh' ? analyst : await kit.client('analyst', 'en');
      const reply = await client.send('POST', '/api/ask', { question });
      expect(reply.status).toBe(200);
      const q = reply.body.interpretation.query;
      expect(q.metrics).toContain('churn_rate');
      expect(q.filters).toContainEqual(expect.objectContaining({ member: 'frequent_small_basket' }));
      const { start, end } = q.timeRange;
      const ref = await taggedChurn(start, end);
      const row = reply.body.table.rows[0];
      const value = Number(Object.values(row).find((v) => typeof v === 'number'));
      console.log(question, start, end, 'answer', row, 'reference', ref, reply.body.narrative);
      expect(value).toBeCloseTo(ref.churned / ref.active, 9);
      expect(ref.active).toBeGreaterThan(20);
    }, 120_000);

  it('tags split a question: the tagged row equals the filtered answer', async () => {
    const split = await analyst.send('POST', '/api/ask', { question: '按高频低客单价客户看流失率' });
    expect(split.status).toBe(200);
    console.log(
      'split',
      JSON.stringify(split.body.interpretation.query),
      JSON.stringify(split.body.table?.rows),
    );
    expect(split.body.interpretation.query.dimensions).toContain('frequent_small_basket');
    const { start, end } = split.body.interpretation.query.timeRange;
    const ref = await taggedChurn(start, end);
    // Rows carry the tag's labels: 高频低客单价客户 and 非高频低客单价客户.
    const rows = split.body.table.rows as Json[];
    expect(rows.map((r) => r.frequent_small_basket).sort()).toEqual([
      '非高频低客单价客户',
      '高频低客单价客户',
    ]);
    const value = rows.find((r) => r.frequent_small_basket === '高频低客单价客户')!.churn_rate;
    expect(value).toBeCloseTo(ref.churned / ref.active, 9);
  }, 120_000);
});

describe('a tagged campaign, its follow-ups and the tasks they create', () => {
  let id = '';
  let targets: string[] = [];
  let optedOut = '';

  it('targets exactly the action’s customers who carry the tag', async () => {
    const all = await analyst.send('GET', '/api/customers/by-action/care_message?limit=5000');
    expect(all.status).toBe(200);
    const created = await analyst.send('POST', '/api/campaigns', {
      target: { actionId: 'care_message', filters: [TAG] },
      channel: 'sms',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.campaign.id;
    const tagged = new Set(
      (await reference(`SELECT customer_id FROM customer_snapshot WHERE ${TAGGED}`)).map((r) =>
        String(r.customer_id),
      ),
    );
    const expected = (all.body.customers as Json[]).filter((c) => tagged.has(c.customerId));
    console.log('care_message targets', all.body.count, 'of which tagged', expected.length);
    expect(created.body.targets).toBe(expected.length);
    expect(created.body.targets).toBeGreaterThan(10);
    optedOut = expected[0]!.customerId;
    expect((await analyst.send('POST', '/api/campaigns/opt-outs', { customerId: optedOut })).status).toBe(
      201,
    );
    if (created.body.campaign.status === 'pending_approval')
      expect((await admin.send('POST', `/api/campaigns/${id}/approve`)).status).toBe(200);
    expect((await analyst.send('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
    await kit.server.campaigns.worker.drain();
    const rows = (await analyst.send('GET', `/api/campaigns/${id}/messages`)).body.messages as Json[];
    targets = rows.map((r) => r.customerId);
    expect(new Set(targets)).toEqual(new Set(expected.map((c) => c.customerId)));
  }, 180_000);

  it('shows the tag on the customer page of a targeted customer', async () => {
    const page = await analyst.send('GET', `/api/customers/${targets[0]}`);
    expect(page.status).toBe(200);
    const tag = (page.body.tags as Json[]).find((t) => t.dimension === 'frequent_small_basket');
    expect(tag).toMatchObject({ label: '高频低客单价客户', kind: 'behaviour', value: 'true' });
    const [untagged] = await reference(
      `SELECT customer_id FROM customer_snapshot WHERE NOT (${TAGGED}) AND lifecycle_stage <> 'churned' LIMIT 1`,
    );
    const other = await analyst.send('GET', `/api/customers/${untagged!.customer_id}`);
    expect((other.body.tags as Json[]).some((t) => t.dimension === 'frequent_small_basket')).toBe(false);
  }, 120_000);

  it('day 3: one call task per treated customer without a response, for their owner, never for control', async () => {
    const early = await analyst.send('POST', `/api/campaigns/${id}/follow-ups`);
    expect(early.status).toBe(200);
    expect(early.body.created).toBe(0);
    const sim = await admin.send('POST', `/api/campaigns/${id}/simulate-responses`);
    expect(sim.status).toBe(200);

    today = '2026-09-13';
    const run = await analyst.send('POST', `/api/campaigns/${id}/follow-ups`);
    expect(run.status).toBe(200);
    const rows = (await analyst.send('GET', `/api/campaigns/${id}/messages`)).body.messages as Json[];
    const sent = rows.filter((r) => r.arm === 'treatment' && r.status === 'sent');
    const silent = sent.filter((r) => r.outcome !== 'returned' && r.outcome !== 'saved');
    console.log('follow-ups', run.body, 'sent', sent.length, 'without response', silent.length);
    expect(run.body.created).toBe(silent.length);
    expect(run.body.responded).toBe(sent.length - silent.length);
    expect(run.body.responded).toBeGreaterThan(0);
    expect(silent.length).toBeGreaterThan(0);

    const tasks = await Promise.all(
      ['viewer', 'manager_south'].map(async (u) => (await kit.client(u)).send('GET', '/api/tasks')),
    );
    const mine = tasks.flatMap((t) => t.body.tasks as Json[]).filter((t) => t.campaignId === id);
    expect(mine.length).toBe(silent.length);
    expect(new Set(mine.map((t) => t.customerId))).toEqual(new Set(silent.map((r) => r.customerId)));
    expect(mine.every((t) => t.dueDate === '2026-09-15' && t.kind === 'call')).toBe(true);
    expect(mine[0]!.title).toBe('关怀消息未回应：电话回访');
    const control = rows.filter((r) => r.arm === 'control').map((r) => r.customerId);
    expect(control.length).toBeGreaterThan(0);
    expect(mine.some((t) => control.includes(t.customerId) || t.customerId === optedOut)).toBe(false);
    expect(tasks.flatMap((t) => t.body.tasks as Json[]).some((t) => t.overdue)).toBe(false);

    const again = await analyst.send('POST', `/api/campaigns/${id}/follow-ups`);
    expect(again.body).toMatchObject({ created: 0, existing: silent.length });
  }, 120_000);

  it('reports overdue tasks (endpoint and 我的待办 in the weekly digest) once the due date has passed', async () => {
    today = '2026-09-16';
    const report = await admin.send('GET', '/api/tasks/overdue');
    expect(report.status).toBe(200);
    const ours = (report.body.tasks as Json[]).filter((t) => t.campaignId === id);
    expect(report.body.today).toBe('2026-09-16');
    expect(ours.length).toBeGreaterThan(0);
    const viewer = await kit.client('viewer');
    const own = await viewer.send('GET', '/api/tasks/overdue');
    expect((own.body.tasks as Json[]).every((t) => t.owner === 'viewer')).toBe(true);
    expect(report.body.byOwner).toContainEqual({ owner: 'viewer', count: own.body.total });
    const mineNow = await viewer.send('GET', '/api/tasks');
    expect(mineNow.body.overdue).toBe(own.body.total);

    const tasks = await myTasks(kit.server.store, 'viewer', '2026-09-16');
    const active = kit.server.registry.get('retail');
    const zh = await weeklyDigest(active, { attributes: undefined, language: 'zh', state: {} }, tasks);
    const line = `我的待办：${tasks.open} 项未完成，其中 ${own.body.total} 项已逾期`;
    console.log('digest', zh.lines.slice(-2));
    expect(zh.lines).toContain(line);
    expect(zh.content.myTasks).toMatchObject({ open: tasks.open, overdue: own.body.total });
    const en = await weeklyDigest(active, { attributes: undefined, language: 'en', state: {} }, tasks);
    expect(en.lines).toContain(`My tasks: ${tasks.open} open, ${own.body.total} overdue`);
  }, 180_000);

  it('feeds the measured effect back to the playbook: interval and sample sizes; unknown effects flagged and not first', async () => {
    const reply = await analyst.send('POST', '/api/ask', { question: '哪些客户有流失风险? 怎么挽回?' });
    const actions = reply.body.analysis.actions as Json[];
    const care = actions.find((a) => a.id === 'care_message')!;
    console.log(
      'playbook order',
      actions.map((a) => `${a.id}:${a.evidence ?? ''}`),
      'care history',
      JSON.stringify(care.history),
    );
    // The measured effect with its interval and both arms' sizes, as the user reads it.
    const n = (v: number) => v.toLocaleString('zh-CN');
    const cards = reply.body.actions as Json[];
    const effect = (id: string) => String(cards.find((c) => c.id === id)!.expectedEffect);
    expect(cards.map((c) => c.id)).toEqual(actions.map((a) => a.id));
    console.log('care_message card:', effect('care_message'));
    expect(effect('care_message')).toContain(`（${n(care.history.treated.customers)} 人）`);
    expect(effect('care_message')).toContain(`（${n(care.history.control.customers)} 人）`);
    expect(effect('care_message')).toContain('95% CI');
    // Ranked by evidence; unknown and negative effects are flagged and never first while a positive one exists.
    const order: Record<string, number> = { proven: 0, unproven: 1, unknown: 2, negative: 3 };
    const ranks = actions.map((a) => order[a.evidence]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    if (actions.some((a) => a.evidence === 'proven' || a.evidence === 'unproven'))
      expect(['unknown', 'negative']).not.toContain(actions[0]!.evidence);
    for (const a of actions) {
      if (a.evidence === 'negative') expect(effect(a.id)).toContain('效果为负');
      if (a.evidence === 'unknown') expect(effect(a.id)).toMatch(/暂无历史|效果未知|无法估计/);
    }
    expect(care.history.treated.customers).toBeGreaterThan(0);
    expect(care.history.control.customers).toBeGreaterThan(0);
    expect(care.history.test.differenceInterval.lower).toBeLessThan(
      care.history.test.differenceInterval.upper,
    );
  }, 120_000);
});
