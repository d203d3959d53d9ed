/**
 * Issue 13, round 12a: classes of batches 10 and 11, tested on sentences of our own.
 * 1. Formal written Chinese (书面语): Chinese numerals, 年度 periods, 之, 几何, 较…之增减.
 * 2. Cantonese vocabulary read as Mandarin, named back.
 * 3. Time: two years measured against each other, a year to date against the year before.
 * 4. Confidently wrong: a quoted question in a message, "only 1 and 2" as one group, a refinement after a clarify.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';
import { parseChineseNumber } from './text/numerals.ts';
import { readChineseNumerals } from './text/written-register.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const ask = (question: string) => interpretWithRules({ question, catalog: RETAIL, asOf: AS_OF });
const askTelco = (question: string) => interpretWithRules({ question, catalog: TELCO, asOf: AS_OF });
const YEAR_2025 = { start: '2025-01-01', end: '2026-01-01' };
const YTD = { start: '2026-01-01', end: '2026-10-01' };

describe('Chinese numerals', () => {
  it('parses numbers with unit characters, spoken abbreviations included', () => {
    expect(parseChineseNumber('一万五千')).toBe(15000);
    expect(parseChineseNumber('一万五')).toBe(15000);
    expect(parseChineseNumber('三千五')).toBe(3500);
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('九十')).toBe(90);
    expect(parseChineseNumber('二三')).toBeUndefined();
  });

  it('rewrites years, percentages and numbers, never idioms or known words', () => {
    const none = () => false;
    expect(readChineseNumerals('二零二四年度，近六十日，百分之十二，千万别，十分满意', none)).toBe(
      '2024年度，近60日，12%，千万别，十分满意',
    );
    expect(readChineseNumerals('双十一期间', (from) => from === 1)).toBe('双十一期间');
  });

  it("numerals inside the calendar's names stay as written", () => {
    expect(ask('十一黄金周的订单数').query?.timeRange).toEqual({ start: '2025-10-01', end: '2025-10-08' });
  });

  it('a year written digit by digit is the year, with 年度 and a quarter', () => {
    expect(ask('二〇二五年度各月之新客户数').query?.timeRange).toEqual(YEAR_2025);
    expect(ask('二零二五年第四季度之订单数').query?.timeRange).toEqual({
      start: '2025-10-01',
      end: '2026-01-01',
    });
  });

  it('a spend written in Chinese numerals is the exact threshold', () => {
    const r = ask('近十二个月消费超过一万二千元的客户数');
    expect(r.query?.filters).toEqual([{ member: 'spend_12m', op: 'gt', values: [12000] }]);
  });
});

describe('formal written Chinese', () => {
  it('之 reads as 的, 几何 as 多少', () => {
    const r = ask('上季度各城市之客单价几何');
    expect(r.intent).toBe('breakdown');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
    expect(r.query?.dimensions).toEqual(['city']);
    expect(r.unknownTerms).toEqual([]);
  });

  it('本年度迄今 and 截至目前 are the year to date; 上年度 is last year', () => {
    expect(ask('本年度迄今之订单数').query?.timeRange).toEqual(YTD);
    expect(ask('截至目前新客户之数量').query?.timeRange).toEqual(YTD);
    expect(ask('上年度之复购率').query?.timeRange).toEqual(YEAR_2025);
  });

  it('较上年同期之增减 compares with the same period last year', () => {
    const r = ask('烦请告知本年度迄今订单数较上年同期之增减');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.timeRange).toEqual(YTD);
    expect(r.query?.compare).toBe('same_period_last_year');
    expect(r.unknownTerms).toEqual([]);
  });

  it('为何 asks which after things and why after 原因/成因; 本公司 and letter formulas are no filter', () => {
    const which = ask('请问上月订单数最多之两个大区为何');
    expect(which.intent).toBe('breakdown');
    expect(which.query?.limit).toBe(2);
    expect(ask('请问上季度复购率下降之成因为何').intent).toBe('decomposition');
    const letter = ask('兹就本公司华东大区之复购率请予说明');
    expect(letter.query?.metrics).toEqual(['repeat_purchase_rate']);
    expect(letter.unknownTerms).toEqual([]);
  });

  it('a homophone correction never cuts a piece of a model word (各渠道 stays, never 各区)', () => {
    const r = ask('请问上季度各渠道之获客数量');
    expect(r.intent).toBe('clarify');
    expect(r.options?.map((o) => o.label)).toContain('获客渠道');
    expect(r.assumptions.join()).not.toContain('各区');
  });

  it('营业收入 is the revenue metric on both models', () => {
    expect(ask('上季度营业收入').query?.metrics).toEqual(['revenue']);
    expect(askTelco('营业收入是多少').query?.metrics).toEqual(['total_revenue']);
  });
});

describe('Cantonese read as Mandarin', () => {
  it('几耐先搞掂 asks the resolution time', () => {
    const r = ask('深圳啲投诉要几耐先搞掂？');
    expect(r.query?.metrics).toEqual(['avg_resolution_hours']);
    expect(r.assumptions.join()).toContain('搞掂→解决');
  });

  it('翻单率 is the repeat purchase rate (a model synonym)', () => {
    expect(ask('上季度华东嘅翻单率系几多').query?.metrics).toEqual(['repeat_purchase_rate']);
  });

  it('俾…抢咗 is lost to: the churned count for that reason', () => {
    const r = ask('今年俾竞争对手抢咗几多客？');
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.filters).toEqual([{ member: 'churn_reason', op: 'in', values: ['competitor'] }]);
  });

  it('旧年 + an event + 嗰个礼拜 is the event window last year', () => {
    const r = ask('旧年双11嗰个礼拜有几多单');
    expect(r.query?.metrics).toEqual(['orders']);
    expect(r.query?.timeRange).toEqual({ start: '2025-11-01', end: '2025-11-12' });
  });

  it('边类货 is the category, 最唔易走 the lowest churn rate', () => {
    const r = ask('華東邊類貨嘅客最唔易走？');
    expect(r.query?.dimensions).toEqual(['category']);
    expect(r.query?.order).toEqual([{ member: 'churn_rate', dir: 'asc' }]);
  });

  it('点样先可以留返 asks what to do', () => {
    expect(ask('点样先可以留返啲新客？').intent).toBe('actions');
  });

  it('张单 is an order, 新开会员 new customers', () => {
    expect(ask('上个月每张单平均几多钱').query?.metrics).toEqual(['avg_order_value']);
    expect(ask('上季度新开咗几多个会员').query?.metrics).toEqual(['new_customers']);
  });
});

describe('two periods set against each other', () => {
  it('the later year against the earlier compares with the same period last year', () => {
    for (const q of ['orders 2025 vs 2024', '2025年比2024年的订单数']) {
      const r = ask(q);
      expect(r.query?.timeRange).toEqual(YEAR_2025);
      expect(r.query?.compare).toBe('same_period_last_year');
    }
  });

  it('listed or side by side, both years by year', () => {
    for (const q of ['2024年和2025年的订单数', 'orders 2025 vs 2024 side by side']) {
      const r = ask(q);
      expect(r.query?.timeRange).toEqual({ start: '2024-01-01', end: '2026-01-01' });
      expect(r.query?.time?.grain).toBe('year');
    }
  });

  it('this year (to date) against last year is like for like', () => {
    const r = ask('今年的订单数跟去年比');
    expect(r.query?.timeRange).toEqual(YTD);
    expect(r.query?.compare).toBe('same_period_last_year');
  });
});

describe('confidently wrong, by class', () => {
  it('a quoted question in a message is context; the request after it is the question', () => {
    const r = ask('总监原话：“客单价怎么掉了？”\n你先帮我拉一下上个月的客单价');
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
  });

  it('a comparing clause after the question refines it', () => {
    const r = askTelco('光纤用户的流失率高不高？跟其他上网方式比');
    expect(r.query?.dimensions).toEqual(['internet_service']);
  });

  it('"only gave 1 and 2" is one group of people, and no satisfaction metric', () => {
    for (const q of [
      '满意度只给了1分和2分的用户，流失率多少',
      'churn rate of customers who only rated 1 and 2',
    ]) {
      const r = askTelco(q);
      expect(r.query?.metrics).toEqual(['churn_rate']);
      expect(r.query?.dimensions).toEqual([]);
      expect(r.query?.filters).toEqual([{ member: 'satisfaction_score', op: 'in', values: ['1', '2'] }]);
    }
  });

  it('n is the number of', () => {
    const r = ask('n at-risk customers right now');
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['at_risk_customers']);
  });

  it('a refinement after a clarified list continues the list', () => {
    const first = ask('which customers at risk should CS call about the XYZ promo? list pls');
    expect(first.kind).toBe('clarify');
    const next = interpretWithRules({
      question: 'only the high value ones',
      catalog: RETAIL,
      asOf: AS_OF,
      previous: nextConversationState(undefined, first),
    });
    expect(next.intent).toBe('risk_list');
    expect(next.query?.filters).toEqual([{ member: 'value_tier', op: 'in', values: ['high'] }]);
  });
});

describe('time and figures, by class', () => {
  it('a running total asked as one figure is the total over the range; by month it stays a running total', () => {
    expect(ask('截至8月底今年的累计营收').query?.metrics).toEqual(['revenue']);
    expect(ask('今年按月的累计营收').query?.metrics).toEqual(['cumulative_revenue']);
  });

  it('a people count listed beside another figure is asked too, never taken as its population', () => {
    expect(askTelco('total customers and churned customers').query?.metrics).toEqual([
      'customers',
      'churned_customers',
    ]);
    expect(askTelco('churn rate for customers and revenue').query?.metrics).toEqual([
      'churn_rate',
      'total_revenue',
    ]);
  });

  it('abbreviated months set against another month are months', () => {
    const r = ask('orders: Jul vs Jun');
    expect(r.query?.timeRange).toEqual({ start: '2026-07-01', end: '2026-08-01' });
    expect(r.query?.compare).toBe('previous_period');
    expect(ask('revenue aug-sep').query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-10-01' });
  });

  it('the first months of a year are those months, never the whole year', () => {
    for (const q of ['去年头两个月的订单数', 'orders in the first two months of 2025'])
      expect(ask(q).query?.timeRange).toEqual({ start: '2025-01-01', end: '2025-03-01' });
    expect(ask('今年前两个季度的营收').query?.timeRange).toEqual({ start: '2026-01-01', end: '2026-07-01' });
  });

  it('since a month is from that month to the data date', () => {
    for (const q of ['8月以来的订单数', '自八月至今之订单数', 'orders since August'])
      expect(ask(q).query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-10-01' });
  });

  it('hyphenated period words are period words', () => {
    expect(ask('year-to-date orders').query?.timeRange).toEqual(YTD);
  });

  it('after a question about an event, a year alone is the same event in that year', () => {
    const first = ask('去年618期间的订单数');
    const next = interpretWithRules({
      question: '那前年那次呢',
      catalog: RETAIL,
      asOf: AS_OF,
      previous: nextConversationState(undefined, first),
    });
    expect(next.query?.timeRange).toEqual({ start: '2024-06-01', end: '2024-06-19' });
  });
});

describe('people counted and then leaving', () => {
  it('counts the people who left, in every register, with the filters', () => {
    for (const q of [
      '华东有多少女性会员流失了',
      '上个月有几个高价值客户跑了',
      '華東有幾多高價值客走咗',
      'how many high value customers left last month',
    ]) {
      const r = ask(q);
      expect(r.query?.metrics).toEqual(['churned_customers']);
    }
  });

  it('keeps another figure asked beside it', () => {
    expect(ask('有多少会员流失了，带走了多少收入').query?.metrics).toEqual([
      'churned_customers',
      'lost_revenue',
    ]);
  });

  it('顾客 is a word for customers', () => {
    expect(ask('华南有多少顾客').query?.metrics).toEqual(['customers']);
  });
});

describe('more written and spoken periods', () => {
  it('截至 a month end of a named year, written in Chinese numerals', () => {
    expect(ask('截至二〇二五年六月底之订单数').query?.timeRange).toEqual({
      start: '2025-01-01',
      end: '2025-07-01',
    });
  });

  it('逾 is "over"; 昨天 and Cantonese 琴日 are the last day', () => {
    expect(ask('消费逾三千元之客户数').query?.filters).toEqual([
      { member: 'spend_12m', op: 'gt', values: [3000] },
    ]);
    for (const q of ['昨天的订单数', '琴日有几多张单'])
      expect(ask(q).query?.timeRange).toEqual({ start: '2026-09-30', end: '2026-10-01' });
  });

  it('哪个的 is never a dimension head', () => {
    const r = ask('深圳同广州边个嘅复购率高啲');
    expect(r.query?.dimensions).toEqual(['city']);
  });
});

describe('words that must still ask back or be accounted for', () => {
  it('an unknown means of paying before the people asks back, in Cantonese too', () => {
    for (const q of ['用支付宝花呗付款的客户流失率', '用八達通俾錢嘅客流失率係幾多？'])
      expect(ask(q).intent).toBe('clarify');
  });

  it('各期 is each period, never a dimension head; new customers are the cohorts', () => {
    const r = ask('请问各期新客户之留存情况（同期群分析）');
    expect(r.intent).toBe('cohorts');
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('orders said as 单', () => {
  it('Cantonese 嘅单 is orders; 订单平均多少钱 is the average order value', () => {
    expect(ask('上个礼拜边度嘅单最多').query?.metrics).toEqual(['orders']);
    expect(ask('深圳的订单平均多少钱').query?.metrics).toEqual(['avg_order_value']);
  });
});

describe('traditional characters and letter wording', () => {
  it('only traditional characters are converted (新增 is never the Taiwan phrase 添加)', () => {
    const r = ask('請問上季度新增會員數');
    expect(r.query?.metrics).toEqual(['new_customers']);
    expect(r.unknownTerms).toEqual([]);
  });

  it("the Taiwan phrase table's word stands when the model knows it", () => {
    const r = askTelco('沒裝寬頻的用戶解約率');
    expect(r.query?.filters).toEqual([{ member: 'internet_service', op: 'in', values: ['No'] }]);
  });

  it('截至目前 after a period only says "so far"; 请说明 and 按降序排列 are understood', () => {
    expect(ask('本月截至目前之订单数').query?.timeRange).toEqual({ start: '2026-10-01', end: '2026-10-01' });
    const r = ask('烦请说明上季度各城市之复购率，并按降序排列');
    expect(r.query?.order).toEqual([{ member: 'repeat_purchase_rate', dir: 'desc' }]);
    expect(r.unknownTerms).toEqual([]);
  });
});

describe('which groups, not which people', () => {
  it('哪些 + a group noun ranks the groups; 哪些客户 stays the at-risk list', () => {
    for (const q of ['哪些城市的会员最容易流失', '华东同华南边度啲客最易走']) {
      const r = ask(q);
      expect(r.intent).not.toBe('risk_list');
      expect(r.query?.order).toEqual([{ member: 'churn_rate', dir: 'desc' }]);
    }
    expect(ask('哪些会员最容易流失').intent).toBe('risk_list');
  });
});
