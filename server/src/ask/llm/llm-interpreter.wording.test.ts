/**
 * The LLM interpreter on the batch-2 failure classes (issue 13, item 6), against the local fake
 * Chat Completions server: the model receives the normalised question (Cantonese and traditional read as
 * Mandarin, shorthand expanded) and the same vocabulary as the rules (the model's calendar with its
 * windows, the words naming the model); its call is checked against the model; the corrections are named
 * back; and the rules interpreter reads each question the same way.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { loadModelFromDir, type SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { resolveQuery } from '../../../../semantic-layer/src/resolve-query.ts';
import {
  type ChatRequestBody,
  type FakeOpenAiServer,
  startFakeOpenAi,
} from '../../../test/ask/fake-openai-server.ts';
import { modelCatalog } from '../../../test/ask/model-catalogs.ts';
import { interpretWithRules } from '../rules-interpreter.ts';
import { interpretWithLlm } from './llm-interpreter.ts';

const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const SEP = { start: '2026-09-01', end: '2026-10-01' };
type ModelId = 'retail' | 'telco';

interface WordingCase {
  question: string;
  model: ModelId;
  /** The text the LLM must receive. */
  sent: string;
  /** A line the system prompt must carry for this class. */
  prompt?: string;
  /** The first assumption (corrections named back), when the question was rewritten. */
  note?: string;
  intent: string;
  query: Omit<SemanticQueryInput, 'model'>;
}

const CASES: WordingCase[] = [
  {
    question: '深圳嘅客上季流失咗幾多個？',
    model: 'retail',
    sent: '深圳的客户上季流失了多少个？',
    note: '粤语按普通话理解',
    intent: 'metric',
    query: {
      metrics: ['churned_customers'],
      filters: [{ member: 'city', op: 'in', values: ['深圳'] }],
      timeRange: Q3,
    },
  },
  {
    question: '點解上個月流失嘅客多咗？',
    model: 'retail',
    sent: '为什么上个月流失的客户多了？',
    note: '繁体按简体理解',
    intent: 'decomposition',
    query: { metrics: ['churned_customers'], timeRange: SEP, compare: 'previous_period' },
  },
  {
    question: '双11期间的订单数',
    model: 'retail',
    sent: '双11期间的订单数',
    prompt:
      '双11 / Double 11 / 双十一 / 双11狂欢节 / 光棍节 / 双十一大促: window 2025-11-01 .. 2025-11-12; the day itself (当天, 那天) 2025-11-11 .. 2025-11-12',
    intent: 'metric',
    query: { metrics: ['orders'], timeRange: { start: '2025-11-01', end: '2025-11-12' } },
  },
  {
    question: 'decompose the q/q change in churn rate',
    model: 'retail',
    sent: 'decompose the quarter over quarter change in churn rate',
    note: 'Read "q/q" as "quarter over quarter"',
    intent: 'decomposition',
    query: { metrics: ['churn_rate'], timeRange: Q3, compare: 'previous_period' },
  },
  {
    question: '上个季度各品类销售额排个名',
    model: 'retail',
    sent: '上个季度各品类销售额排个名',
    intent: 'breakdown',
    query: {
      metrics: ['revenue'],
      dimensions: ['category'],
      order: [{ member: 'revenue', dir: 'desc' }],
      timeRange: Q3,
    },
  },
  {
    question: '电信那边用电子支票付费的客户流失率多少',
    model: 'telco',
    sent: '电信那边用电子支票付费的客户流失率多少',
    prompt:
      '"电信", "运营商", "电信公司", "电信业务", "电讯", "电讯业务", "电讯公司", "电信行业", "telco", "telecom", "telecoms", "carrier", "operator" name this model itself, never a filter',
    intent: 'metric',
    query: {
      metrics: ['churn_rate'],
      filters: [{ member: 'payment_method', op: 'in', values: ['Electronic check'] }],
    },
  },
  // batch-3 classes (issue 13 round 3): both sides of a yes-no dimension, a share, a rate's headcount
  {
    question: '有技术支持和没有的客户流失率对比',
    model: 'telco',
    sent: '有技术支持和没有的客户流失率对比',
    prompt: 'With X vs without / 有X和没有的 / with and without it',
    intent: 'comparison',
    query: {
      metrics: ['churn_rate'],
      dimensions: ['tech_support'],
      filters: [{ member: 'tech_support', op: 'in', values: ['Yes', 'No'] }],
    },
  },
  {
    question: '流失客户里华南的占多少',
    model: 'retail',
    sent: '流失客户里华南的占多少',
    prompt: 'A share (高价值的占多少, 各占多少, what share of, 占比)',
    intent: 'breakdown',
    query: { metrics: ['churned_customers'], dimensions: ['region'], filters: [], timeRange: Q3 },
  },
  {
    question: '上个月流失了几个',
    model: 'retail',
    sent: '上个月流失了几个',
    prompt: 'A rate word with a count of people',
    intent: 'metric',
    query: { metrics: ['churned_customers'], timeRange: SEP },
  },
];

const models = {} as Record<ModelId, SemanticModel>;
const catalogs = {} as Record<ModelId, Catalog>;
let fake: FakeOpenAiServer;

/** The fake model: answers each normalised question with its expected call, anything else with a decline. */
function script(body: ChatRequestBody) {
  const sent = body.messages[1]?.content;
  const c = CASES.find((x) => x.sent === sent);
  if (!c) return { toolCall: { name: 'decline', arguments: { reason: 'unknown question' } } };
  const query = { model: c.model, dimensions: [], filters: [], order: [], ...c.query };
  return { toolCall: { name: 'semantic_query', arguments: { intent: c.intent, query, assumptions: [] } } };
}

beforeAll(async () => {
  for (const id of ['retail', 'telco'] as const) {
    const dir = new URL(`../../../../semantic-layer/models/${id}`, import.meta.url).pathname;
    const loaded = loadModelFromDir(dir);
    if (!loaded.ok) throw new Error(`${id} does not load`);
    models[id] = loaded.model;
    catalogs[id] = modelCatalog(id);
  }
  fake = await startFakeOpenAi(script);
});
afterAll(async () => {
  await fake?.close();
});

describe('LLM interpreter on the wording classes of blind batches 2 and 3 (fake server)', () => {
  it.each(CASES.map((c) => [c.question, c] as const))('%s', async (_q, c) => {
    const seen = fake.requests.length;
    const out = await interpretWithLlm({
      question: c.question,
      catalog: catalogs[c.model],
      asOf: AS_OF,
      client: new OpenAI({ apiKey: 'test-key', baseURL: fake.baseURL, maxRetries: 0 }),
      model: 'fake-model',
      timeoutMs: 5_000,
      resolve: (q) => {
        const r = resolveQuery(models[c.model], q);
        return r.ok ? r.warnings : r.issues;
      },
    });
    const request = fake.requests[seen];
    expect(request.messages[1].content).toBe(c.sent);
    if (c.prompt) expect(request.messages[0].content).toContain(c.prompt);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.interpretation).toMatchObject({ intent: c.intent, query: c.query, interpreter: 'llm' });
    if (c.note) expect(out.interpretation.assumptions[0]).toContain(c.note);
    // the rules read the question the same way (one set of conventions)
    const rules = interpretWithRules({ question: c.question, catalog: catalogs[c.model], asOf: AS_OF });
    expect(rules).toMatchObject({ intent: c.intent, query: c.query });
  });
});
