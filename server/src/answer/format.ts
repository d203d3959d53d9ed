import type { Lang, MemberFormat } from '../../../semantic-layer/src/catalog.ts';
import { answerMessage } from './answer-messages.ts';

/**
 * Number formatting shared by tables, charts and narratives. `percent_points` is the format of a change
 * in a percent metric (0.021 → "2.1 pp"); table columns carry it too.
 */
export type ValueFormat = MemberFormat | 'percent_points';

export interface FormatOptions {
  /** `compact` (narratives) writes large counts and amounts as 万/亿 in Chinese and M/B in English. */
  style?: 'plain' | 'compact';
  /** ISO 4217 code of `currency` formats (and overrides `currency_cny` / `currency_usd`). */
  currency?: string;
}

/** Shown for null, NaN and infinite values. */
export const MISSING = '—';

/** Reads a result value as a number: numbers, numeric strings (DuckDB BIGINT) and bigints; else null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** One formatter per decimals pair: building an `Intl.NumberFormat` costs far more than formatting with it. */
const formatters = new Map<string, Intl.NumberFormat>();

function grouped(n: number, maxDecimals: number, minDecimals = 0): string {
  // Round first so that -0.04 prints as "0", not "-0".
  const rounded = Number(n.toFixed(maxDecimals)) || 0;
  const key = `${minDecimals}:${maxDecimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(rounded);
}

function withSign(n: number, body: (abs: number) => string): string {
  const text = body(Math.abs(n));
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

function compactMagnitude(abs: number, lang: Lang): string | null {
  if (lang === 'zh') {
    if (abs >= 1e8) return `${grouped(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${grouped(abs / 1e4, 1)}万`;
    return null;
  }
  if (abs >= 1e9) return `${grouped(abs / 1e9, 2)}B`;
  if (abs >= 1e6) return `${grouped(abs / 1e6, 2)}M`;
  return null;
}

/** The symbol of an ISO 4217 code ($, ¥, €, £, ₹…); the code and a space when there is no short symbol. */
export function symbolOfCurrency(code: string): string {
  if (code === 'CNY') return '¥';
  try {
    const part = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
    })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value;
    return part && part !== code ? part : `${code} `;
  } catch {
    return `${code} `;
  }
}

function currencySymbol(format: ValueFormat | undefined, opts: FormatOptions): string {
  return symbolOfCurrency(opts.currency ?? (format === 'currency_usd' ? 'USD' : 'CNY'));
}

/**
 * Formats one value for display; percent values are fractions (0.123 → "12.3%").
 * @example formatValue(12345, 'count', 'zh', { style: 'compact' }) // "1.2万"
 */
export function formatValue(
  value: unknown,
  format: ValueFormat | undefined,
  lang: Lang,
  opts: FormatOptions = {},
): string {
  const n = toNumber(value);
  if (n === null) return MISSING;
  const compact = opts.style === 'compact';
  switch (format) {
    case 'percent':
      return withSign(n, (a) => `${grouped(a * 100, 1, 1)}%`);
    case 'percent_points':
      return withSign(n, (a) =>
        answerMessage('format.percent_points', lang, { value: grouped(a * 100, 1, 1) }),
      );
    case 'currency_cny':
    case 'currency_usd':
    case 'currency': {
      const symbol = currencySymbol(format, opts);
      return withSign(n, (a) => {
        const short = compact ? compactMagnitude(a, lang) : null;
        return `${symbol}${short ?? grouped(a, a < 100 ? 2 : 0, a < 100 && !Number.isInteger(a) ? 2 : 0)}`;
      });
    }
    case 'count':
      return withSign(n, (a) => (compact ? compactMagnitude(a, lang) : null) ?? grouped(a, 1));
    case 'hours':
      return answerMessage('format.hours', lang, { value: withSign(n, (a) => grouped(a, 1)) });
    case 'days':
      return answerMessage(Math.abs(n) === 1 ? 'format.day' : 'format.days', lang, {
        value: withSign(n, (a) => grouped(a, 1)),
      });
    case 'score':
      return withSign(n, (a) => grouped(a, 1));
    default:
      return withSign(n, (a) => (compact ? compactMagnitude(a, lang) : null) ?? grouped(a, 2));
  }
}

/** The format of the difference between two values of a metric (percent metrics change in points). */
export function changeFormat(format: ValueFormat | undefined): ValueFormat | undefined {
  return format === 'percent' ? 'percent_points' : format;
}

export type Direction = 'up' | 'down' | 'flat';

/** The direction of a change as the reader will see it: a change that rounds to zero is flat. */
export function changeDirection(delta: number, format: ValueFormat | undefined, lang: Lang): Direction {
  const shown = formatValue(Math.abs(delta), changeFormat(format), lang, { style: 'compact' });
  if (!/[1-9]/.test(shown)) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

/**
 * A change in words: "上升 2.3 个百分点" / "up 2.3 pp", "增加 1,234" / "up 1,234", "持平" / "unchanged".
 * @example changePhrase(0.023, 'percent', 'zh') // "上升 2.3 个百分点"
 */
export function changePhrase(
  delta: number,
  format: ValueFormat | undefined,
  lang: Lang,
  opts: FormatOptions = {},
): string {
  const direction = changeDirection(delta, format, lang);
  if (direction === 'flat') return answerMessage('format.unchanged', lang);
  const size = formatValue(Math.abs(delta), changeFormat(format), lang, { ...opts, style: 'compact' });
  // Chinese says a rate rises (上升) and an amount increases (增加); English says "up" for both.
  const rateLike = format === 'percent' || format === 'score' || format === 'hours' || format === 'days';
  const id =
    direction === 'up'
      ? rateLike
        ? 'change.rise'
        : 'change.increase'
      : rateLike
        ? 'change.fall'
        : 'change.decrease';
  return answerMessage(id, lang, { size });
}

/** A relative change as a signed percent: "+5.2%" / "-3.0%". */
export function relativeChange(pct: unknown, lang: Lang): string | null {
  const n = toNumber(pct);
  if (n === null) return null;
  const text = formatValue(n, 'percent', lang);
  return n > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}
