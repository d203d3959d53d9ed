/**
 * Issue 13, round 10a: general mechanisms, tested on messages of our own (not copies of batch sentences)
 * beside batch 9's, with negatives.
 * 1. Long messages (emails, forwarded notes, Slack posts): the asking clauses are the question; context
 *    never sets grain, intent or filters, but scopes the question when it names what the question lacks.
 * 2. One customer by id, whatever the wording and on both models.
 * 3. Conditions on each customer for count measures (tickets, open tickets), and lists under them.
 * 4. Requests that are not questions about the data, by class; concepts the model lacks named back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime } from '../../test/analysis/test-runtime.ts';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { runAnalysis } from '../analysis/run-analysis.ts';
import { runQuery } from '../pipeline/run-query.ts';
import { splitSentences } from './rules/message-parts.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });
const LAST_QUARTER = { start: '2026-07-01', end: '2026-10-01' };

describe('long messages: the question part', () => {
  it('splits sentences at end marks, not inside numbers', () => {
    expect(splitSentences('Hi all. Churn was 5.5% last month. Why?')).toEqual([
      'Hi all. ',
      'Churn was 5.5% last month. ',
      'Why?',
    ]);
    expect(splitSentences('各位好。上个月流失率多少？谢谢！')).toEqual([
      '各位好。',
      '上个月流失率多少？',
      '谢谢！',
    ]);
  });

  it('a grain word in the background ("quarterly business review") is no trend', () => {
    const r = ask(
      'Hi team, hope all is well. In preparation for our quarterly business review with the South China leads, could you share the churn rate in South China for last quarter? Best regards, Priya',
    );
    expect(r.intent).toBe('metric');
    expect(r.query?.time).toBeUndefined();
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
    expect(r.query?.timeRange).toEqual(LAST_QUARTER);
    expect(r.assumptions[0]).toMatch(/^Answered the question part of the message/);
  });

  it('a forwarded WeCom note: the meeting in the background does not set the period', () => {
    const r = ask(
      '转发一下老板的消息：各位好，我们下周要开季度经营会。麻烦看一下上个月华南的流失客户数，谢谢！',
    );
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
    expect(r.query?.timeRange).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(r.query?.time).toBeUndefined();
  });

  it('a scope stated in context applies when the question lacks it ("For South China: …")', () => {
    const r = ask(
      'Hi team, quick context: we are putting together the board pack and the CFO keeps asking. For South China: what was the churn rate last month? Thanks, Tom',
    );
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
    expect(r.query?.timeRange).toEqual({ start: '2026-09-01', end: '2026-10-01' });
  });

  it('a scope in a context sentence before the question applies too (zh)', () => {
    const r = ask('老板在看华东的情况。上个季度流失了多少客户？他明天要用，辛苦了');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    expect(r.query?.timeRange).toEqual(LAST_QUARTER);
  });

  it('the question names its own value: the background value of the same dimension is not added', () => {
    const r = ask(
      'I look after the East China stores. What was the churn rate in North China last quarter? Thanks',
    );
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华北'] }]);
    expect(r.query?.dimensions).toEqual([]);
  });

  it('everyday words of the background ("good news", "store teams") are not filters', () => {
    const r = ask(
      'Morning all. What was the retention rate last quarter? I want to share some good news with the store teams. Cheers',
    );
    expect(r.query?.metrics).toEqual(['retention_rate']);
    expect(r.query?.filters).toEqual([]);
  });

  it('an analysis question inside an email keeps its analysis (drivers, segments)', () => {
    expect(
      ask(
        'Hello all, ahead of the offsite, what are the main factors that drive customers to churn? We want our training to focus on them. Regards',
      ).intent,
    ).toBe('drivers');
    expect(
      ask(
        'Hi everyone. Which customer segments should the retention team focus on next year? A brief summary is enough.',
      ).intent,
    ).toBe('segments');
  });

  it('a Slack post with a second ask keeps both asking clauses', () => {
    const r = ask('老板问：华东区上季度流失率多少？他说下周开会要用，按月的趋势也顺便看一下');
    expect(r.intent).toBe('trend');
    expect(r.query?.time?.grain).toBe('month');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
  });

  it('a group notice: the asking clause that names the data is the question, not "请各位帮忙确认"', () => {
    const r = ask(
      '@所有人 下周一要给集团汇报季度数据。\n请各位帮忙确认：今年三季度华南地区的复购率是多少？\n收到请回复，谢谢',
    );
    expect(r.query?.metrics).toEqual(['repeat_purchase_rate']);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华南'] }]);
    expect(r.unknownTerms).toEqual([]);
  });

  it('a Slack post that reports what others want to know, after a dash', () => {
    const r = ask(
      'Hey folks, quick one from the exec sync — they want to know which region had the highest churn rate last month. Can someone pull that? ty!',
    );
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.query?.order).toEqual([{ member: 'churn_rate', dir: 'desc' }]);
    expect(r.unknownTerms).toEqual([]);
  });

  it('negative: a follow-on ask that only says how to look stays part of the question', () => {
    const r = ask('Is churn lower with tech support? Compare with and without it', TELCO);
    expect(r.intent).toBe('comparison');
    expect(r.query?.filters).toEqual([{ member: 'tech_support', op: 'in', values: ['Yes', 'No'] }]);
  });

  it('negative: a short question with a leading clause is read whole ("按地区，…")', () => {
    const r = ask('按地区，看一下上个月的流失率');
    expect(r.query?.dimensions).toEqual(['region']);
    expect(r.assumptions.join()).not.toMatch(/背景/);
  });

  it('negative: a message whose only question names nothing of the model is read whole', () => {
    const r = ask('Churn went up last quarter. Why?');
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.assumptions.join()).not.toMatch(/question part/);
  });

  it('a refining sentence after the question stays part of it (a restriction, a comparison)', () => {
    const onlyApp = ask('上个季度华东的客单价是多少？只看APP渠道的。');
    expect(onlyApp.query?.metrics).toEqual(['avg_order_value']);
    expect(onlyApp.query?.filters).toEqual([
      { member: 'region', op: 'in', values: ['华东'] },
      { member: 'sales_channel', op: 'in', values: ['app'] },
    ]);
    const excluding = ask('What was churn by region last quarter? Excluding the high value tier.');
    expect(excluding.query?.dimensions).toEqual(['region']);
    expect(excluding.query?.filters).toEqual([{ member: 'value_tier', op: 'not_in', values: ['high'] }]);
    expect(excluding.understood.map((u) => u.meaning)).toContain('filter: Value tier ≠ High value');
    const fibre = ask('光纤用户的流失率高吗？跟DSL的比一下', TELCO);
    expect(fibre.query?.filters).toEqual([
      { member: 'internet_service', op: 'in', values: ['Fiber optic', 'DSL'] },
    ]);
  });

  it('an excluded value is said as excluded, with an article or without', () => {
    for (const q of [
      'churn rate by region last quarter excluding the high value tier',
      '上季度各地区流失率，不含高价值客户',
    ]) {
      const r = ask(q);
      expect(r.query?.filters).toEqual([{ member: 'value_tier', op: 'not_in', values: ['high'] }]);
      expect(r.understood.some((u) => / ≠ /.test(u.meaning))).toBe(true);
      expect(r.understood.some((u) => /价值分层 = |Value tier = /.test(u.meaning))).toBe(false);
    }
  });
});

describe('one customer by id', () => {
  it.each([
    ['C0000888这个客户是啥子情况', 'C0000888'],
    ['c0001234最近咋样', 'C0001234'],
    ['tell me about C0000888', 'C0000888'],
    ['Could you pull up the profile of C0002046 for me?', 'C0002046'],
  ])('retail: %s → profile of %s', (question, id) => {
    const r = ask(question);
    expect(r.intent).toBe('customer_profile');
    expect(r.query?.filters).toEqual([{ member: 'customer_id', op: 'eq', values: [id] }]);
    expect(r.unknownTerms).not.toContain(id);
  });

  it.each([
    ['門號 6380-ARCEH 這位用戶的狀況', '6380-ARCEH'],
    ['subscriber 7590-vhveg profile', '7590-VHVEG'],
    ["what's up with 6380-ARCEH?", '6380-ARCEH'],
  ])('telco: %s → profile of %s', (question, id) => {
    const r = ask(question, TELCO);
    expect(r.intent).toBe('customer_profile');
    expect(r.query?.filters).toEqual([{ member: 'customer_id', op: 'eq', values: [id] }]);
  });

  it('negative: an order number is not a customer; a data change on a customer is still declined', () => {
    expect(ask('订单号 O12345678 到哪了').intent).not.toBe('customer_profile');
    expect(ask('delete customer C0000888').kind).toBe('out_of_scope');
  });

  it('negative: periods that look like codes stay periods', () => {
    expect(ask('2026Q3流失率').intent).toBe('metric');
    expect(ask('FY2025 churn').query?.timeRange).toEqual({ start: '2025-01-01', end: '2026-01-01' });
  });
});

describe('conditions on each customer for count measures', () => {
  it('"2张以上没解决工单的客户有多少个" counts customers with 2+ open tickets', () => {
    const r = ask('近90天手上有2张以上没解决工单的客户有多少个');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'open_tickets_72h', op: 'gte', values: [2] }]);
  });

  it('a list of customers with tickets above N is those customers, never the churned list', () => {
    const r = ask('近90天投诉超过3次的客户，拉个名单给我');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.dimensions).toContain('customer_id');
    expect(r.query?.filters).toEqual([{ member: 'tickets_90d', op: 'gt', values: [3] }]);
    expect(r.assumptions.join()).toMatch(/近90天工单数/);
  });

  it('"哪些客户有…还没解决的工单" (having any) → open tickets ≥ 1, listed by customer', () => {
    const r = ask('哪些客户有超过72小时还没解决的工单');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'open_tickets_72h', op: 'gte', values: [1] }]);
    expect(r.query?.timeRange).toBeUndefined();
  });

  it('"list customers with open tickets" in English', () => {
    const r = ask('list customers with open tickets');
    expect(r.query?.filters).toEqual([{ member: 'open_tickets_72h', op: 'gte', values: [1] }]);
    expect(r.query?.dimensions?.[0]).toBe('customer_id');
  });

  it('orders above N per customer as a list: the customers, named per customer', () => {
    const r = ask('订单数大于5的客户名单');
    expect(r.query?.metrics).toEqual(['customers']);
    expect(r.query?.filters).toEqual([{ member: 'orders_12m', op: 'gt', values: [5] }]);
  });

  it('negative: the churned-customer list is still the churned list', () => {
    const r = ask('上季度流失的客户名单');
    expect(r.query?.metrics).toEqual(['churned_customers']);
  });
});

describe('requests that are not questions about the data, by class', () => {
  it.each([
    '根据这些数据帮我生成下个月的补货单，直接推到ERP里',
    '把高风险客户导到CRM里',
    'Please load the at-risk list into Salesforce',
    '帮我调高一下华东的月费',
    'Please raise the price of the premium plan by 5%',
    '帮我做一份下周的采购单',
  ])('%s → declined', (question) => {
    expect(ask(question).kind).toBe('out_of_scope');
  });

  it('telco: changing a tariff is declined, the tariff question is answered', () => {
    expect(ask('請直接幫我把月租型方案的資費調漲5%', TELCO).kind).toBe('out_of_scope');
    expect(ask('月租型合约的流失率', TELCO).kind).toBe('query');
  });

  it.each(['员工离职率多少', 'What is the staff turnover rate in East China stores this year?'])(
    'staff topics are declined: %s',
    (question) => {
      expect(ask(question).kind).toBe('out_of_scope');
    },
  );

  it.each([
    ["What's our share of wallet with high-value customers?", 'share of wallet'],
    ['缺货断码导致的客户流失有多少', '缺货断码'],
    ['毛利率怎么样', '毛利率'],
    ['What was our market share in South China last quarter?', 'market share'],
  ])('%s → the absent concept named back, no metric answered', (question, word) => {
    const r = ask(question);
    expect(r.kind).toBe('clarify');
    expect(r.query).toBeNull();
    expect(r.reason).toContain(word);
  });

  it('negative: questions about a price change or contracts stay questions', () => {
    expect(ask('下个月合同到期的客户有多少').kind).not.toBe('out_of_scope');
    expect(ask('how did churn change after the price increase last quarter?').kind).not.toBe('out_of_scope');
  });
});

describe('on the generated demo: what the readings answer', () => {
  let demo: DemoRuntime;
  beforeAll(async () => {
    demo = await demoRuntime({ customers: 3000 });
  }, 600_000);
  afterAll(() => demo?.close());

  const profile = (question: string) => {
    const r = ask(question);
    expect(r.intent).toBe('customer_profile');
    return runAnalysis(demo.runtime, { intent: 'customer_profile', language: r.language, query: r.query! });
  };

  it('a known id answers that customer', async () => {
    const result = await profile('C0000888这个客户是啥子情况');
    expect(result.narrative).toContain('C0000888');
  }, 120_000);

  it('an unknown id says not found, never another customer', async () => {
    await expect(profile('C9999999这个客户最近咋样')).rejects.toThrow(/没有找到客户 C9999999/);
  }, 120_000);

  it('the list under a per-customer condition runs and every row meets it', async () => {
    const r = ask('哪些客户有超过72小时还没解决的工单');
    const run = await runQuery(demo.runtime, r.query!, { intent: 'breakdown', language: 'zh' });
    if (!run.ok) throw new Error('query failed');
    expect(run.presentation.rows.length).toBeGreaterThan(0);
    for (const row of run.presentation.rows) expect(Number(row.open_tickets_72h)).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
