import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { TimeGrain } from '../../../../semantic-layer/src/query.ts';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../lexicon/time-words.ts';
import type { TimeResolution } from '../time/resolve-time.ts';
import { purposeSpans } from './act-on-customers.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { hasCue } from './intent.ts';

/**
 * Terse and dictated asks (round 12b): lines and clauses that say how to show the answer, not what to
 * answer ("Number only.", "- bullets", "3 actions", "one line"); month abbreviations set against another
 * month ("Sep vs Aug", where an abbreviation alone only counts beside a year). Read before everything else,
 * like SQL keywords, and named back.
 */
const FORMAT_CLAUSE =
  /^(?:(?:in|as|with)\s+)?(?:(?:the\s+)?numbers?\s+only|just\s+(?:the\s+)?(?:numbers?|figures?)|figures?\s+only|one[- ]liner?|one\s+line|short(?:\s+answer)?|brief(?:ly)?|keep\s+it\s+short|tl;?dr|bullets?|bullet\s+points?|(?:\d+|one|two|three|four|five)\s+(?:bullets?|bullet\s+points?|points|lines?|actions?|ideas?|options?|recommendations?|steps?))$/i;
const CLAUSE_EDGE = /(\n\s*[-*•·]?\s*|[.;]\s+|[.;]$)/;
const ABBREVIATED = MONTH_ABBREVIATIONS.filter((m) => m !== 'may' && m !== 'mar').concat('sept');
const MONTH_WORD = `(?:${[...MONTH_NAMES, ...ABBREVIATED, 'mar'].join('|')})`;
const JOINED_MONTHS = new RegExp(
  `\\b(${MONTH_WORD})(\\.?\\s*(?:vs\\.?|versus|v\\.?|and|to|through|compared (?:with|to)|against|-|–)\\s*)(${MONTH_WORD})\\b`,
  'gi',
);

const RANK_FIRST =
  /\b(worst|best|most|least|fewest|highest|lowest|largest|smallest|biggest|top|bottom)(?:\s+ones?)?\s+first\b/gi;

const fullMonth = (word: string) => {
  const w = word.toLowerCase();
  if (MONTH_NAMES.includes(w)) return word;
  if (w === 'sept') return 'september';
  return MONTH_NAMES[MONTH_ABBREVIATIONS.indexOf(w)]!;
};

export interface TerseReading {
  text: string;
  /** Clauses read as how to show the answer. */
  format: string[];
  /** Month abbreviations written out ("Sep" → "september"). */
  months: [string, string][];
}

/** The question with format clauses set aside and joined month abbreviations written out, or undefined. */
export function readTerse(question: string): TerseReading | undefined {
  const format: string[] = [];
  const parts = question.split(CLAUSE_EDGE);
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i]!.trim().replace(/^[-*•·]\s*/, '');
    if (clause.length > 0 && FORMAT_CLAUSE.test(clause.replace(/[.!。]+$/, ''))) format.push(clause);
    else kept.push(parts[i]! + (parts[i + 1] ?? ''));
  }
  // a message made only of format words is no question to set aside
  let text = format.length > 0 && kept.join('').trim().length > 0 ? kept.join('').trim() : question;
  if (text === question) format.length = 0;
  // "worst first", "most first": the rank word orders; "first" only says it is the order of the rows
  const ordered = text.replace(RANK_FIRST, '$1');
  const reordered = ordered !== text;
  text = ordered;
  const months: [string, string][] = [];
  text = text.replace(JOINED_MONTHS, (_all, a: string, joint: string, b: string) => {
    const [fa, fb] = [fullMonth(a), fullMonth(b)];
    for (const [from, to] of [
      [a, fa],
      [b, fb],
    ] as const)
      if (from.toLowerCase() !== to.toLowerCase()) months.push([from, to]);
    return `${fa}${joint}${fb}`;
  });
  return format.length > 0 || months.length > 0 || reordered ? { text, format, months } : undefined;
}

/** What was read, said back in the question's language. */
export function sayTerse(read: TerseReading, lang: Lang): string[] {
  const notes: string[] = [];
  if (read.months.length > 0)
    notes.push(
      lang === 'zh'
        ? `按月份理解${read.months.map(([a, b]) => `“${a}”→${b}`).join('、')}`
        : `Read ${read.months.map(([a, b]) => `"${a}" as ${b}`).join(', ')}`,
    );
  if (read.format.length > 0)
    notes.push(
      lang === 'zh'
        ? `“${read.format.join('”、“')}”按回答的呈现方式理解，不影响所查的数据`
        : `Took "${read.format.join('", "')}" as how to present the answer; the data asked for is the same`,
    );
  return notes;
}

/** Period-on-period words of one grain ("MoM", "month over month", "QoQ", "WoW") and the grain's own unit words. */
const PERIOD_ON_PERIOD: [RegExp, TimeGrain, string][] = [
  [/\b(?:mom|m\/m|m-o-m|month[- ]over[- ]month|month[- ]on[- ]month)\b/i, 'month', 'months|mths|mos'],
  [
    /\b(?:qoq|q\/q|q-o-q|quarter[- ]over[- ]quarter|quarter[- ]on[- ]quarter)\b/i,
    'quarter',
    'quarters|qtrs|qs',
  ],
  [/\b(?:wow|w\/w|w-o-w|week[- ]over[- ]week|week[- ]on[- ]week)\b/i, 'week', 'weeks|wks'],
];
/**
 * A range this many periods of the grain long or longer ("MoM revenue for this year till date": nine
 * months) is read as the series; a quarter (three months) or a month (four or five weeks) stays the comparison.
 */
const SERIES_PERIODS: Record<TimeGrain, number> = { day: 62, week: 8, month: 4, quarter: 4, year: 4 };
/** A follow-up asking for the same figure in another shape ("Same for month on month"): the series. */
const SAME_FOR_LEAD = /^\s*(?:and\s+)?(?:the\s+)?same\s+(?:for|thing|but|with|on|by)\b/i;

/** How many whole periods of `grain` the range holds (months of a quarter: 3; weeks: by days). */
function periodsIn(range: { start: string; end: string }, grain: TimeGrain): number {
  const [ys, ms] = range.start.split('-').map(Number);
  const [ye, me] = range.end.split('-').map(Number);
  const months = (ye - ys) * 12 + (me - ms);
  if (grain === 'month') return months;
  if (grain === 'quarter') return Math.floor(months / 3);
  return Math.floor((Date.parse(range.end) - Date.parse(range.start)) / (7 * 86_400_000));
}
const SEVERAL = '(?:[3-9]|[1-9]\\d|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/**
 * "Month-on-month revenue for the last 6 months", "orders MoM, last 6 mths": a period-on-period word over a
 * range counted in three or more of its own periods asks for the series by that grain; over one named period
 * ("MoM for last quarter", "WoW orders last month") it stays the comparison with the period before.
 */
export function periodOnPeriodAsTrend(time: TimeResolution, folded: string): TimeResolution | undefined {
  if (time.compare !== 'previous_period') return undefined;
  if (!time.range) {
    const said = SAME_FOR_LEAD.test(folded) && PERIOD_ON_PERIOD.find(([words]) => words.test(folded));
    return said ? { ...time, compare: undefined, grain: said[1], trend: true } : undefined;
  }
  for (const [words, grain, units] of PERIOD_ON_PERIOD)
    if (
      words.test(folded) &&
      (new RegExp(`\\b${SEVERAL}\\s*(?:${units})\\b`, 'i').test(folded) ||
        periodsIn(time.range, grain) >= SERIES_PERIODS[grain])
    )
      return { ...time, compare: undefined, grain, trend: true };
  return undefined;
}

/**
 * Words read aside before the members: what a list is for ("需要 CS 这周 follow up", rules/act-on-customers.ts)
 * leaves the unknown words; a period-on-period word over several of its periods makes the time a series.
 */
export function readAsides(analysis: QuestionAnalysis): void {
  const purposes =
    hasCue(analysis, 'riskList') || hasCue(analysis, 'listVerb') ? purposeSpans(analysis.folded) : [];
  analysis.unknown = analysis.unknown.filter((t) => !purposes.some(([a, b]) => t.start >= a && t.end <= b));
  analysis.time = periodOnPeriodAsTrend(analysis.time, analysis.folded) ?? analysis.time;
}
