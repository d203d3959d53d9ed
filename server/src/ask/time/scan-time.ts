import type { CatalogEvent } from '../../../../semantic-layer/src/catalog.ts';
import type { TimeGrain, TimeRange } from '../../../../semantic-layer/src/query.ts';
import {
  addDays,
  addMonths,
  isoDate,
  monthRange,
  monthStart,
  partsOf,
  quarterRange,
  quarterStart,
  weekStart,
  yearRange,
} from '../../calendar/calendar.ts';
import { COMPARE_WORDS } from '../lexicon/compare-words.ts';
import {
  GRAIN_WORDS,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  NAMED_PERIODS,
  type NamedPeriod,
  TREND_WORDS,
} from '../lexicon/time-words.ts';
import { findPhrases } from '../match/phrase-finder.ts';
import { NUMBER_PATTERN, parseNumber } from '../text/numerals.ts';
import { calendarTokens } from './calendar-events.ts';
import { bilingual, halfName, monthName, quarterName } from './period-labels.ts';

export type CompareMode = 'previous_period' | 'same_period_last_year';
type Text2 = { zh: string; en: string };

/** A time word found in the (width- and case-folded) question, with what it means. */
export interface TimeToken {
  start: number;
  end: number;
  text: string;
  kind: 'range' | 'grain' | 'compare' | 'trend';
  range?: TimeRange;
  grain?: TimeGrain;
  compare?: CompareMode;
  /** How the period was read when the words left a choice ("7月" → 2026年7月): stated as an assumption. */
  reading?: Text2;
  /** For "to date" periods that may be empty: the complete period to offer instead. */
  alternative?: { range: TimeRange; label: Text2 };
}

const Q = '([1-4一二三四])';
const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const REL_YEAR = '(今年|本年|去年|前年)';
const EN_MONTH = `(${MONTH_NAMES.join('|')})`;
const EN_MONTH_ANY = `(${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].join('|')})`;
const EN_MONTH_ANY_NC = `(?:${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS].join('|')})`;
/** What sets two months against each other or joins them into a range. */
const MONTH_JOINER = '(?:vs\\.?|versus|and|to|through|till|until|-|–|/)';

const relYearOffset = (w: string) => (w === '去年' || w === 'last' ? -1 : w === '前年' ? -2 : 0);
const enMonth = (w: string) => {
  const i = MONTH_NAMES.indexOf(w);
  return i >= 0 ? i + 1 : MONTH_ABBREVIATIONS.indexOf(w) + 1;
};

/** Builds the token for a quarter/month/half of a known year. */
function quarterToken(year: number, q: number, reading?: boolean): Partial<TimeToken> {
  return {
    range: quarterRange(year, q),
    reading: reading ? bilingual((l) => quarterName(year, q, l)) : undefined,
  };
}
function monthToken(year: number, m: number, reading?: boolean): Partial<TimeToken> | null {
  if (m < 1 || m > 12) return null;
  return {
    range: monthRange(year, m),
    reading: reading ? bilingual((l) => monthName(year, m, l)) : undefined,
  };
}
function halfToken(year: number, half: 1 | 2, reading?: boolean): Partial<TimeToken> {
  const start = isoDate(year, half === 1 ? 1 : 7);
  return {
    range: { start, end: addMonths(start, 6) },
    reading: reading ? bilingual((l) => halfName(year, half, l)) : undefined,
  };
}
const halfOf = (w: string): 1 | 2 => (w === '上半年' || w === 'h1' || w === 'first' ? 1 : 2);

type Rule = [RegExp, (m: RegExpExecArray, asOf: string) => Partial<TimeToken> | null];

/** Pattern rules for periods written with numbers; named periods come from the lexicon. */
function rules(): Rule[] {
  const n = (s: string) => parseNumber(s) ?? 0;
  const yearOf = (asOf: string) => partsOf(asOf).year;
  return [
    [
      new RegExp(`(\\d{4})\\s*年?\\s*(?:的\\s*)?(?:第\\s*)?${Q}\\s*(?:季度|季)`, 'g'),
      (m) => quarterToken(+m[1], n(m[2])),
    ],
    [/(\d{4})\s*年?\s*(?:的\s*)?q\s*([1-4])(?!\d)/g, (m) => quarterToken(+m[1], +m[2])],
    [/\bq([1-4])\s*(?:of\s+)?(\d{4})\b/g, (m) => quarterToken(+m[2], +m[1])],
    [
      new RegExp(`${REL_YEAR}\\s*(?:的\\s*)?(?:第\\s*)?${Q}\\s*(?:季度|季)`, 'g'),
      (m, a) => quarterToken(yearOf(a) + relYearOffset(m[1]), n(m[2]), true),
    ],
    [
      new RegExp(`${REL_YEAR}\\s*(?:的\\s*)?q\\s*([1-4])`, 'g'),
      (m, a) => quarterToken(yearOf(a) + relYearOffset(m[1]), +m[2], true),
    ],
    [
      /\bq([1-4])\s+(?:of\s+)?(this|last) year\b/g,
      (m, a) => quarterToken(yearOf(a) + relYearOffset(m[2]), +m[1], true),
    ],
    [
      /\b(this|last) year'?s\s+q([1-4])\b/g,
      (m, a) => quarterToken(yearOf(a) + relYearOffset(m[1]), +m[2], true),
    ],
    [
      new RegExp(`(?:第\\s*)?${Q}\\s*季度|第\\s*${Q}\\s*季`, 'g'),
      (m, a) => latestQuarter(n(m[1] ?? m[2]), a),
    ],
    [/\bq([1-4])\b/g, (m, a) => latestQuarter(+m[1], a)],
    [
      /\b(first|second|third|fourth) quarter\b/g,
      (m, a) => latestQuarter(['first', 'second', 'third', 'fourth'].indexOf(m[1]) + 1, a),
    ],
    // "今年前两个月", "去年头三个季度", "2025年前10个月": the first months or quarters of that year
    [
      new RegExp(
        `(?:(\\d{4})\\s*年|${REL_YEAR})\\s*(?:的\\s*)?(?:前|头)\\s*(${NUMBER_PATTERN})\\s*(个月|个季度|季度)`,
        'g',
      ),
      (m, a) => firstOfYear(m[1] ? +m[1] : yearOf(a) + relYearOffset(m[2]), n(m[3]), m[4]),
    ],
    [
      new RegExp(
        `\\b(?:the\\s+)?first\\s+(${NUMBER_PATTERN})\\s+(months|quarters)\\s+of\\s+(?:(this|last)\\s+year|(\\d{4}))\\b`,
        'g',
      ),
      (m, a) =>
        firstOfYear(
          m[4] ? +m[4] : yearOf(a) + relYearOffset(m[3]),
          n(m[1]),
          m[2] === 'quarters' ? '季' : '月',
        ),
    ],
    // "7月以来", "自七月至今", "since July": from that month's start to the data's date
    [
      new RegExp(`(?:自|从)?\\s*(?:今年\\s*)?${M}\\s*月份?(?:以来|至今)`, 'g'),
      (m, a) => sinceMonth(n(m[1]), a),
    ],
    [new RegExp(`\\bsince\\s+${EN_MONTH_ANY}\\b`, 'g'), (m, a) => sinceMonth(enMonth(m[1]), a)],
    [/(\d{4})\s*年?\s*(?:的\s*)?(上半年|下半年|h1|h2)/g, (m) => halfToken(+m[1], halfOf(m[2]))],
    [
      /(今年|去年|前年)\s*(?:的\s*)?(上半年|下半年)/g,
      (m, a) => halfToken(yearOf(a) + relYearOffset(m[1]), halfOf(m[2]), true),
    ],
    [/\b(h1|h2)\s*(?:of\s+)?(\d{4})\b/g, (m) => halfToken(+m[2], halfOf(m[1]))],
    [/\b(first|second) half of (\d{4})\b/g, (m) => halfToken(+m[2], halfOf(m[1]))],
    [
      /\b(first|second) half of (this|last) year\b/g,
      (m, a) => halfToken(yearOf(a) + relYearOffset(m[2]), halfOf(m[1]), true),
    ],
    [new RegExp(`(\\d{4})\\s*年\\s*${M}\\s*月份?`, 'g'), (m) => monthToken(+m[1], n(m[2]))],
    [/(?<!\d)(\d{4})[-/.](\d{1,2})(?![\d])/g, (m) => monthToken(+m[1], +m[2])],
    [new RegExp(`\\b${EN_MONTH_ANY}\\.?\\s*,?\\s*(\\d{4})\\b`, 'g'), (m) => monthToken(+m[2], enMonth(m[1]))],
    [new RegExp(`\\b(\\d{4})\\s+${EN_MONTH}\\b`, 'g'), (m) => monthToken(+m[1], enMonth(m[2]))],
    [
      new RegExp(`${REL_YEAR}\\s*(?:的\\s*)?${M}\\s*月份?`, 'g'),
      (m, a) => monthToken(yearOf(a) + relYearOffset(m[1]), n(m[2]), true),
    ],
    [
      new RegExp(`\\b${EN_MONTH}\\s+(?:of\\s+)?(this|last) year\\b`, 'g'),
      (m, a) => monthToken(yearOf(a) + relYearOffset(m[2]), enMonth(m[1]), true),
    ],
    [
      new RegExp(`\\b(this|last) year'?s\\s+${EN_MONTH}\\b`, 'g'),
      (m, a) => monthToken(yearOf(a) + relYearOffset(m[1]), enMonth(m[2]), true),
    ],
    [
      new RegExp(`(?<![\\d一二三四五六七八九十两个第])${M}\\s*月份?(?!份额|均|活)`, 'g'),
      (m, a) => latestMonth(n(m[1]), a),
    ],
    // "Sep vs Aug", "Jul-Sep", "aug and sept": abbreviations set against another month are months
    [
      new RegExp(`\\b${EN_MONTH_ANY}\\b(?=\\.?\\s*${MONTH_JOINER}\\s*${EN_MONTH_ANY_NC}\\b)`, 'g'),
      (m, a) => latestMonth(enMonth(m[1]), a),
    ],
    [
      new RegExp(`(?<=\\b${EN_MONTH_ANY_NC}\\.?\\s*${MONTH_JOINER}\\s*)${EN_MONTH_ANY}\\b`, 'g'),
      (m, a) => latestMonth(enMonth(m[1]), a),
    ],
    [
      new RegExp(`\\b(?:in\\s+)?${EN_MONTH}\\b`, 'g'),
      (m, a) => (m[1] === 'may' && !m[0].startsWith('in') ? null : latestMonth(enMonth(m[1]), a)),
    ],
    [
      // "截至9月底", "到9月末为止": cumulative from the start of that month's year to its end
      new RegExp(
        `(?:截至|截止到?|截止至|到)\\s*(?:今年\\s*|(\\d{4})\\s*年\\s*)?${M}\\s*月(?:底|末|份?结束)(?:为止)?`,
        'g',
      ),
      (m, a) => toMonthEnd(n(m[2]), a, m[1] ? +m[1] : undefined),
    ],
    [/(?<!\d)(\d{4})\s*年(?:度)?/g, (m) => ({ range: yearRange(+m[1]) })],
    [/\b(?:in\s+|fy\s*)?((?:19|20)\d{2})\b/g, (m) => ({ range: yearRange(+m[1]) })],
    [
      new RegExp(
        `(?:近|最近|过去|前|最近的)\\s*(${NUMBER_PATTERN})\\s*(个月|个季度|季度|个星期|星期|个礼拜|天|日|周|月|年)`,
        'g',
      ),
      (m, a) => rolling(n(m[1]), m[2], a),
    ],
    [/(?:近|最近|过去)\s*半年/g, (_m, a) => rolling(6, 'month', a)],
    [
      new RegExp(
        `\\b(?:the\\s+)?(?:past|last|previous|trailing|recent)\\s+(${NUMBER_PATTERN})\\s+(days?|weeks?|months?|quarters?|years?)\\b`,
        'g',
      ),
      (m, a) => rolling(n(m[1]), m[2], a),
    ],
    [new RegExp(`(${NUMBER_PATTERN})\\s*(个月|天|周)内`, 'g'), (m, a) => rolling(n(m[1]), m[2], a)],
    // British/Australian/Indian English: a fortnight is two weeks ("last fortnight", "past 3 fortnights")
    [
      new RegExp(
        `\\b(?:the\\s+)?(?:past|last|previous|trailing)\\s+(?:(${NUMBER_PATTERN})\\s+)?fortnights?\\b`,
        'g',
      ),
      (m, a) => rolling(2 * (m[1] ? n(m[1]) : 1), 'week', a),
    ],
  ];
}
const RULES = rules();

/** From the start of the latest month m to the data's date. */
function sinceMonth(m: number, asOf: string): Partial<TimeToken> | null {
  const month = latestMonth(m, asOf);
  if (!month?.range) return null;
  const year = partsOf(month.range.start).year;
  return {
    range: { start: month.range.start, end: asOf },
    reading: bilingual((l) => (l === 'zh' ? `${year}年${m}月至今` : `${monthName(year, m, 'en')} to date`)),
  };
}

/** The first `count` months or quarters of a year, said back. */
function firstOfYear(year: number, count: number, unit: string): Partial<TimeToken> | null {
  const months = unit.includes('季') ? 3 * count : count;
  if (count <= 0 || months > 12) return null;
  const start = isoDate(year, 1);
  return {
    range: { start, end: addMonths(start, months) },
    reading: bilingual((l) =>
      l === 'zh' ? `${year}年前${months}个月` : `the first ${months} months of ${year}`,
    ),
  };
}

function latestQuarter(q: number, asOf: string): Partial<TimeToken> {
  const year = partsOf(asOf).year;
  const y = quarterRange(year, q).end <= asOf ? year : year - 1;
  return quarterToken(y, q, true);
}

/** From January 1 to the end of the latest month m (cumulative to a month end). */
function toMonthEnd(m: number, asOf: string, named?: number): Partial<TimeToken> | null {
  const month = named ? monthToken(named, m) : latestMonth(m, asOf);
  if (!month?.range) return null;
  const year = partsOf(month.range.start).year;
  return {
    range: { start: isoDate(year, 1), end: month.range.end },
    reading: bilingual((l) =>
      l === 'zh' ? `${year}年1月至${m}月底` : `January to end of ${monthName(year, m, 'en')}`,
    ),
  };
}

function latestMonth(m: number, asOf: string): Partial<TimeToken> | null {
  const year = partsOf(asOf).year;
  return monthToken(isoDate(year, m) < asOf ? year : year - 1, m, true);
}

/** A window of whole units ending at the as-of date (days) or at the start of its unit. */
function rolling(count: number, unit: string, asOf: string): Partial<TimeToken> | null {
  if (count <= 0) return null;
  const u = unit.replace(/s$/, '');
  if (u === '天' || u === '日' || u === 'day') return { range: { start: addDays(asOf, -count), end: asOf } };
  if (/周|星期|礼拜|week/.test(u)) {
    const end = weekStart(asOf);
    return { range: { start: addDays(end, -7 * count), end } };
  }
  if (/季度|quarter/.test(u)) {
    const end = quarterStart(asOf);
    return { range: { start: addMonths(end, -3 * count), end } };
  }
  const months = /年|year/.test(u) ? 12 * count : count;
  const end = monthStart(asOf);
  return { range: { start: addMonths(end, -months), end } };
}

/** The range of a named period, and what to offer when a "to date" period is still empty. */
function namedPeriod(id: NamedPeriod, asOf: string): Partial<TimeToken> {
  const { year } = partsOf(asOf);
  const toDate = (start: string, alt: TimeRange, label: Text2) => ({
    range: { start, end: asOf },
    alternative: { range: alt, label },
  });
  switch (id) {
    case 'last_quarter':
      return { range: { start: addMonths(quarterStart(asOf), -3), end: quarterStart(asOf) } };
    case 'this_quarter':
      return toDate(
        quarterStart(asOf),
        { start: addMonths(quarterStart(asOf), -3), end: quarterStart(asOf) },
        { zh: '上个季度', en: 'last quarter' },
      );
    case 'last_month':
      return { range: { start: addMonths(monthStart(asOf), -1), end: monthStart(asOf) } };
    case 'this_month':
      return toDate(
        monthStart(asOf),
        { start: addMonths(monthStart(asOf), -1), end: monthStart(asOf) },
        { zh: '上个月', en: 'last month' },
      );
    case 'this_year':
      return toDate(isoDate(year, 1), yearRange(year - 1), { zh: '去年', en: 'last year' });
    case 'last_year':
      return { range: yearRange(year - 1) };
    case 'year_before_last':
      return { range: yearRange(year - 2) };
    case 'first_half':
      return halfToken(isoDate(year, 7) <= asOf ? year : year - 1, 1, true);
    case 'second_half':
      return halfToken(year - 1, 2, true);
    case 'last_week':
      return { range: { start: addDays(weekStart(asOf), -7), end: weekStart(asOf) } };
    case 'this_week':
      return toDate(
        weekStart(asOf),
        { start: addDays(weekStart(asOf), -7), end: weekStart(asOf) },
        { zh: '上周', en: 'last week' },
      );
    case 'month_before_last':
      return { range: { start: addMonths(monthStart(asOf), -2), end: addMonths(monthStart(asOf), -1) } };
    case 'quarter_before_last':
      return { range: { start: addMonths(quarterStart(asOf), -6), end: addMonths(quarterStart(asOf), -3) } };
    case 'trailing_year':
      return rolling(12, 'month', asOf) ?? {};
    case 'next_quarter': {
      const start = quarterStart(asOf) === asOf ? asOf : addMonths(quarterStart(asOf), 3);
      return { range: { start, end: addMonths(start, 3) } };
    }
    case 'yesterday':
      return { range: { start: addDays(asOf, -1), end: asOf } };
    case 'next_month': {
      const start = monthStart(asOf) === asOf ? asOf : addMonths(monthStart(asOf), 1);
      return { range: { start, end: addMonths(start, 1) } };
    }
  }
}

/**
 * Every time word in a width- and case-folded text (overlapping candidates included; the caller
 * keeps the longest). Spans index the folded text, which has the original's length.
 */
export function scanTimeTokens(text: string, asOf: string, events: CatalogEvent[] = []): TimeToken[] {
  // "year-to-date", "quarter-to-date": the hyphens are spaces (same length)
  const folded = text.replace(/\b(year|quarter|month|week)-to-date\b/g, '$1 to date');
  const tokens: TimeToken[] = [];
  const push = (
    start: number,
    end: number,
    t: Partial<TimeToken> | null,
    kind: TimeToken['kind'] = 'range',
  ) => {
    if (t) tokens.push({ start, end, text: folded.slice(start, end), kind, ...t });
  };
  for (const [re, make] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) push(m.index, m.index + m[0].length, make(m, asOf));
  }
  for (const t of calendarTokens(folded, asOf, events)) push(t.start!, t.end!, t);
  for (const [id, phrases] of Object.entries(NAMED_PERIODS) as [NamedPeriod, string[]][]) {
    for (const hit of findPhrases(folded, phrases)) push(hit.start, hit.end, namedPeriod(id, asOf));
  }
  for (const [grain, phrases] of Object.entries(GRAIN_WORDS) as [TimeGrain, string[]][]) {
    for (const hit of findPhrases(folded, phrases)) push(hit.start, hit.end, { grain }, 'grain');
  }
  for (const hit of findPhrases(folded, TREND_WORDS)) push(hit.start, hit.end, {}, 'trend');
  for (const [compare, phrases] of Object.entries(COMPARE_WORDS) as [CompareMode, string[]][]) {
    for (const hit of findPhrases(folded, phrases)) push(hit.start, hit.end, { compare }, 'compare');
  }
  return tokens;
}
