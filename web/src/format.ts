/** Display formatting: the server's own number formats (shared pure module), in the interface language. */
import { formatValue as formatWith, MISSING, toNumber } from '../../server/src/answer/format.ts';
import { lang, locale } from './i18n/i18n.ts';

export { MISSING, toNumber };

/** Formats a value with a column or metric format (`percent`, `currency_cny`, `count`, …). */
export function formatValue(value: unknown, format: string | undefined, compact = false): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'string' && toNumber(value) === null) return value;
  if (typeof value === 'boolean') return String(value);
  const valueFormat = format as Parameters<typeof formatWith>[1];
  return formatWith(value, valueFormat, lang(), { style: compact ? 'compact' : 'plain' });
}

/** A date or timestamp as a short local date-time. */
export function formatDateTime(value: string | undefined | null): string {
  if (!value) return MISSING;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}
