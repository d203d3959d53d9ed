/**
 * Factors measured inside the outcome's own window (DOMAIN.md §5): they describe the slowdown that
 * precedes churn rather than a cause of it, so key drivers keep them out of the ranking of causes and
 * lists them apart with this caveat. Value tiers rank trailing-12-month spend, which already misses the
 * orders churners-to-be stop placing; an activity drop and a recent NPS detractor score are symptoms of
 * leaving; "used a discount in 12 months" follows how many orders a customer placed.
 */
export const LEADING_INDICATORS: Readonly<Record<string, { zh: string; en: string }>> = {
  value_tier: {
    zh: '按近 12 个月消费分层，已包含即将流失客户减少的消费',
    en: 'tiers rank trailing-12-month spend, which already misses the orders churners-to-be stop placing',
  },
  activity_drop: {
    zh: '活跃度下降本身就是流失的早期表现',
    en: 'an activity drop is the early part of churning itself',
  },
  nps_detractor: {
    zh: '打低分是不满的症状，不是可干预的原因',
    en: 'a low score is a symptom of dissatisfaction, not a cause to act on',
  },
  coupon_user: {
    zh: '「近 12 个月用过折扣」随订单数增加，流失前订单少的客户天然更少用券',
    en: '"any discount in 12 months" grows with order count, which churners-to-be lack',
  },
};

export const isLeadingIndicator = (dimension: string): boolean => dimension in LEADING_INDICATORS;
