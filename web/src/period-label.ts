/** Periods in the user's language: 2026年1月 / Jan 2026, 2026年第3季度 / Q3 2026, and ranges of months. */
import { lang } from './i18n/i18n.ts';

const ISO_MONTH = /^(\d{4})-(\d{2})-01(?:$|T00:00:00(?:\.000)?Z?$)/;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-01-01` as "2026年1月" or "Jan 2026"; null for anything that is not a month start. */
export function monthLabel(value: unknown, language = lang()): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO_MONTH.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return language === 'zh' ? `${year}年${month}月` : `${EN_MONTHS[month - 1]} ${year}`;
}

function monthsBetween(start: string, end: string): number {
  const [ys, ms] = start.split('-').map(Number) as [number, number];
  const [ye, me] = end.split('-').map(Number) as [number, number];
  return (ye - ys) * 12 + (me - ms);
}

function previousMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const month = m === 1 ? 12 : m - 1;
  return `${m === 1 ? y - 1 : y}-${String(month).padStart(2, '0')}-01`;
}

/** A range `{ start, end }` (end exclusive) as words: a month, a quarter, a year, or "from – to". */
export function rangeLabel(range: { start: string; end: string }, language = lang()): string {
  const { start, end } = range;
  if (monthLabel(start) && monthLabel(end)) {
    const months = monthsBetween(start, end);
    const [year, month] = start.split('-').map(Number) as [number, number];
    if (months === 1) return monthLabel(start, language)!;
    if (months === 3 && (month - 1) % 3 === 0) {
      const q = (month - 1) / 3 + 1;
      return language === 'zh' ? `${year}年第${q}季度` : `Q${q} ${year}`;
    }
    if (months === 12 && month === 1) return language === 'zh' ? `${year}年` : String(year);
    return `${monthLabel(start, language)} – ${monthLabel(previousMonth(end), language)}`;
  }
  return `${start} – ${end}`;
}

/** A period value of a trend (`2026-07-01`) at its grain: 2026年7月 / Jul 2026, 2026年第3季度 / Q3 2026, 2026年. */
export function periodCell(value: unknown, grain: string | undefined, language = lang()): string {
  const text = typeof value === 'string' ? value.slice(0, 10) : String(value ?? '');
  if (!/^\d{4}-\d{2}-01$/.test(text)) return text;
  const [year, month] = text.split('-').map(Number) as [number, number];
  if (grain === 'year' && month === 1) return language === 'zh' ? `${year}年` : String(year);
  if (grain === 'quarter' && (month - 1) % 3 === 0)
    return rangeLabel({ start: text, end: addMonth(text, 3) }, language);
  if (grain === 'month' || grain === undefined) return monthLabel(text, language) ?? text;
  return text;
}

/** The first day of the month `months` after `iso`'s month. */
export function addMonth(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
