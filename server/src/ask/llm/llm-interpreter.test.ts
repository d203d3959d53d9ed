import OpenAI from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFromDir, type SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { Issue } from '../../../../semantic-layer/src/issues.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { resolveQuery } from '../../../../semantic-layer/src/resolve-query.ts';
import {
  type FakeOpenAiServer,
  type FakeScript,
  startFakeOpenAi,
} from '../../../test/ask/fake-openai-server.ts';
import { RETAIL_CATALOG } from '../../../test/ask/fixtures/retail-catalog.ts';
import type { Interpretation } from '../interpretation.ts';
import { interpretWithFallback } from './fallback.ts';
import { INTERPRET_PROMPT, interpretWithLlm, type LlmInterpretInput } from './llm-interpreter.ts';

const MODEL_DIR = new URL('../../../../semantic-layer/models/retail', import.meta.url).pathname;
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const QUESTION = '上个季度华东地区高价值客户的流失率';
const EXPECTED: SemanticQueryInput = {
  model: 'retail',
  metrics: ['churn_rate'],
  dimensions: [],
  filters: [
    { member: 'region', op: 'in', values: ['华东'] },
    { member: 'value_tier', op: 'in', values: ['high'] },
  ],
  order: [],
  timeRange: Q3,
};
const callWith = (query: unknown, intent = 'metric') => ({
  toolCall: { name: 'semantic_query', arguments: { intent, query, assumptions: [] } },
});

let model: SemanticModel;
let fake: FakeOpenAiServer | undefined;
const resolve = (q: SemanticQueryInput): Issue[] => {
  const r = resolveQuery(model, q);
  return r.ok ? r.warnings : r.issues;
};

beforeAll(() => {
  const loaded = loadModelFromDir(MODEL_DIR);
  if (!loaded.ok) throw new Error('retail model does not load');
  model = loaded.model;
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function ask(script: FakeScript, over: Partial<LlmInterpretInput> = {}) {
  fake = await startFakeOpenAi(script);
  const client = new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0 });
  return interpretWithLlm({
    question: QUESTION,
    catalog: RETAIL_CATALOG,
    asOf: AS_OF,
    client,
    model: 'fake-model',
    timeoutMs: 2_000,
    resolve,
    ...over,
  });
}

const rules = (): Interpretation => ({
  kind: 'query',
  intent: 'metric',
  language: 'zh',
  query: { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
  assumptions: ['rules'],
  understood: [],
  unknownTerms: [],
});

describe('interpretWithLlm through the openai client and a fake Chat Completions server', () => {
  it('returns the tool call as a validated query, with the prompt version', async () => {
    const out = await ask([
      callWith({ model: 'retail', metrics: ['churn_rate'], timeRange: Q3, filters: EXPECTED.filters }),
    ]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.interpretation.query).toEqual(EXPECTED);
    expect(out.interpretation).toMatchObject({
      kind: 'query',
      intent: 'metric',
      language: 'zh',
      interpreter: 'llm',
      promptVersion: 'interpret.v1',
      repaired: false,
    });
  });

  it('sends the normalised question (traditional, homophones, typos) and names the corrections back (issue 13)', async () => {
    const out = await ask([callWith(EXPECTED)], { question: '上個季度華東地區高價值客戶的流逝率' });
    expect(fake!.requests[0].messages[1].content).toBe(QUESTION);
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.interpretation.assumptions[0]).toContain('繁体按简体理解');
      expect(out.interpretation.assumptions[0]).toContain('按“流失率”理解“流逝率”');
    }
  });

  it('sends the prompt with the question only in the user message, a small catalog slice and the tools', async () => {
    await ask([callWith(EXPECTED)]);
    const [body] = fake!.requests;
    expect(fake!.authorizations[0]).toBe('Bearer test-key');
    expect(body.model).toBe('fake-model');
    expect(body.tool_choice).toBe('required');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1].content).toBe(QUESTION);
    const system = body.messages[0].content!;
    expect(system).not.toContain(QUESTION);
    expect(system).toContain('上个季度 / last quarter (the last complete quarter): 2026-07-01 .. 2026-10-01');
    expect(system).toMatch(/- region: 地区 \/ Region/);
    expect(system).toContain('华东 (East China)');
    // The slice leaves out members the question does not touch.
    expect(system).not.toContain('ticket_category');
    expect(system).not.toContain('- city:');
    expect(system.length).toBeLessThan(8_000);
    expect(body.tools!.map((t) => t.function.name)).toEqual(['semantic_query', 'clarify', 'decline']);
    const params = body.tools![0].function.parameters as {
      properties: Record<string, { properties?: object }>;
    };
    expect(Object.keys(params.properties)).toEqual([
      'intent',
      'query',
      'assumptions',
      'understood',
      'unknownTerms',
    ]);
    expect(params.properties.query.properties).toHaveProperty('timeRange');
    expect(INTERPRET_PROMPT).toBe('interpret.v1');
  });

  it('repairs an unknown member: the second request quotes the issue code and path', async () => {
    const out = await ask([
      callWith({ ...EXPECTED, dimensions: ['regions'] }, 'breakdown'),
      callWith({ ...EXPECTED, dimensions: ['region'] }, 'breakdown'),
    ]);
    expect(out.ok && out.interpretation.query).toEqual({ ...EXPECTED, dimensions: ['region'] });
    expect(out.ok && out.interpretation.repaired).toBe(true);
    const second = fake!.requests[1].messages;
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second[2].tool_calls).toHaveLength(1);
    expect(second[3].tool_call_id).toBe((second[2].tool_calls![0] as { id: string }).id);
    expect(second[3].content).toContain('[unknown_member] query.dimensions.0: unknown dimension regions');
  });

  it('repairs malformed JSON arguments', async () => {
    const out = await ask([
      { toolCall: { name: 'semantic_query', arguments: '{"intent": "metric", "query": {' } },
      callWith(EXPECTED),
    ]);
    expect(out.ok && out.interpretation.query).toEqual(EXPECTED);
    expect(fake!.requests[1].messages[3].content).toContain('[invalid_json]');
  });

  it('repairs a label written where a stored value belongs', async () => {
    const wrong = { ...EXPECTED, filters: [{ member: 'region', op: 'in', values: ['East China'] }] };
    const out = await ask([callWith(wrong), callWith(EXPECTED)]);
    expect(out.ok).toBe(true);
    expect(fake!.requests[1].messages[3].content).toContain(
      '[invalid_filter] query.filters.0.values.0: East China is not a stored value of region: use the stored value 华东',
    );
  });

  it('fails with the issues when the repair round is still invalid, and the rules answer instead', async () => {
    const bad = callWith({ model: 'retail', metrics: ['churn_speed'] });
    fake = await startFakeOpenAi([bad, bad]);
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.baseURL, maxRetries: 0 });
    const llm = () =>
      interpretWithLlm({
        question: QUESTION,
        catalog: RETAIL_CATALOG,
        asOf: AS_OF,
        client,
        model: 'm',
        timeoutMs: 2_000,
        resolve,
      });
    const answered = await interpretWithFallback(rules, llm);
    expect(answered.interpreter).toBe('rules');
    expect(answered.interpretation.assumptions).toEqual(['rules']);
    expect(answered.fallback?.reason).toBe('invalid_call');
    expect(answered.fallback?.detail).toContain('unknown_member');
    expect(fake.requests).toHaveLength(2);
  });

  it('falls back on HTTP 500 and 429 with OpenAI error bodies, without retrying', async () => {
    const e500 = await ask([{ error: { status: 500, message: 'The server had an error' } }]);
    expect(e500).toMatchObject({ ok: false, reason: 'http_error', status: 500 });
    expect(!e500.ok && e500.detail).toContain('The server had an error');
    await fake!.close();
    const e429 = await ask([
      {
        error: { status: 429, message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' },
      },
    ]);
    expect(e429).toMatchObject({ ok: false, reason: 'http_error', status: 429 });
    expect(fake!.requests).toHaveLength(1);
  });

  it('gives up at the deadline when the server hangs, and the rules answer', async () => {
    const started = Date.now();
    const out = await ask([{ hang: true }], { timeoutMs: 300 });
    const elapsed = Date.now() - started;
    expect(out).toMatchObject({ ok: false, reason: 'timeout', detail: 'no answer within 300 ms' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
    const answered = await interpretWithFallback(rules, async () => out);
    expect(answered).toMatchObject({ interpreter: 'rules', fallback: { reason: 'timeout' } });
  });

  it('turns the clarify tool into a clarify interpretation', async () => {
    const options = [
      { label: '流失率', question: '上个季度的流失率' },
      { label: '流失客户数', question: '上个季度流失了多少客户' },
    ];
    const out = await ask([
      { toolCall: { name: 'clarify', arguments: { reason: '“流失”可以指比例或人数', options } } },
    ]);
    expect(out.ok && out.interpretation).toMatchObject({
      kind: 'clarify',
      intent: 'clarify',
      query: null,
      options,
      reason: '“流失”可以指比例或人数',
    });
  });

  it('turns the decline tool into an out_of_scope interpretation', async () => {
    const out = await ask(
      [{ toolCall: { name: 'decline', arguments: { reason: 'Deleting data is not possible here.' } } }],
      {
        question: 'Delete all churned customers',
      },
    );
    expect(out.ok && out.interpretation).toMatchObject({
      kind: 'out_of_scope',
      intent: 'out_of_scope',
      query: null,
      language: 'en',
      reason: 'Deleting data is not possible here.',
    });
  });

  it('marks analysis intents as kind analysis', async () => {
    const out = await ask([
      callWith({ model: 'retail', metrics: ['churned_customers'], timeRange: Q3 }, 'reasons'),
    ]);
    expect(out.ok && out.interpretation).toMatchObject({ kind: 'analysis', intent: 'reasons' });
  });

  it('assembles a streamed tool call sent in pieces', async () => {
    const out = await ask([callWith(EXPECTED)], { stream: true });
    expect(fake!.requests[0].stream).toBe(true);
    expect(out.ok && out.interpretation.query).toEqual(EXPECTED);
  });

  it('falls back when a stream breaks', async () => {
    const out = await ask([{ brokenStream: true }], { stream: true });
    expect(out).toMatchObject({ ok: false, reason: 'response_error' });
  });

  it('asks again when the model answers in text instead of calling a tool', async () => {
    const out = await ask([{ text: '流失率是 5%' }, callWith(EXPECTED)]);
    expect(out.ok && out.interpretation.query).toEqual(EXPECTED);
    const second = fake!.requests[1].messages;
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second[3].content).toContain('[no_tool_call]');
  });

  it('passes the previous turn as context, not as the user message', async () => {
    await ask([callWith({ ...EXPECTED, dimensions: ['region'] }, 'breakdown')], {
      question: '按地区看呢',
      previous: { lastQuery: EXPECTED, lastIntent: 'metric' },
    });
    const [system, user] = fake!.requests[0].messages;
    expect(user.content).toBe('按地区看呢');
    expect(system.content).toContain('Previous turn: intent metric, query {"model":"retail"');
  });
});
