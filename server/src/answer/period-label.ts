import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { TimeGrain, TimeRange } from '../../../semantic-layer/src/query.ts';
import { answerMessage } from './answer-messages.ts';

/**
 * Labels for periods and time ranges. Dates are read as calendar dates (UTC), so labels do not depend on
 * the server's time zone.
 */

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface CalendarDate {
  y: number;
  m: number; // 1..12
  d: number;
}

/** Reads the date part of an ISO string ("2026-07-01" or "2026-07-01T00:00:00Z"); null when it is not one. */
export function parseIsoDate(value: unknown): CalendarDate | null {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null;
  const match = text?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function iso(c: CalendarDate): string {
  return `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
}

function addDays(c: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO-8601 week year and number of a date. */
export function isoWeek(c: CalendarDate): { year: number; week: number } {
  const t = new Date(Date.UTC(c.y, c.m - 1, c.d));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/**
 * The label of the period starting at `start` with the given grain.
 * @example periodLabel('2026-07-01', 'quarter', 'zh') // "2026年Q3"
 */
export function periodLabel(start: unknown, grain: TimeGrain | undefined, lang: Lang): string {
  const c = parseIsoDate(start);
  if (!c) return start === null || start === undefined ? '—' : String(start);
  switch (grain) {
    case 'year':
      return answerMessage('period.year', lang, { year: c.y });
    case 'quarter': {
      const q = Math.floor((c.m - 1) / 3) + 1;
      return answerMessage('period.quarter', lang, { year: c.y, quarter: q });
    }
    case 'month':
      return answerMessage('period.month', lang, { year: c.y, month: c.m, monthName: MONTHS_EN[c.m - 1]! });
    case 'week': {
      const w = isoWeek(c);
      return `${w.year}-W${String(w.week).padStart(2, '0')}`;
    }
    default:
      return iso(c);
  }
}

function monthsBetween(a: CalendarDate, b: CalendarDate): number {
  return (b.y - a.y) * 12 + (b.m - a.m);
}

/**
 * A time range (end exclusive) as a noun phrase: a named period when it is one ("2026年Q3", "Jul 2026"),
 * a span of whole months or years ("2026年5月至7月", "May–Jul 2026"), else the inclusive dates.
 */
export function rangeLabel(range: TimeRange, lang: Lang): string {
  const s = parseIsoDate(range.start);
  const e = parseIsoDate(range.end);
  if (!s || !e) return `${range.start} – ${range.end}`;
  const months = s.d === 1 && e.d === 1 ? monthsBetween(s, e) : 0;
  if (months === 12 && s.m === 1) return periodLabel(range.start, 'year', lang);
  if (months === 3 && (s.m - 1) % 3 === 0) return periodLabel(range.start, 'quarter', lang);
  if (months === 1) return periodLabel(range.start, 'month', lang);
  if (months > 1 && months % 12 === 0 && s.m === 1) {
    const last = e.y - 1;
    return answerMessage('period.years', lang, { year: s.y, last });
  }
  if (months > 1) {
    const last = addDays(e, -1);
    const span = { year: s.y, lastYear: last.y, from: s.m, to: last.m };
    const names = { fromName: MONTHS_EN[s.m - 1]!, toName: MONTHS_EN[last.m - 1]! };
    return answerMessage(s.y === last.y ? 'period.months' : 'period.months_across', lang, {
      ...span,
      ...names,
    });
  }
  const days = (Date.UTC(e.y, e.m - 1, e.d) - Date.UTC(s.y, s.m - 1, s.d)) / 86_400_000;
  if (days === 7 && (new Date(Date.UTC(s.y, s.m - 1, s.d)).getUTCDay() || 7) === 1)
    return periodLabel(range.start, 'week', lang);
  if (days === 1) return iso(s);
  const last = iso(addDays(e, -1));
  return answerMessage('period.days', lang, { start: iso(s), last });
}

/** The range as an English adverbial ("in 2026 Q3", "from 2026-07-03 to 2026-07-20"); Chinese uses the noun. */
export function rangePhrase(range: TimeRange, lang: Lang): string {
  // An English span of days reads "from … to …"; the test is on the English label's own words.
  const label = rangeLabel(range, lang);
  return answerMessage(/ to /.test(label) ? 'period.phrase.span' : 'period.phrase.in', lang, { label });
}
