/**
 * Issue 13, round 7a: question shapes, routing and conversation as classes (batch 7's weakest categories),
 * tested on sentences of our own beside the batch's.
 * 1. Grain words in every lead form (每季, 各个季度, each quarter, for every month) → a trend by that grain,
 *    kept by a follow-up that narrows the filter; a listing verb with a grain is a count per period.
 * 2. Analyses by shape: win-back timing (多久会回来), cohorts (不同月份注册的留存), decomposition (bridge,
 *    what moved, 拆解), actions (唤醒, what should they do), reasons named inside a dimension ("why customers left").
 * 3. Lists: a level of risk with a list word is the at-risk list; "the IDs of" is the list's own column.
 * 4. Requests to act are declined by the verb of action, questions about the same things are not.
 * 5. No ask-back where an answer was expected: an analysis never asks about a grouping word, the model's
 *    own business words (电信业务, telco side) are understood, a leaving verb makes a shared value the reason.
 * 6. Conversation: "of those / 其中" are follow-ups, "during the quarter" is the period spoken of.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import type { Interpretation } from './interpretation.ts';
import { askShape } from './rules/ask-shape.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const TELCO = modelCatalog('telco');
const AS_OF = '2026-10-01';
const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const Y2025 = { start: '2025-01-01', end: '2026-01-01' };
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });

/** The last interpretation of a conversation. */
function converse(turns: string[], catalog = RETAIL): Interpretation {
  let previous: ReturnType<typeof nextConversationState> | undefined;
  let last: Interpretation | undefined;
  for (const question of turns) {
    const r = interpretWithRules({ question, catalog, asOf: AS_OF, previous });
    previous = nextConversationState(previous, r, r.defaultedRange);
    last = r;
  }
  return last!;
}

describe('grain words in every lead form', () => {
  it.each([
    ['2025年每季的流失率', 'quarter'],
    ['2025年各个季度的营收', 'quarter'],
    ['2025年每季嘅流失率', 'quarter'],
    ['churn rate for each quarter of 2025', 'quarter'],
    ['revenue for every month of 2025', 'month'],
    ['2025年各月份的新客数', 'month'],
  ])('%s → trend by %s over 2025', (question, grain) => {
    const r = ask(question);
    expect(r.intent).toBe('trend');
    expect(r.query?.time?.grain).toBe(grain);
    expect(r.query?.timeRange).toEqual(Y2025);
  });

  it('"trended" asks for a trend', () => {
    expect(ask('How has customer satisfaction trended?').query?.time?.grain).toBe('month');
  });

  it('a follow-up that narrows the filter keeps the trend, its grain and range', () => {
    for (const followUp of ['淨係睇華東嘅呢', '只看华东的呢', 'what about East China only']) {
      const r = converse(['2025年每季嘅流失率', followUp]);
      expect(r.intent).toBe('trend');
      expect(r.query?.time?.grain).toBe('quarter');
      expect(r.query?.timeRange).toEqual(Y2025);
      expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    }
  });

  it('a listing verb with a grain is a count per period, not a customer list', () => {
    for (const q of ['list churned customers for each quarter of 2025', '列一下2025年每个季度的流失客户']) {
      const r = ask(q);
      expect(r.intent).toBe('trend');
      expect(r.query?.metrics).toEqual(['churned_customers']);
      expect(r.query?.dimensions ?? []).toEqual([]);
    }
  });
});

describe('analyses by the shape of the ask', () => {
  it.each([
    '一般客户流失以后多久会回来',
    '流失的客户通常多长时间会回流',
    '客户走了以后一般多久会再买',
    'how long does it take for churned customers to come back',
  ])('%s → win-back timing', (q) => {
    expect(ask(q).intent).toBe('winback_timing');
    expect(ask(q).unknownTerms).toEqual([]);
  });

  it('buying again with no leaving is not win-back timing', () => {
    expect(askShape('客户一般多久会复购')?.shape).not.toBe('winback_timing');
  });

  it.each([
    '老板想了解一下不同月份注册的客户留存情况',
    '按注册月份看留存',
    'retention by signup month please',
  ])('%s → cohorts, the cohort words understood', (q) => {
    const r = ask(q);
    expect(r.kind).toBe('analysis');
    expect(r.intent).toBe('cohorts');
  });

  it('去年同期 is never a cohort', () => {
    expect(askShape('流失率和去年同期比')?.shape).not.toBe('cohorts');
  });

  it.each([
    ['build me a bridge - what moved churn from Q2 to Q3?', Q3],
    ['walk me from Q2 to Q3 churn', Q3],
    ['what moved revenue from Q2 to Q3', Q3],
  ])('%s → decomposition of the later period', (q, range) => {
    const r = ask(q);
    expect(r.intent).toBe('decomposition');
    expect(r.query?.timeRange).toEqual(range);
    expect(r.query?.compare).toBe('previous_period');
  });

  it('a decomposition with mix/rate words and 各个群体 answers instead of asking about a grouping', () => {
    const r = ask('为什么三季度的流失率比二季度高了，拆解一下是 mix effect 还是各个群体自己的流失率变了');
    expect(r.kind).toBe('analysis');
    expect(r.intent).toBe('decomposition');
    expect(r.unknownTerms).not.toContain('mix');
  });

  it.each([
    '流失的老客怎么激活',
    '流失的会员怎么唤醒',
    'so-what for the client - what should they do to cut churn',
    'what should the business do to keep high value customers',
  ])('%s → actions', (q) => {
    expect(ask(q).intent).toBe('actions');
  });

  it('a leaving verb after a shared value makes it the churn reason (an action, not an ask-back)', () => {
    const r = ask('价格原因走掉的那些客户 怎么挽回比较好');
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toEqual([{ member: 'churn_reason', op: 'in', values: ['price'] }]);
    expect(r.unknownTerms).toEqual([]);
  });

  it.each(['MECE split of why customers left in q3', 'why customers left in q3'])(
    '%s → reasons (the why-word names the reason dimension)',
    (q) => {
      const r = ask(q);
      expect(r.intent).toBe('reasons');
      expect(r.query?.timeRange).toEqual(Q3);
    },
  );
});

describe('lists', () => {
  it.each([
    ['给我列一下高风险的宽带用户名单', TELCO],
    ['哪些B2B大客户现在有churn风险', RETAIL],
    ['风险最高的客户名单拉一下', RETAIL],
  ])('%s → the at-risk list', (q, catalog) => {
    expect(ask(q, catalog).intent).toBe('risk_list');
  });

  it('a count of high-risk customers stays a count', () => {
    expect(ask('高风险的客户有多少个').intent).not.toBe('risk_list');
  });

  it('"the IDs of the customers who churned" is the churned list, the id its own column', () => {
    const r = ask('List the IDs of the customers who churned in September 2026.');
    expect(r.kind).toBe('query');
    expect(r.query?.dimensions?.[0]).toBe('customer_id');
    expect(r.query?.filters).toContainEqual({ member: 'churned_customers', op: 'gte', values: [1] });
    expect(r.unknownTerms).toEqual([]);
  });

  it('an at-risk list with a clause about who will call them is answered', () => {
    const r = ask('帮我列一下现在有流失风险的高价值客户，附上风险原因，我让客户经理一个个打电话');
    expect(r.kind).toBe('analysis');
    expect(r.intent).toBe('risk_list');
  });
});

describe('requests to act are declined by the verb of action', () => {
  it.each([
    ['直接帮我推到企微群里吧'],
    ['把结果转发到钉钉群里'],
    ['呢啲數字可唔可以直接放入業績公告？'],
    ['这个流失率能不能直接用在财报里'],
    ['好 给这批人每人发张20块的券'],
    ['please give everyone who churned last month a 10% coupon'],
    ['post the churn numbers to the WeCom group'],
    ['Who approved the last change to the churn rate definition, and when?'],
    ['流失率的口径是谁改的'],
    ['can u dump the full customer feature table to parquet'],
    ['把上个月的流失客户名单导成Excel发到我邮箱'],
    ['幫我刪走啲測試客戶資料'],
    ['帮我订一个明天下午的会议室'],
  ])('%s → out of scope', (q) => {
    expect(ask(q).kind).toBe('out_of_scope');
  });

  it.each([
    '上个月给流失客户发了多少优惠券',
    'what share of churned customers came from the app channel',
    '按客群看流失率',
    '今年短信触达花了多少钱',
  ])('%s → still answered', (q) => {
    expect(ask(q).kind).not.toBe('out_of_scope');
  });

  it('a follow-up asking to push the list is declined and keeps the conversation', () => {
    const r = converse(['哪些老客快要跑了 给我拉个名单', '直接帮我推到企微群里吧']);
    expect(r.kind).toBe('out_of_scope');
  });
});

describe('no ask-back where an answer was expected', () => {
  it.each(['请问电信业务的客户流失率是多少', 'telco side - churn rate', 'churn rate in the telco dataset'])(
    '%s → the telco churn rate',
    (q) => {
      const r = ask(q, TELCO);
      expect(r.kind).toBe('query');
      expect(r.query?.metrics).toEqual(['churn_rate']);
      expect(r.unknownTerms).toEqual([]);
    },
  );

  it('drivers with a second clause about "which features" answers the drivers', () => {
    const r = ask('top drivers of churn? which features matter most');
    expect(r.kind).toBe('analysis');
    expect(r.intent).toBe('drivers');
  });

  it('a plain breakdown still asks about an unknown grouping word', () => {
    expect(ask('各个供应商的流失率').kind).toBe('clarify');
  });
});

describe('conversation', () => {
  it('"of those … during the quarter" is a follow-up on the previous range, nothing unknown', () => {
    const r = converse([
      'How many customers were active at the start of Q3 2026?',
      'And of those, how many churned during the quarter?',
    ]);
    expect(r.query?.metrics).toEqual(['churned_customers']);
    expect(r.query?.timeRange).toEqual(Q3);
    expect(r.unknownTerms).toEqual([]);
  });

  it('其中 narrows the previous question', () => {
    const r = converse(['上季度流失率', '其中华东呢']);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.timeRange).toEqual(Q3);
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
  });

  it('换成 another value of the same dimension replaces the filter, keeping the metric', () => {
    const r = converse(['用电子支票付款的用户 流失率', '换成信用卡自动扣款的呢'], TELCO);
    expect(r.query?.metrics).toEqual(['churn_rate']);
    expect(r.query?.filters).toEqual([
      { member: 'payment_method', op: 'in', values: ['Credit card (automatic)'] },
    ]);
  });
});
