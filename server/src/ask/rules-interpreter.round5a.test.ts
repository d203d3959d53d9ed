/**
 * Issue 13, round 5a: mechanisms meant for words nobody has written yet, tested on new sentences.
 * 1. Tolerant reading: an unknown word that only qualifies a word understood is answered around and named
 *    back (unknownTerms → the answer's headline); in a deciding slot (filter value, grouping) it still asks.
 * 2. Filler of every register dropped; regional Mandarin read as standard and named back.
 * 3. Vocabulary by register in the model YAML (synonyms, calendar), numbers with lakh/crore/千 multipliers.
 * 4. Normalisation: full-width text, shorthand for comparisons (WoW, month-on-month), fortnights.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { correctQuestion, describeCorrections } from './text/correct-question.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const SEPT = { start: '2026-09-01', end: '2026-10-01' };
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

describe('tolerant reading: an unknown word qualifying an understood word is answered and named', () => {
  it('a class noun after a stored value (已挽回“阶段”) qualifies the value', () => {
    const r = ask('目前处于“已挽回”阶段的客户有多少？');
    expect(r.kind).toBe('query');
    expect(r.query?.filters).toEqual([{ member: 'lifecycle_stage', op: 'in', values: ['won_back'] }]);
    expect(r.unknownTerms).toContain('阶段');
  });

  it('a word before a dimension whose value the question names (核心品类是服饰) qualifies the dimension', () => {
    const r = ask('核心品类是服饰的客户上季度流失了多少人');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['churned_customers'], timeRange: Q3 });
    expect(r.query?.filters).toEqual([{ member: 'category', op: 'in', values: ['服饰'] }]);
    expect(r.unknownTerms).toEqual(['核心']);
    expect(r.assumptions.join(' ')).toContain('未识别“核心”');
  });

  it('lower-case English dictionary words in a filter frame are not place names (in terms of, for calendar year)', () => {
    const r = ask('What was the churn rate for calendar year 2025, to one decimal place?');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({
      metrics: ['churn_rate'],
      timeRange: { start: '2025-01-01', end: '2026-01-01' },
    });
    expect(r.unknownTerms).toContain('calendar');
    const units = ask('Kindly share the revenue figure for last quarter, in lakhs please.');
    expect(units.kind).toBe('query');
    expect(units.query).toMatchObject({ metrics: ['revenue'], timeRange: Q3 });
    expect(units.unknownTerms).toEqual(['lakhs']);
  });

  it('a currency asked for is a display unit, never a filter (telco "in USD")', () => {
    const r = ask("For the telco book, what's total revenue in USD?", TELCO);
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['total_revenue']);
    expect(r.unknownTerms).toContain('USD');
  });

  it('still asks back for an unknown word where a filter value stands, even next to a period', () => {
    for (const q of ['拉萨的流失率', '上个月拉萨的流失率']) {
      const r = ask(q);
      expect(r.kind).toBe('clarify');
      expect(r.reason).toContain('数据里没有找到“拉萨”');
    }
    expect(ask('churn rate in Lhasa').kind).toBe('clarify');
    // a word describing the people counted decides the answer
    expect(ask('sticky customers churn rate last quarter').kind).toBe('clarify');
  });

  it('asks back for an unknown grouping after 不同/各/which, in both languages', () => {
    const zh = ask('各业务员的流失率');
    expect(zh.kind).toBe('clarify');
    expect(zh.reason).toContain('数据里没有“业务员”这个分组');
    const en = ask('which salesperson has the most churn');
    expect(en.kind).toBe('clarify');
    expect(en.reason).toContain('no grouping "salesperson"');
    expect(ask('不同 supplier 对客户流失有没有影响？').kind).toBe('clarify');
    // a predicate about the values named is no grouping
    expect(ask('线上商城和门店的流失率，哪个更严重？').kind).toBe('query');
    // a grouping the data has is not affected
    expect(ask('各地区流失率').query?.dimensions).toEqual(['region']);
  });
});

describe('a named date the calendar lacks is in the period slot', () => {
  it('会员日那天 / 店庆期间 ask back instead of answering the default quarter with the name dropped', () => {
    const r = ask('上次会员日那天的订单量是多少');
    expect(r.kind).toBe('clarify');
    expect(r.reason).toBe('业务日历里没有“会员日”这个日期，无法确定时间范围。可以给出具体日期，或去掉它。');
    expect(ask('店庆期间的收入').reason).toContain('“店庆”');
    // the calendar's own dates are unaffected
    expect(ask('国庆期间的订单').query?.timeRange).toEqual({ start: '2025-10-01', end: '2025-10-08' });
  });
});

describe('an unknown word in the metric slot is named in the clarify', () => {
  it('转化率 / bounce rate: the data has no such metric, the headline metrics are offered', () => {
    const zh = ask('上个月的转化率');
    expect(zh.kind).toBe('clarify');
    expect(zh.reason).toBe('数据里没有“转化率”这个指标。可以从这些指标开始：');
    expect(zh.options?.length).toBeGreaterThan(0);
    const en = ask("What's the bounce rate last month?");
    expect(en.reason).toBe('The data has no metric called "bounce rate". You could start from one of these:');
    // a question naming no metric at all keeps its own wording
    expect(ask('上个月的').reason).toBe('没有说明要看哪个指标，可以从这些开始：');
  });
});

describe('a stop word is never split by a cue read inside it', () => {
  it('分别是: 分 is not a grouping cue there, so nothing is left unread', () => {
    const r = ask('上季度各品类的营收分别是多少？');
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['revenue'], dimensions: ['category'], timeRange: Q3 });
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('filler of every register is dropped, nothing else', () => {
  it.each([
    '老铁们，上个月流失率咋样哈',
    '亲～上个月流失率多少呀😂！！',
    'Kindly share the churn rate for last month, do the needful lah',
    'Hey mate, churn rate for last month please, cheers',
    '家人们谁懂啊，上个月流失率多少',
    'lemme know the churn rate last month thx lol',
  ])('%s → last month’s churn rate, no word left unread', (q) => {
    const r = ask(q);
    expect(r.kind).toBe('query');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], timeRange: SEPT });
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('regional Mandarin read as standard, named back', () => {
  it('Northeastern 哪嘎达 and Sichuan 啥子地方 ask for the regions', () => {
    const ne = ask('哪嘎达的客户流失得最狠？');
    expect(ne.query).toMatchObject({ metrics: ['churn_rate'], dimensions: ['region'] });
    expect(ne.assumptions.join(' ')).toContain('方言按普通话理解（哪嘎达→哪些地区）');
    expect(ask('啥子地方的客户流失率最高嘛').query?.dimensions).toEqual(['region']);
  });

  it('Cantonese 邊度 (where) asks for the regions; 客訴 stays whole after 嘅', () => {
    expect(ask('邊度嘅客戶流失最多？').query?.dimensions).toEqual(['region']);
    const r = ask('東北區上季度嘅客訴率');
    expect(r.query).toMatchObject({ metrics: ['complaint_rate'], timeRange: Q3 });
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['东北'] }]);
  });

  it('咋这么高 / 怎么那么高 ask why (the reasons), the reading named', () => {
    const r = ask('上个月流失率咋这么高');
    expect(r.intent).toBe('reasons');
    expect(r.query).toMatchObject({ metrics: ['churn_rate'], timeRange: SEPT });
    expect(r.assumptions.join(' ')).toContain('方言按普通话理解（咋→怎么）');
    expect(ask('华东流失率怎么那么高').intent).toBe('reasons');
  });

  it('names the reading in English too', () => {
    const { corrections } = correctQuestion('啥辰光流失最多', RETAIL);
    expect(describeCorrections(corrections, 'en')).toBe(
      'Regional wording read as standard Mandarin (啥辰光→什么时候)',
    );
  });
});

describe('vocabulary by register, from the model YAML', () => {
  it.each([
    ['今年到现在一共挣了多少钱？', 'revenue'],
    ['上个月复购的客户有几个？', 'repeat_buyers'],
    ['老铁们上个月复购咋样', 'repeat_purchase_rate'],
    ['平均一单多少钱？', 'avg_order_value'],
    ['上个月新增了多少会员？', 'new_customers'],
    ['What was our logo churn last quarter?', 'churn_rate'],
    ['How many lost logos last quarter?', 'churned_customers'],
    ['上季度要跑的客户有多少', 'at_risk_customers'],
  ])('%s → %s', (q, metric) => {
    const r = ask(q);
    expect(r.kind === 'query' || r.kind === 'analysis').toBe(true);
    expect(r.query?.metrics).toEqual([metric]);
  });

  it('telco everyday words: 跑了多少人 with a payment method', () => {
    const r = ask('电信那边用电子支票的跑了多少人', TELCO);
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'payment_method', op: 'in', values: ['Electronic check'] }]);
  });

  it('holiday spellings from the calendar: 國慶黃金週, 双十二大促, CNY', () => {
    const golden = ask('去年國慶黃金週嘅訂單量');
    expect(golden.kind).toBe('query');
    expect(golden.query?.timeRange).toEqual({ start: '2025-10-01', end: '2025-10-08' });
    expect(golden.unknownTerms).toEqual([]);
    expect(ask('双十二大促的订单量').query?.timeRange).toEqual({ start: '2025-12-10', end: '2025-12-13' });
    expect(ask('How did Double 12 go in terms of order count?').query).toMatchObject({
      metrics: ['orders'],
      timeRange: { start: '2025-12-10', end: '2025-12-13' },
    });
    expect(ask('CNY 期间的收入').query?.timeRange).toEqual({ start: '2026-02-15', end: '2026-02-24' });
  });

  it('finance actions are declined, not answered', () => {
    expect(ask('Please approve the Q4 retention budget of 2 crore.').kind).toBe('out_of_scope');
    expect(ask('Can you reconcile this revenue against the ledger and post the adjustments?').kind).toBe(
      'out_of_scope',
    );
    expect(ask('帮我审批一下挽留预算').kind).toBe('out_of_scope');
  });
});

describe('numbers and normalisation', () => {
  it('lakh, crore and 千 are multipliers in a per-customer condition', () => {
    const lakh = ask('how many customers spent over 1 lakh');
    expect(lakh.query?.filters).toEqual([{ member: 'spend_12m', op: 'gt', values: [100_000] }]);
    const qian = ask('消费超过2千的客户有多少');
    expect(qian.query?.filters).toEqual([{ member: 'spend_12m', op: 'gt', values: [2_000] }]);
  });

  it('full-width digits and letters read as half-width', () => {
    expect(ask('２０２５年Ｑ３的流失率').query?.timeRange).toEqual({
      start: '2025-07-01',
      end: '2025-10-01',
    });
  });

  it('comparison shorthand of every register: WoW, month-on-month', () => {
    const wow = ask('WoW orders last month');
    expect(wow.query).toMatchObject({ metrics: ['orders'], timeRange: SEPT, compare: 'previous_period' });
    expect(wow.assumptions.join(' ')).toContain('Read "WoW" as "week over week"');
    expect(ask('Month-on-month revenue last quarter').query?.compare).toBe('previous_period');
  });

  it('a fortnight is two whole weeks before the as-of week', () => {
    expect(ask('churn rate last fortnight').query?.timeRange).toEqual({
      start: '2026-09-14',
      end: '2026-09-28',
    });
  });
});
