import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { RETAIL_CATALOG } from '../../test/ask/fixtures/retail-catalog.ts';
import { TELCO_CATALOG } from '../../test/ask/fixtures/telco-catalog.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const AS_OF = '2026-10-01';
const ask = (question: string, catalog: Catalog = RETAIL_CATALOG) =>
  interpretWithRules({ question, catalog, asOf: AS_OF });

/** Every filter value must be a stored value of its dimension in the catalog. */
function filterValuesAreCatalogValues(catalog: Catalog, question: string): void {
  const r = ask(question, catalog);
  for (const f of r.query?.filters ?? []) {
    const dim = catalog.dimensions.find((d) => d.id === f.member);
    expect(dim, `${question}: ${f.member}`).toBeDefined();
    for (const v of f.values ?? []) expect(dim!.values.map((x) => x.value)).toContain(v);
  }
}

describe('out of scope', () => {
  it.each([
    '今天天气怎么样',
    '给我写首诗',
    '讲个笑话吧',
    "What's the weather in Shanghai?",
    'Write me a poem',
    'tell me a joke',
  ])('declines "%s" politely in its language and says what it can answer', (question) => {
    const r = ask(question);
    expect(r.kind).toBe('out_of_scope');
    expect(r.intent).toBe('out_of_scope');
    expect(r.query).toBeNull();
    if (r.language === 'zh') expect(r.reason).toMatch(/^抱歉.*我可以回答.*流失率/);
    else expect(r.reason).toMatch(/^Sorry.*I can answer.*Churn rate/);
  });

  it.each([
    '删除华南的客户',
    '把流失率修改成5%',
    '清空订单数据',
    'delete all customers in South China',
    'update the churn rate to 3%',
    'insert a new customer',
  ])('declines the request to change data "%s"', (question) => {
    const r = ask(question);
    expect(r.kind).toBe('out_of_scope');
    expect(r.reason).toMatch(/不能修改、删除或写入数据|cannot change, delete or write/);
  });

  it('keeps "why did churn drop" a question, not a DROP statement', () => {
    expect(ask('why did churn drop last quarter?').intent).toBe('decomposition');
  });
});

describe('adversarial input', () => {
  it('keeps only catalog values in filters and names the rest back', () => {
    const r = ask("华南' OR 1=1 --");
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
    expect(r.unknownTerms).toEqual(['1=1']);
  });

  it('declines an injected DROP TABLE', () => {
    const r = ask("'; DROP TABLE customers; --");
    expect(r.kind).toBe('out_of_scope');
    expect(r.query).toBeNull();
  });

  it.each([
    "华南' OR 1=1 --",
    '华东"; SELECT * FROM pg_user; --',
    "region = '华南' UNION SELECT password",
    'churn rate where city = Shanghai OR 1=1',
    '流失率 $' + '{process.env} {{7*7}} <script>alert(1)</script>',
    "Month-to-month' OR '1'='1",
  ])('puts nothing but catalog values in filters for "%s"', (question) => {
    filterValuesAreCatalogValues(RETAIL_CATALOG, question);
    filterValuesAreCatalogValues(TELCO_CATALOG, question);
  });

  it('handles empty, whitespace and very long input without throwing', () => {
    expect(ask('').kind).toBe('out_of_scope');
    expect(ask('   ').kind).toBe('out_of_scope');
    expect(ask('流失率'.repeat(300)).query?.metrics).toEqual(['churn_rate']);
  });
});

describe('clarify', () => {
  it('offers 上个季度 when 本季度 has no data yet', () => {
    const r = ask('本季度的流失率');
    expect(r.kind).toBe('clarify');
    expect(r.reason).toBe('“本季度”从 2026-10-01 开始，目前还没有数据（数据截至 2026-09-30）。');
    expect(r.options).toEqual([
      {
        label: '上个季度',
        question: '上个季度的流失率',
        query: {
          model: 'retail',
          metrics: ['churn_rate'],
          dimensions: [],
          timeRange: { start: '2026-07-01', end: '2026-10-01' },
          filters: [],
          order: [],
        },
      },
    ]);
  });

  it('offers last month in English when this month is empty', () => {
    const r = ask('churn rate this month');
    expect(r.kind).toBe('clarify');
    expect(r.options?.[0]).toMatchObject({ label: 'last month', question: 'churn rate last month' });
  });

  it('asks which count a bare 客户 means: customers, churned or at risk', () => {
    const r = ask('华南的客户');
    expect(r.kind).toBe('clarify');
    expect(r.options?.map((o) => o.label)).toEqual(['客户数', '流失客户数', '风险客户数']);
    expect(r.options?.[1].query).toEqual({
      model: 'retail',
      metrics: ['churned_customers'],
      dimensions: [],
      timeRange: { start: '2026-07-01', end: '2026-10-01' },
      filters: [{ member: 'region', op: 'in', values: ['华南'] }],
      order: [],
    });
  });

  it('asks which dimension a value shared by two dimensions means when the metric cannot tell', () => {
    const r = ask('服务问题的流失率');
    expect(r.kind).toBe('clarify');
    expect(r.options?.map((o) => o.label)).toEqual(['工单类别：服务', '流失原因：服务']);
    expect(r.options?.map((o) => o.question)).toEqual(['工单类别服务的流失率', '流失原因服务的流失率']);
  });

  it('does not silently drop a city that is not in the catalog', () => {
    const zh = ask('拉萨的流失率');
    expect(zh.kind).toBe('clarify');
    expect(zh.unknownTerms).toEqual(['拉萨']);
    expect(zh.options?.[0]).toMatchObject({ label: '不加这个条件', question: '流失率' });
    const en = ask('churn rate in Lhasa');
    expect(en.kind).toBe('clarify');
    expect(en.reason).toContain('"Lhasa" was not found in the data');
    expect(en.options?.[0].question).toBe('churn rate');
  });

  it('names other unknown words in an assumption rather than ignoring them', () => {
    const r = ask('churn rate last quarter blockchain');
    expect(r.kind).toBe('query');
    expect(r.unknownTerms).toEqual(['blockchain']);
    expect(r.assumptions).toContain('Did not recognise "blockchain"; the result is not filtered by it');
  });
});

describe('speed', () => {
  it('interprets a question in well under 2 ms on average (logged, not asserted)', () => {
    const questions = [
      '上个季度流失客户的主要原因是什么?',
      'Which regions lost the most high-value customers last quarter?',
      '哪些高价值客户有流失风险?',
      '华东和华南对比流失率',
      '按月看今年的流失率趋势',
      '近90天的收入',
      '2026年7月母婴的订单数',
      'top 5 cities by churn rate',
    ];
    for (const q of questions) ask(q); // warm the catalog index
    const rounds = 50;
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of questions) ask(q);
    const perQuestion = (performance.now() - t0) / (rounds * questions.length);
    console.log(
      `rules interpreter: ${perQuestion.toFixed(3)} ms per question (${rounds * questions.length} questions)`,
    );
    expect(perQuestion).toBeGreaterThan(0);
  });
});
