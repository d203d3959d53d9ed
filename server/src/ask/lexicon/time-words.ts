import type { TimeGrain } from '../../../../semantic-layer/src/query.ts';

/** Language vocabulary for time (CONVENTIONS.md "Time"): named periods, grains, months, events, ranges. */

export type NamedPeriod =
  | 'last_quarter'
  | 'this_quarter'
  | 'last_month'
  | 'this_month'
  | 'this_year'
  | 'last_year'
  | 'year_before_last'
  | 'first_half'
  | 'second_half'
  | 'last_week'
  | 'this_week'
  | 'trailing_year'
  | 'month_before_last'
  | 'quarter_before_last'
  | 'next_quarter'
  | 'next_month'
  | 'yesterday';

/** Fixed phrases naming a period relative to the as-of date. */
export const NAMED_PERIODS: Record<NamedPeriod, string[]> = {
  month_before_last: ['上上个月', '上上月', '前个月', 'the month before last', 'last to last month'],
  quarter_before_last: ['上上个季度', '上上季度', 'the quarter before last', 'last to last quarter'],
  // the period after the data's date: empty for data questions (said), the horizon of a forecast
  next_quarter: [
    '下个季度',
    '下季度',
    '下一季度',
    '下一个季度',
    '下季',
    'next quarter',
    'coming quarter',
    'upcoming quarter',
  ],
  next_month: ['下个月', '下月', '下一个月', 'next month', 'coming month'],
  // the last day of data before the as-of date (Cantonese 琴日/寻日 are read as 昨天)
  yesterday: ['昨天', '昨日', 'yesterday'],
  last_quarter: [
    '上个季度',
    '上季度',
    '上一季度',
    '上一个季度',
    '上一季',
    '上季',
    'last quarter',
    'previous quarter',
    'prior quarter',
  ],
  this_quarter: [
    '本季度',
    '这个季度',
    '这季度',
    '当季',
    '本季',
    'this quarter',
    'current quarter',
    'qtd',
    'quarter to date',
  ],
  last_month: [
    '上个月',
    '上月',
    '上一个月',
    '上一月',
    '上个月份',
    'last month',
    'previous month',
    'prior month',
    'last mth',
    'prev month',
  ],
  this_month: [
    '本月',
    '这个月',
    '当月',
    '这月',
    '今个月',
    '呢个月',
    'this month',
    'current month',
    'mtd',
    'month to date',
  ],
  this_year: [
    '今年',
    '本年',
    '今年以来',
    '今年到现在',
    '今年至今',
    '年初至今',
    '今年迄今',
    '年初迄今',
    '年初到现在',
    'this year',
    'current year',
    'ytd',
    'year to date',
    'year till date',
    'this year till date',
  ],
  last_year: [
    '去年',
    '上一年',
    '上年',
    '旧年',
    '上一年度',
    '上个年度',
    'last year',
    'previous year',
    'prior year',
  ],
  year_before_last: ['前年', 'the year before last', 'last to last year'],
  first_half: ['上半年', 'h1', 'first half'],
  second_half: ['下半年', 'h2', 'second half'],
  last_week: [
    '上周',
    '上个星期',
    '上星期',
    '上个礼拜',
    '上礼拜',
    '上个周',
    'last week',
    'previous week',
    'last wk',
  ],
  this_week: [
    '本周',
    '这周',
    '这个星期',
    '这个礼拜',
    '今个礼拜',
    '呢个礼拜',
    'this week',
    'current week',
    'wtd',
  ],
  trailing_year: [
    '近一年',
    '最近一年',
    '过去一年',
    '近1年',
    '过去12个月',
    'past year',
    'the past year',
    'last 12 months',
    'past 12 months',
    'trailing 12 months',
    // "over the last year" is the rolling year; "last year" alone is the calendar year
    'over the last year',
    'in the last year',
    'within the last year',
    'during the last year',
    'over the past year',
    'last twelve months',
    'past twelve months',
  ],
};

/** A grain's unit words, for the generated forms "每季/各季度/逐月", "each quarter/for every month". */
const GRAIN_UNITS: Record<TimeGrain, { zh: string[]; en: string[] }> = {
  day: { zh: ['天', '日'], en: ['day'] },
  week: { zh: ['周', '星期', '礼拜'], en: ['week'] },
  month: { zh: ['月', '月份'], en: ['month'] },
  quarter: { zh: ['季', '季度'], en: ['quarter'] },
  year: { zh: ['年', '年度'], en: ['year'] },
};
const GRAIN_LEADS_ZH = ['每', '每个', '每一个', '各', '各个', '逐', '分', '按'];
const GRAIN_LEADS_EN = ['each', 'every', 'for each', 'for every', 'in each', 'in every', 'per', 'by'];
/** "每季", "各个季度", "each quarter", "for every month": a lead word of distribution before a unit. */
const generatedGrains = (grain: TimeGrain): string[] => [
  ...GRAIN_LEADS_ZH.flatMap((lead) =>
    GRAIN_UNITS[grain].zh
      // "每个季" and "各个年" are not said; "个" goes before the longer unit words only; "各月" is left to
      // the typo reading of "上各月" (上个月), so 各 takes the longer unit words only (各月份, 各季度)
      .filter((unit) => !(lead.endsWith('个') && unit.length === 1 && unit !== '月'))
      .filter((unit) => !(lead === '各' && unit.length === 1))
      .map((unit) => `${lead}${unit}`),
  ),
  ...GRAIN_LEADS_EN.flatMap((lead) => GRAIN_UNITS[grain].en.map((unit) => `${lead} ${unit}`)),
];

/** Words that set a grain (and so a trend). */
const LISTED_GRAIN_WORDS: Record<TimeGrain, string[]> = {
  day: [
    '按天',
    '每天',
    '每日',
    '逐日',
    '日度',
    '按日',
    'daily',
    'by day',
    'per day',
    'day by day',
    'day wise',
  ],
  week: [
    '按周',
    '每周',
    '逐周',
    '周度',
    '按星期',
    'weekly',
    'by week',
    'per week',
    'week by week',
    'week wise',
  ],
  month: [
    '按月',
    '按月份',
    '每月',
    '每个月',
    '逐月',
    '月度',
    '分月',
    '按月度',
    'monthly',
    'by month',
    'per month',
    'month by month',
    'month wise',
  ],
  quarter: [
    '按季度',
    '按季',
    '每季度',
    '每个季度',
    '逐季',
    '分季度',
    '季度趋势',
    '季度走势',
    'quarterly',
    'by quarter',
    'per quarter',
    'quarter wise',
  ],
  year: [
    '按年',
    '每年',
    '逐年',
    '分年',
    '年度趋势',
    '按年度',
    'yearly',
    'annually',
    'by year',
    'per year',
    'year by year',
    'year wise',
  ],
};

export const GRAIN_WORDS: Record<TimeGrain, string[]> = Object.fromEntries(
  (Object.entries(LISTED_GRAIN_WORDS) as [TimeGrain, string[]][]).map(([grain, words]) => [
    grain,
    [...new Set([...words, ...generatedGrains(grain)])],
  ]),
) as Record<TimeGrain, string[]>;

/** Words asking for a trend without naming a grain (→ month). */
export const TREND_WORDS = [
  '趋势',
  '走势',
  '变化趋势',
  '趋势图',
  '走向',
  'trend',
  'trends',
  'over time',
  'trend line',
  'trended',
  'trending',
  'evolution',
];

/** English month names (full); abbreviations only count next to a year. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/** After a calendar event's name: its day ("双11当天", "618那天"), or its window ("双11期间", "618大促"). */
/**
 * An aside after an event's name keeping it to its day, a year between them: "Singles Day last year (only
 * that day)", "双11（只看当天）".
 */
export const EVENT_DAY_ASIDE =
  /^\s*(?:(\d{4}|last year|this year|去年|今年|前年)\s*)?[(（]\s*(?:only\s+(?:that|the)\s+day|(?:that|the)\s+day\s+only|just\s+(?:that|the)\s+day|只(?:看|算|要)?(?:当天|那天|当日))\s*[)）]/;
export const EVENT_DAY_WORDS = ['当天', '那天', '当日', '那一天', '这天', '这一天', 'day', 'itself'];
/** Words dating a period from an event ("提速降费以后", "改版之后"): the event must be a date the calendar has. */
export const EVENT_SINCE_WORDS = ['以后', '之后'];
export const EVENT_WINDOW_WORDS = [
  '期间',
  '档期',
  '大促期间',
  '大促',
  '活动期间',
  '活动',
  '促销期间',
  '促销',
  '假期',
  '长假',
  '前后',
  // "国庆那个礼拜", "过年那几天", "双11那阵子": the event's window said as "that week / those days"
  '那个礼拜',
  '那个星期',
  '那一周',
  '那周',
  '那几天',
  '那段时间',
  '那阵子',
  '那阵',
  '那个期间',
  '那段期间',
  '那几天期间',
  'period',
  'sale',
  'sales period',
  'weekend',
  'week',
  'holiday',
];

/** Words that join two periods into one range ("7月到9月", "from July to September"). */
export const RANGE_JOINERS = ['到', '至', '~', '-', 'to', 'through', 'until', 'till', 'and'];

/** Rolling-window prefixes (近/past …) and their units. */
export const ROLLING_PREFIX_ZH = ['近', '最近', '过去', '前', '近期', '最近的'];
export const ROLLING_PREFIX_EN = ['past', 'last', 'previous', 'trailing', 'the past', 'the last', 'recent'];
export const ROLLING_UNITS: Record<'day' | 'week' | 'month' | 'quarter' | 'year', string[]> = {
  day: ['天', '日', 'day', 'days'],
  week: ['周', '个星期', '星期', '个礼拜', 'week', 'weeks'],
  month: ['个月', '月', 'month', 'months'],
  quarter: ['个季度', '季度', 'quarter', 'quarters'],
  year: ['年', 'year', 'years'],
};

/**
 * The asker's own story before a period ("I just joined the team last week", "我上周刚入职"): that period
 * dates the asker, not the data. "since I joined in March" is kept (since makes it the range asked).
 */
export const ASKER_BACKGROUND_BEFORE_TIME =
  /(?<!\bsince\s)\bi(?:'ve| have)?\s+(?:only\s+|just\s+|recently\s+)?(?:joined|started|moved|transferred|arrived|was hired|got hired)\b(?:(?!\b(?:and|but|so|then)\b)[^.!?;,—])*$/i;
/** In Chinese the story follows the period: 我 + period + (刚)入职. */
export const ASKER_BACKGROUND_ZH = {
  before: /(?<!自从|从)我\s*$/,
  after: /^\s*(?:刚|才)?(?:入职|加入|来公司|到岗|转岗)/,
};
