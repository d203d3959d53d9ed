/**
 * Durations written after a number in a condition on a customer attribute of days ("半年没来买",
 * "三个月没下单", "haven't ordered since 3 months"): the number of days each unit stands for. A month is
 * counted as 30 days and a year as 365 (the reading is said back with the days it gives).
 */
export const DURATION_DAYS: Record<string, number> = {
  天: 1,
  日: 1,
  days: 1,
  day: 1,
  周: 7,
  星期: 7,
  个星期: 7,
  礼拜: 7,
  个礼拜: 7,
  weeks: 7,
  week: 7,
  个月: 30,
  月: 30,
  months: 30,
  month: 30,
  年: 365,
  years: 365,
  year: 365,
};

/** Half a unit written as one word ("半年", "half a year"). */
export const HALF_DURATIONS: Record<string, number> = {
  半年: 180,
  半个月: 15,
  'half a year': 180,
  'half year': 180,
  'six months': 180,
};

/** Words that leave the number of days open ("很久没来", "a long time"): asked back, never guessed. */
export const VAGUE_DURATIONS = [
  '很久',
  '好久',
  '很长时间',
  '好长时间',
  '挺久',
  '一段时间',
  '有段时间',
  'a long time',
  'a while',
  'ages',
  'long time',
];

/** Words between a negated attribute and its duration ("since 3 months", "in the last 60 days", "for over"). */
export const DURATION_LEAD_INS = [
  'in the last',
  'in the past',
  'over the last',
  'over the past',
  'for the last',
  'for the past',
  'within',
  'since',
  'for',
  'in',
  '已经',
  '已',
  '有',
  '超',
];

/** Thresholds offered when a duration is vague (days): each a reading of the question to pick. */
export const VAGUE_DURATION_OFFERS = [30, 60, 90];
