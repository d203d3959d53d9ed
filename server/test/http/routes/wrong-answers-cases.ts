import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { EvalCaseSchema } from '../../../src/governance/eval-case-schema.ts';
import { type GovernanceFixture, type Json, Q3 } from './governance-fixture.ts';

/** The wrong-answers queue: thumbs-down answers, corrections, export as eval cases (on the governance fixture). */
export function wrongAnswerCases(fx: GovernanceFixture): void {
  const { call } = fx;
  it('queues thumbs-down answers with their question, records corrections and exports eval cases', async () => {
    const conversation = await fx.store.conversations.create({ userId: fx.ids.viewer, model: 'retail' });
    const given = {
      model: 'retail',
      metrics: ['churn_rate'],
      dimensions: [],
      filters: [],
      order: [],
      timeRange: Q3,
    };
    const turn = (question: string, query: unknown) =>
      fx.store.conversations.appendMessage(conversation.id, {
        role: 'assistant',
        question,
        interpretation: { interpreter: 'rules', intent: 'metric', query, assumptions: [] },
        answer: { kind: 'answer', language: 'zh' },
        modelVersion: 'retail@1',
        interpreter: 'rules',
      });
    const first = await turn('上个季度华南的流失率是多少?', given);
    const second = await turn('那高价值客户呢?', given);
    const down = await fx.store.feedback.create({
      messageId: first!.id,
      userId: fx.ids.viewer,
      rating: 'down',
      comment: '没有按华南筛选',
    });
    await fx.store.feedback.create({ messageId: first!.id, userId: fx.ids.viewer, rating: 'up' });
    const followUp = await fx.store.feedback.create({
      messageId: second!.id,
      userId: fx.ids.viewer,
      rating: 'down',
    });

    const queue = await call('analyst', 'GET', '/wrong-answers');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: Json) => [i.id, i.question, i.earlierQuestions, i.reportedBy])).toEqual([
      [followUp.id, '那高价值客户呢?', ['上个季度华南的流失率是多少?'], 'viewer'],
      [down.id, '上个季度华南的流失率是多少?', [], 'viewer'],
    ]);
    expect(queue.body.items[1].given).toMatchObject({
      intent: 'metric',
      query: given,
      kind: 'answer',
      modelVersion: 'retail@1',
    });

    const wrongMember = await call('analyst', 'PUT', `/wrong-answers/${down.id}/correction`, {
      intent: 'metric',
      query: { ...given, filters: [{ member: 'province', op: 'in', values: ['广东'] }] },
    });
    expect(wrongMember.status).toBe(422);
    expect(wrongMember.body.error.code).toBe('invalid_correction');
    const south = { ...given, filters: [{ member: 'region', op: 'in', values: ['华南'] }] };
    const corrected = await call('analyst', 'PUT', `/wrong-answers/${down.id}/correction`, {
      intent: 'metric',
      query: south,
      expectedValues: [{ churn_rate: 0.6667 }],
      difficulty: 'easy',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.item.status).toBe('resolved');
    const highValue = {
      ...south,
      filters: [...south.filters, { member: 'value_tier', op: 'in', values: ['high'] }],
    };
    await call('analyst', 'PUT', `/wrong-answers/${followUp.id}/correction`, {
      intent: 'metric',
      query: highValue,
    });
    expect((await call('analyst', 'GET', '/wrong-answers')).body.items).toEqual([]);
    const resolved = await call('analyst', 'GET', '/wrong-answers?status=resolved');
    expect(resolved.body.items[1].correction).toMatchObject({ query: south, correctedBy: fx.ids.analyst });

    const exported = await call('analyst', 'GET', '/wrong-answers/export.yaml');
    expect(exported.status).toBe(200);
    // The export is a YAML list of cases in the eval-case contract the eval runner loads.
    const cases = (parse(exported.text) as unknown[]).map((c) => EvalCaseSchema.parse(c));
    expect(cases.map((c) => [c.id, c.lang, c.category, c.difficulty, c.conversation ?? null])).toEqual([
      [
        `feedback-retail-${followUp.id.replaceAll('-', '').slice(0, 12)}`,
        'zh',
        'follow_up',
        'medium',
        ['上个季度华南的流失率是多少?'],
      ],
      [`feedback-retail-${down.id.replaceAll('-', '').slice(0, 12)}`, 'zh', 'metric', 'easy', null],
    ]);
    expect(cases[1]!.expect).toEqual({
      kind: 'answer',
      intent: 'metric',
      metrics: ['churn_rate'],
      dimensions: [],
      filters: [{ member: 'region', op: 'in', values: ['华南'] }],
      timeRange: Q3,
      grain: null,
      compare: null,
      order: [],
      limit: null,
    });
    expect(cases[1]!.notes).toContain('expected values: [{"churn_rate":0.6667}]');
    const [audit] = await fx.store.audit.list({ action: 'feedback.export' });
    expect(audit).toMatchObject({ userId: fx.ids.analyst, details: { cases: 2, skipped: 0 } });
  });
}
