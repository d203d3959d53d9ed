/**
 * Words comparing a metric with a number ("客单价超过200元", "churn rate above 30%"): the filter
 * operator they ask for. Matched on folded text, right after the metric's words.
 */
export const THRESHOLD_WORDS: Record<'gt' | 'gte' | 'lt' | 'lte' | 'eq', string[]> = {
  gte: ['不低于', '不少于', '至少', '大于等于', '>=', 'at least', 'no less than'],
  lte: ['不超过', '不高于', '不多于', '至多', '小于等于', '<=', 'at most', 'no more than'],
  gt: [
    '不止',
    '超过',
    '高于',
    '大于',
    '多于',
    '>',
    'more than',
    'over',
    'above',
    'greater than',
    'higher than',
    'exceeding',
    'exceeded',
    'exceeds',
    'in excess of',
  ],
  lt: [
    '低于',
    '小于',
    '少于',
    '不到',
    '不足',
    '<',
    'less than',
    'below',
    'under',
    'lower than',
    'fewer than',
  ],
  eq: ['为', '等于', '是', '=', 'equal to', 'equals', 'of exactly'],
};

/** Words that may stand between the metric and the comparison ("流失率在…以上", "AOV is above"). */
export const THRESHOLD_LEAD_INS = ['的', '在', '是', 'is', 'are', 'was', 'were', 'of'];

/** Units after the number: a percentage, a multiplier, or a plain unit that changes nothing. */
export const THRESHOLD_UNITS: Record<string, { percent?: boolean; times?: number }> = {
  '%': { percent: true },
  '％': { percent: true },
  个百分点: { percent: true },
  percent: { percent: true },
  // multipliers of every register: 万/千/亿, k/m, Indian English lakh (10^5) and crore (10^7)
  百万: { times: 1_000_000 },
  千万: { times: 10_000_000 },
  亿: { times: 100_000_000 },
  万: { times: 10_000 },
  千: { times: 1_000 },
  k: { times: 1_000 },
  m: { times: 1_000_000 },
  mn: { times: 1_000_000 },
  million: { times: 1_000_000 },
  thousand: { times: 1_000 },
  lakh: { times: 100_000 },
  lakhs: { times: 100_000 },
  lac: { times: 100_000 },
  lacs: { times: 100_000 },
  crore: { times: 10_000_000 },
  crores: { times: 10_000_000 },
  cr: { times: 10_000_000 },
  rmb: {},
  cny: {},
  人民币: {},
  元: {},
  美元: {},
  美金: {},
  dollars: {},
  usd: {},
  块: {},
  块钱: {},
  人: {},
  个: {},
  次: {},
  张: {},
  笔: {},
  件: {},
  小时: {},
  天: {},
  分: {},
  hours: {},
  days: {},
  yuan: {},
};

/** Words after the number that turn "200元以上" into ≥ and "200元以下" into ≤. */
export const THRESHOLD_SUFFIXES: Record<string, 'gte' | 'lte' | 'gt' | 'lt'> = {
  以上: 'gte',
  及以上: 'gte',
  以下: 'lte',
  及以下: 'lte',
  'or more': 'gte',
  'or less': 'lte',
  'and above': 'gte',
  'and below': 'lte',
  '+': 'gte',
};
