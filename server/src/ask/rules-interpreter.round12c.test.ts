/**
 * Issue 13, round 12c: answers that looked right and ignored part of the question, tested on sentences of our
 * own (not the batches'). 1. "what should we be doing to …" asks for actions; 2. a follow-up's bare "by
 * category" groups by the previous subject's own kind; 3. "哪一个…最高" is singular (no limit).
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog } from '../../test/ask/model-catalogs.ts';
import { nextConversationState } from './conversation.ts';
import { interpretWithRules } from './rules-interpreter.ts';

const RETAIL = modelCatalog('retail');
const AS_OF = '2026-10-01';
const ask = (question: string, catalog = RETAIL) => interpretWithRules({ question, catalog, asOf: AS_OF });
const askAfter = (first: string, question: string) =>
  interpretWithRules({
    question,
    catalog: RETAIL,
    asOf: AS_OF,
    previous: nextConversationState(undefined, ask(first)),
  });

describe('confidently wrong readings', () => {
  it('a progressive "what should we be doing" asks for actions, with its scope kept', () => {
    const r = ask('What should I be doing about churned customers in East China?');
    expect(r.intent).toBe('actions');
    expect(r.query?.filters).toEqual([{ member: 'region', op: 'in', values: ['华东'] }]);
    const s = ask('Churned high-value customers: what could we be doing to bring them back?');
    expect(s.intent).toBe('actions');
    expect(s.query?.filters).toEqual([{ member: 'value_tier', op: 'in', values: ['high'] }]);
  });

  it('a bare "by category" after a tickets question groups by the ticket category', () => {
    const first = 'how many support tickets did we get in August?';
    expect(ask(first).query?.metrics).toEqual(['tickets']);
    const r = askAfter(first, 'ok, and by category?');
    expect(r.query?.metrics).toEqual(['tickets']);
    expect(r.query?.dimensions).toEqual(['ticket_category']);
    expect(r.query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-09-01' });
    expect(askAfter(first, 'and by product category?').query?.dimensions).toEqual(['category']);
  });

  it('a bare "by category" after an orders question stays the product category', () => {
    expect(askAfter('orders in August', 'by category please').query?.dimensions).toEqual(['category']);
  });

  it('哪一个…最高 ranks all (singular), 哪两个 keeps its number', () => {
    const r = ask('哪一个城市的客单价最高');
    expect(r.query?.order).toEqual([{ member: 'avg_order_value', dir: 'desc' }]);
    expect(r.query?.limit).toBeUndefined();
    expect(ask('哪一個品類的訂單最多').query?.limit).toBeUndefined();
    expect(ask('哪三个城市营收最高').query?.limit).toBe(3);
  });
});

describe('the polite newcomer', () => {
  it("background, hedges and contractions around an ask are filler; I'd is never the word id", () => {
    const r = ask(
      "My lead mentioned AOV is a KPI here, I'm not sure I have the right term. What was it in August?",
    );
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['avg_order_value']);
    expect(r.query?.timeRange).toEqual({ start: '2026-08-01', end: '2026-09-01' });
    expect(r.unknownTerms).toEqual([]);
    const s = ask("I'd love to know how much revenue we made in July, if possible — just out of curiosity.");
    expect(s.query?.metrics).toEqual(['revenue']);
    expect(s.query?.timeRange).toEqual({ start: '2026-07-01', end: '2026-08-01' });
    expect(s.unknownTerms).toEqual([]);
  });

  it("a condition beside the filler is still read (I'd like … big spenders)", () => {
    const r = ask("I'd like the revenue of big spenders in July");
    expect(r.query?.filters).toEqual([{ member: 'value_tier', op: 'in', values: ['high'] }]);
    expect(r.unknownTerms).toEqual([]);
  });
});

describe("the asker's own period", () => {
  it("a period in the asker's story is not the data's; the asked period is used", () => {
    const r = ask('I only started on the team in August, and my boss wants to know our revenue in July.');
    expect(r.query?.timeRange).toEqual({ start: '2026-07-01', end: '2026-08-01' });
    const s = ask('我上个月刚入职，想知道今年到现在流失了多少客户');
    expect(s.query?.timeRange).toEqual({ start: '2026-01-01', end: '2026-10-01' });
  });

  it('a lone period in a story is still read, and a period that is asked is never dropped', () => {
    expect(ask('I was hired in June. Revenue?').query?.timeRange).toEqual({
      start: '2026-06-01',
      end: '2026-07-01',
    });
    const r = ask('Revenue in May and in August');
    expect(r.query?.timeRange?.start).toBe('2026-05-01');
  });
});

describe('time and analysis phrasing', () => {
  it('"over the last year" is the rolling year; "last year" alone the calendar year', () => {
    expect(ask('how did orders move over the past year, by month').query?.timeRange).toEqual({
      start: '2025-10-01',
      end: '2026-10-01',
    });
    expect(ask('churned customers in the last year').query?.timeRange).toEqual({
      start: '2025-10-01',
      end: '2026-10-01',
    });
    expect(ask('churned customers last year').query?.timeRange).toEqual({
      start: '2025-01-01',
      end: '2026-01-01',
    });
  });

  it("an event's window said as 那个期间 / 那段期间 is the event's window", () => {
    const r = ask('618那段期间订单多少');
    expect(r.kind).toBe('query');
    expect(r.query?.timeRange).toEqual({ start: '2026-06-01', end: '2026-06-19' });
    expect(r.unknownTerms).toEqual([]);
  });

  it('feature importance asks for the drivers', () => {
    const r = ask('churn feature importance by value tier');
    expect(r.intent).toBe('drivers');
    expect(ask('流失的特征重要性').intent).toBe('drivers');
  });
});

describe('a polite request to act', () => {
  it('可以帮我…吗 is a request to act, declined; a question about the data stays answered', () => {
    expect(ask('能不能帮我给流失客户发个优惠券').kind).toBe('out_of_scope');
    expect(ask('可以帮我发条简讯给高价值客户吗？').kind).toBe('out_of_scope');
    const r = ask('可以帮我看看流失客户有多少吗');
    expect(r.kind).toBe('query');
    expect(r.query?.metrics).toEqual(['churned_customers']);
  });

  it('把这批用户转成… is a change of their records', () => {
    expect(ask('帮我把这批沉睡会员转成普通会员').kind).toBe('out_of_scope');
  });
});

describe('a message about one customer', () => {
  it('a question referring back to the customer the context names by id is their profile', () => {
    const r = ask(
      'Customer C0001234 emailed us twice this week about a late parcel. Before I reply, could you tell me about her — her orders and any open tickets?',
    );
    expect(r.intent).toBe('customer_profile');
    expect(r.query?.filters).toEqual([{ member: 'customer_id', op: 'eq', values: ['C0001234'] }]);
  });

  it('a data question beside a customer mention stays the data question', () => {
    const r = ask(
      'Customer C0001234 complained again this week. Separately, could you share the churn rate for East China last quarter? Thanks a lot, regards',
    );
    expect(r.intent).toBe('metric');
    expect(r.query?.metrics).toEqual(['churn_rate']);
  });
});
