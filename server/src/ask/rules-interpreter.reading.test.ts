import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { metric } from '../../test/ask/fixtures/fixture-builders.ts';
import { RETAIL_CATALOG } from '../../test/ask/fixtures/retail-catalog.ts';
import { TELCO_CATALOG } from '../../test/ask/fixtures/telco-catalog.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

/** How the words of a question are read together: metrics, yes-no values, conditions, follow-ups. */
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (question: string, catalog: Catalog = RETAIL_CATALOG) =>
  interpretWithRules({ question, catalog, asOf: AS_OF });
const askAfter = (first: string, question: string, catalog: Catalog = RETAIL_CATALOG) => {
  const r = ask(first, catalog);
  const previous = nextConversationState(undefined, r, r.defaultedRange);
  return interpretWithRules({ question, catalog, asOf: AS_OF, previous });
};
const inF = (member: string, ...values: string[]) => ({ member, op: 'in' as const, values });

/** The retail fixture plus a cohort-retention and a period-over-period metric. */
const WITH_DERIVED: Catalog = {
  ...RETAIL_CATALOG,
  metrics: [
    ...RETAIL_CATALOG.metrics,
    metric('churn_rate_change', ['流失率环比变化', 'Churn rate change'], [[], []], {
      type: 'period_over_period',
      format: 'percent',
      requiresPeriod: true,
      dimensions: [],
    }),
    metric('cohort_retention', ['同期群留存', 'Cohort retention'], [['留存曲线'], ['retention curve']], {
      type: 'cohort_retention',
      format: 'percent',
      dimensions: [],
    }),
  ],
};

describe('metric words read together', () => {
  it('reads words naming one metric in pieces as that metric ("因为客户流失损失了多少收入" → lost revenue)', () => {
    expect(ask('上季度因为客户流失损失了多少收入').query?.metrics).toEqual(['lost_revenue']);
  });

  it('keeps metrics listed with 和/and apart', () => {
    expect(ask('上季度流失率和收入').query?.metrics).toEqual(['churn_rate', 'revenue']);
  });

  it('reads a count of people next to another metric as a segment ("revenue from won-back customers")', () => {
    const q = ask('Revenue from won-back customers last quarter').query;
    expect([q?.metrics, q?.filters]).toEqual([['revenue'], [inF('lifecycle_stage', 'won_back')]]);
  });

  it('reads a change metric with 环比/QoQ as its base metric compared with the previous period', () => {
    const zh = ask('上个季度流失率环比变化多少', WITH_DERIVED).query;
    expect([zh?.metrics, zh?.compare, zh?.timeRange]).toEqual([['churn_rate'], 'previous_period', Q3]);
    expect(ask('上个季度流失率环比变化', RETAIL_CATALOG).query?.compare).toBe('previous_period');
  });

  it('answers a cohort-retention metric with the cohort analysis, alone', () => {
    const r = ask('看一下各月新客的留存曲线', WITH_DERIVED);
    expect([r.kind, r.intent, r.query?.metrics]).toEqual(['analysis', 'cohorts', ['cohort_retention']]);
  });

  it('reads a value shared by several dimensions after 因为 as the one named like the metric', () => {
    expect(ask('上季度因为价格流失的客户有多少').query?.filters).toEqual([inF('churn_reason', 'price')]);
    // without a word of cause the question stays ambiguous
    expect(ask('服务问题的流失率').kind).toBe('clarify');
  });

  it('counts people by a named grouping ("customers by internet service")', () => {
    const q = ask('customers by internet service', TELCO_CATALOG).query;
    expect([q?.metrics, q?.dimensions]).toEqual([['customers'], ['internet_service']]);
  });
});

describe('yes-no dimensions', () => {
  it('reads a yes-no dimension named as a kind of customer as its yes value', () => {
    const q = ask('Senior citizen 的平均月费', TELCO_CATALOG).query;
    expect([q?.dimensions, q?.filters]).toEqual([[], [inF('senior_citizen', 'true')]]);
    expect(ask('按老年人标识看流失率', TELCO_CATALOG).query?.dimensions).toEqual(['senior_citizen']);
  });

  it('reads 没有/without and 有/with before the dimension as its no and yes values', () => {
    expect(ask('没有 tech support 的用户流失率', TELCO_CATALOG).query?.filters).toEqual([
      inF('tech_support', 'No'),
    ]);
    expect(ask('churn rate with online security', TELCO_CATALOG).query?.filters).toEqual([
      inF('online_security', 'Yes'),
    ]);
  });

  it('compares the two values for "with and without"', () => {
    const r = ask('Compare churn for customers with and without tech support', TELCO_CATALOG);
    expect([r.intent, r.query?.dimensions, r.query?.filters]).toEqual([
      'comparison',
      ['tech_support'],
      [inF('tech_support', 'Yes', 'No')],
    ]);
  });

  it('reads 是否/有无 before a dimension as the dimension itself', () => {
    const q = ask('按是否无纸化账单看流失率', TELCO_CATALOG).query;
    expect([q?.dimensions, q?.filters]).toEqual([['paperless_billing'], []]);
  });
});

describe('conditions on metric values', () => {
  it('filters on a metric value written after the metric ("客单价超过200元")', () => {
    const q = ask('客单价超过200元的城市有哪些').query;
    expect([q?.dimensions, q?.filters]).toEqual([
      ['city'],
      [{ member: 'avg_order_value', op: 'gt', values: [200] }],
    ]);
  });

  it('reads a percentage of a rate as a share, and 以上 as at least', () => {
    expect(ask('流失率在20%以上的城市').query?.filters).toEqual([
      { member: 'churn_rate', op: 'gte', values: [0.2] },
    ]);
    expect(ask('churn rate below 10% by region').query?.filters).toEqual([
      { member: 'churn_rate', op: 'lt', values: [0.1] },
    ]);
  });

  it('does not read a period or a value band as a condition', () => {
    expect(ask('revenue over the last 3 months').query?.filters).toEqual([]);
    expect(ask('churn rate among customers under 25').query?.filters).toEqual([inF('age_band', '<25')]);
  });
});

describe('ranking, totals and periods', () => {
  it('takes the number of "the 5 cities" and "which 3 regions" as a limit in a ranking question', () => {
    expect(ask('the 5 cities with the lowest AOV this year').query).toMatchObject({
      order: [{ member: 'avg_order_value', dir: 'asc' }],
      limit: 5,
    });
    expect(ask('Which 3 regions lost the most customers last quarter?').query).toMatchObject({
      metrics: ['churned_customers'],
      dimensions: ['region'],
      limit: 3,
    });
  });

  it('sums values with 合计/combined instead of comparing them', () => {
    for (const question of ['数码和家电合计的收入', 'Combined revenue of Electronics and Appliances']) {
      const r = ask(question);
      expect([r.intent, r.query?.dimensions, r.query?.filters]).toEqual([
        'metric',
        [],
        [inF('category', '数码', '家电')],
      ]);
    }
  });

  it('explains the later period of "from Q2 to Q3" against the one before', () => {
    const r = ask('What changed in churn rate from Q2 to Q3?');
    expect([r.intent, r.query?.timeRange, r.query?.compare]).toEqual([
      'decomposition',
      Q3,
      'previous_period',
    ]);
  });
});

describe('follow-ups', () => {
  it('keeps the range and compares for "vs last year?", unlike "那去年同期呢"', () => {
    const vs = askAfter('AOV last month', 'vs last year?').query;
    expect([vs?.timeRange, vs?.compare]).toEqual([
      { start: '2026-09-01', end: '2026-10-01' },
      'same_period_last_year',
    ]);
    const same = askAfter('上个月的客单价', '那去年同期呢').query;
    expect([same?.timeRange, same?.compare]).toEqual([{ start: '2025-09-01', end: '2025-10-01' }, undefined]);
  });

  it('compares with the quarter before for "和前一个季度比呢?"', () => {
    const q = askAfter('上个季度流失率是多少?', '和前一个季度比呢?').query;
    expect([q?.timeRange, q?.compare]).toEqual([Q3, 'previous_period']);
  });

  it('reads "which is the worst?" through the previous metric (lower churn is better)', () => {
    const q = askAfter('churn rate by payment method', 'which is the worst?', TELCO_CATALOG).query;
    expect(q?.order).toEqual([{ member: 'churn_rate', dir: 'desc' }]);
    expect(q?.limit).toBeUndefined();
  });
});

describe('analysis cues', () => {
  it.each([
    ["who's about to churn?", 'risk_list'],
    ['high-value 客户里哪些有流失风险', 'risk_list'],
    ['any ideas to reduce churn?', 'actions'],
    ['有什么办法能降低流失率吗', 'actions'],
    ['怎么 win back 高价值客户', 'actions'],
    ['华南客户流失主要是啥问题', 'reasons'],
  ])('reads "%s" as %s', (question, intent) => {
    expect(ask(question).intent).toBe(intent);
  });
});
