/**
 * Issue 13 round 5b: the headline of a comparison of a yes-no trait names both groups with their
 * dimension ("用券客户：否"), never a bare true/false; a list of customers says how many are listed,
 * never a top and a bottom customer.
 */
import { describe, expect, it } from 'vitest';
import { modelCatalog, withBooleanValues } from '../../test/ask/model-catalogs.ts';
import { narrativeFor } from './narrative.ts';
import type { PresentationInput } from './presentation-input.ts';
import { presentedMembers } from './presented-members.ts';

const RETAIL = modelCatalog('retail');
const Q3 = { start: '2026-07-01', end: '2026-10-01' };

function input(
  lang: 'zh' | 'en',
  intent: PresentationInput['intent'],
  dims: string[],
  metric: string,
  rows: Record<string, unknown>[],
): PresentationInput {
  // a boolean read from the data has its stored values as labels ("true"): presentation says 是/否
  const catalog = withBooleanValues(RETAIL, 'coupon_user');
  return {
    language: lang,
    intent,
    columns: [
      ...dims.map((d) => ({ name: d, kind: 'dimension' as const, member: d })),
      { name: metric, kind: 'metric', member: metric },
    ],
    rows,
    members: presentedMembers(catalog),
    timeRange: Q3,
  };
}

describe('both sides of a yes-no trait in the headline', () => {
  const rows = [
    { coupon_user: 'false', churn_rate: 0.22963 },
    { coupon_user: 'true', churn_rate: 0.110886 },
  ];
  it('zh: the dimension and 是/否, with the difference', () => {
    expect(narrativeFor(input('zh', 'comparison', ['coupon_user'], 'churn_rate', rows))).toBe(
      '2026年Q3 用券客户：否的流失率（23.0%）比用券客户：是（11.1%）高 11.9 个百分点。',
    );
  });
  it('en: the dimension and Yes/No, with the difference', () => {
    expect(narrativeFor(input('en', 'comparison', ['coupon_user'], 'churn_rate', rows))).toBe(
      'Churn rate for Coupon user: No (23.0%) was 11.9 pp higher than for Coupon user: Yes (11.1%) in 2026 Q3.',
    );
  });
});

describe('a list of customers is not a ranking', () => {
  it('says how many customers are listed', () => {
    const rows = [
      { customer_id: 'C0000739', churned_customers: 1 },
      { customer_id: 'C0002097', churned_customers: 1 },
      { customer_id: 'C0000042', churned_customers: 1 },
    ];
    const zh = narrativeFor(input('zh', 'breakdown', ['customer_id'], 'churned_customers', rows));
    expect(zh).toBe('2026年Q3 共 3 位客户（流失客户数），名单见下表。');
    expect(zh).not.toContain('最高');
    expect(narrativeFor(input('en', 'breakdown', ['customer_id'], 'churned_customers', rows))).toBe(
      '3 customers in 2026 Q3 (churned customers), listed below.',
    );
  });
});
