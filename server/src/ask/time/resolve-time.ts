import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { TimeGrain, TimeRange } from '../../../../semantic-layer/src/query.ts';
import { clipToAsOf, shiftYears } from '../../calendar/calendar.ts';
import { ASKER_BACKGROUND_BEFORE_TIME, ASKER_BACKGROUND_ZH, RANGE_JOINERS } from '../lexicon/time-words.ts';
import { selectLongest } from '../match/phrase-finder.ts';
import { foldWidthAndCase } from '../text/normalise.ts';
import { type CompareMode, scanTimeTokens, type TimeToken } from './scan-time.ts';

/** What the time words of a question mean against an as-of date (CONVENTIONS.md "Time"). */
export interface TimeResolution {
  range?: TimeRange;
  grain?: TimeGrain;
  compare?: CompareMode;
  /** The time words as the user wrote them. */
  matchedText: string[];
  /** How an open choice was read ("7月" → 2026年7月), in the question's language. */
  assumption?: string;
  /** The range lies at or after the as-of date, so holds no data yet. */
  empty?: boolean;
  /** "趋势/trend" was asked (a grain of month unless one is named). */
  trend?: boolean;
  /** For an empty "to date" period: the complete period to offer instead. */
  alternative?: { range: TimeRange; label: string };
  /** Spans of the time words in the original text (end exclusive). */
  spans: { start: number; end: number }[];
  /** "from Q2 to Q3": the two periods joined into `range` ("what changed" compares them). */
  joined?: { from: TimeRange; to: TimeRange };
}

/** Combines already selected (non-overlapping) time tokens into one resolution. */
export function combineTimeTokens(
  tokens: TimeToken[],
  original: string,
  asOf: string,
  lang: Lang,
): TimeResolution {
  const result: TimeResolution = { matchedText: [], spans: [] };
  const notes: string[] = [];
  const allRanges = tokens.filter((t) => t.kind === 'range' && t.range);
  // "I just joined last week … how many did we lose last month?": the asker's period is not the data's
  const ranges = allRanges.length > 1 ? allRanges.filter((t) => !aboutTheAsker(original, t)) : allRanges;
  for (const t of tokens) {
    result.matchedText.push(original.slice(t.start, t.end));
    result.spans.push({ start: t.start, end: t.end });
    if (t.kind === 'grain' && !result.grain) result.grain = t.grain;
    if (t.kind === 'compare' && !result.compare) result.compare = t.compare;
    if (t.kind === 'trend' || t.kind === 'grain') result.trend = true;
  }
  if (result.trend && !result.grain) result.grain = 'month';
  if (ranges.length > 0) {
    let range = ranges[0].range!;
    let used = [ranges[0]];
    const second = ranges[1];
    if (second?.range && isJoined(original, ranges[0], second) && second.range.end > range.start) {
      range = { start: range.start, end: second.range.end };
      used = [ranges[0], second];
      result.joined = { from: clipToAsOf(ranges[0].range!, asOf), to: clipToAsOf(second.range, asOf) };
    } else if (second && sameRange(clipToAsOf(second.range!, asOf), clipToAsOf(range, asOf))) {
      // "截至9月底今年": two words for the same range; "9月和上个月比", "上个月与上月比": set against
      // each other, the second (relative) word means the period before the first
      used = [ranges[0]];
      const against = PERIOD_CONNECTOR.test(foldWidthAndCase(original.slice(ranges[0].end, second.start)));
      if (against && !result.compare) result.compare = 'previous_period';
    } else if (second?.range && comparedPeriods(original, ranges[0], second)) {
      const pair = comparedPeriods(original, ranges[0], second)!;
      range = pair.range;
      used = [ranges[0], second];
      if (pair.grain && !result.grain) {
        result.grain = pair.grain;
        result.trend = true;
      }
      if (pair.compare && !result.compare) result.compare = pair.compare;
    } else if (!second && baselineOnly(original, ranges[0], asOf)) {
      // "why did churn go up, compared to Q2?": the period named is the baseline; the question is about
      // the one after it
      range = followingRange(range);
      if (!result.compare) result.compare = 'previous_period';
      notes.push(
        lang === 'zh'
          ? `“${original.slice(ranges[0].start, ranges[0].end)}”是比较的基期，看其后一期 ${range.start} 起`
          : `"${original.slice(ranges[0].start, ranges[0].end)}" is the baseline; the period after it, from ${range.start}, is compared with it`,
      );
    } else if (second) {
      const ignored = original.slice(second.start, second.end);
      notes.push(
        lang === 'zh'
          ? `只按第一个时间“${original.slice(ranges[0].start, ranges[0].end)}”计算，未使用“${ignored}”`
          : `Using the first period only ("${original.slice(ranges[0].start, ranges[0].end)}"); "${ignored}" was not used`,
      );
    }
    for (const t of used) {
      if (t.reading)
        notes.unshift(
          lang === 'zh'
            ? `“${original.slice(t.start, t.end)}”按 ${t.reading.zh} 计算`
            : `Taking "${original.slice(t.start, t.end)}" as ${t.reading.en}`,
        );
    }
    const clipped = clipToAsOf(range, asOf);
    result.range = clipped;
    if (clipped.start >= clipped.end) {
      result.empty = true;
      const alt = used[0].alternative;
      if (alt) result.alternative = { range: alt.range, label: alt.label[lang] };
    }
  }
  if (notes.length > 0) result.assumption = notes.join(lang === 'zh' ? '；' : '; ');
  return result;
}

/** A period inside the asker's own story ("I just joined the team last week", "我上周刚入职"). */
function aboutTheAsker(original: string, t: TimeToken): boolean {
  const before = original.slice(0, t.start);
  const after = original.slice(t.end);
  return (
    ASKER_BACKGROUND_BEFORE_TIME.test(before) ||
    (ASKER_BACKGROUND_ZH.before.test(before) && ASKER_BACKGROUND_ZH.after.test(after))
  );
}

const sameRange = (a: TimeRange, b: TimeRange) => a.start === b.start && a.end === b.end;
const days = (r: TimeRange) => (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
const wholeYear = (r: TimeRange) =>
  r.start.endsWith('-01-01') && r.end.endsWith('-01-01') && days(r) >= 365 && days(r) <= 366;
/** Words setting two periods against each other ("Q3 比 Q2", "Q4 2025 vs Q4 2024", "2024年和2025年"). */
const PERIOD_CONNECTOR = /比|和|跟|与|对比|相比|\bvs\b|versus|compared|against|\band\b/;

/**
 * Two periods set against each other: two whole years side by side (both, by year); otherwise the later
 * one compared with the earlier when that is the period just before it or the same period a year earlier.
 */
function comparedPeriods(
  original: string,
  a: TimeToken,
  b: TimeToken,
): { range: TimeRange; grain?: TimeGrain; compare?: CompareMode } | undefined {
  if (!PERIOD_CONNECTOR.test(foldWidthAndCase(original.slice(a.end, b.start)))) return undefined;
  const [earlier, later] = [a.range!, b.range!].sort((x, y) => x.start.localeCompare(y.start));
  if (wholeYear(earlier) && wholeYear(later) && earlier.end === later.start) {
    // "2025 vs 2024", "2025年比2024年": the later year measured against the one before; side by side when
    // asked so (并排, 并列, side by side) or listed ("2024年和2025年", "2025年和2024年比")
    const between = foldWidthAndCase(original.slice(a.end, b.start));
    const against =
      a.range!.start > b.range!.start && YEAR_AGAINST.test(between) && !SIDE_BY_SIDE.test(original);
    if (against) return { range: later, compare: 'same_period_last_year' };
    return { range: { start: earlier.start, end: later.end }, grain: 'year' };
  }
  // "今年比去年", "YTD vs last year": a year to date against the whole year before is like for like
  if (
    wholeYear(earlier) &&
    earlier.end === later.start &&
    later.start.endsWith('-01-01') &&
    days(later) < 365
  )
    return { range: later, compare: 'same_period_last_year' };
  if (sameRange(shiftYears(later, -1), earlier)) return { range: later, compare: 'same_period_last_year' };
  if (earlier.end === later.start && Math.abs(days(earlier) - days(later)) <= 3)
    return { range: later, compare: 'previous_period' };
  return undefined;
}

/** Only a word of measuring against between two years (not 和/跟/与/同, which list them). */
const YEAR_AGAINST = /^\s*(?:vs\.?|versus|compared\s+(?:to|with)|against|比|相比|相较于?|较)\s*$/;
/** Words asking for periods side by side. */
const SIDE_BY_SIDE = /并排|并列|放在一起|排在一起|side\s+by\s+side/i;

/** Words that make the period after them a baseline ("compared to Q2", "比二季度"). */
const BASELINE_BEFORE =
  /(?:compared\s+(?:to|with)|\bvs\.?|\bversus|\bagainst|relative\s+to|比|相比|相较|较)\s*$/;

/** A lone period named as what the question compares against, whose following period has ended. */
function baselineOnly(original: string, token: TimeToken, asOf: string): boolean {
  if (!BASELINE_BEFORE.test(foldWidthAndCase(original.slice(0, token.start)))) return false;
  return followingRange(token.range!).end <= asOf;
}

/** The period of the same length right after a range (a month, a quarter, a year: by months). */
function followingRange(range: TimeRange): TimeRange {
  const [sy, sm, sd] = range.start.split('-').map(Number);
  const [ey, em, ed] = range.end.split('-').map(Number);
  if (sd === 1 && ed === 1) {
    const months = ey * 12 + em - (sy * 12 + sm);
    const end = ey * 12 + em - 1 + months;
    const iso = `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(2, '0')}-01`;
    return { start: range.end, end: iso };
  }
  const length = Date.parse(range.end) - Date.parse(range.start);
  return { start: range.end, end: new Date(Date.parse(range.end) + length).toISOString().slice(0, 10) };
}

/** True when only a range joiner (到, to, -) stands between two period words. */
function isJoined(original: string, a: TimeToken, b: TimeToken): boolean {
  const between = foldWidthAndCase(original.slice(a.end, b.start))
    .replace(/^\s*(?:from\s+)?|\s+$/g, '')
    .trim();
  return RANGE_JOINERS.includes(between);
}

/** Finds and selects the time tokens of a text (longest first). */
export function findTimeTokens(text: string, asOf: string): TimeToken[] {
  return selectLongest(scanTimeTokens(foldWidthAndCase(text), asOf));
}

/**
 * Resolves the time words of a question against an explicit as-of date; never reads the clock.
 * @example resolveTimeExpression('上个季度', '2026-10-01', 'zh').range → { start: '2026-07-01', end: '2026-10-01' }
 */
export function resolveTimeExpression(text: string, asOf: string, lang: Lang): TimeResolution {
  return combineTimeTokens(findTimeTokens(text, asOf), text, asOf, lang);
}
