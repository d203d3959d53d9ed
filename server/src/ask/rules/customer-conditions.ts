import type { Catalog, CatalogDimension } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import {
  DURATION_DAYS,
  DURATION_LEAD_INS,
  HALF_DURATIONS,
  VAGUE_DURATIONS,
} from '../lexicon/duration-words.ts';
import { THRESHOLD_SUFFIXES, THRESHOLD_WORDS } from '../lexicon/threshold-words.ts';
import { NUMBER_PATTERN, parseNumber } from '../text/numerals.ts';
import { wordAlternation } from '../text/word-pattern.ts';

/**
 * Conditions on a customer attribute counted in days (recency: "半年没来买", "三个月没下单",
 * "haven't ordered since 3 months", "none in the past 60 days"): any duration is read in days, a duration
 * next to a negated attribute word ("没来买", "no purchase") is "more than", and a vague one ("很久没来")
 * is reported so that the question asks which threshold.
 */
export interface DaysReading {
  op: Filter['op'];
  value: number;
  span: { start: number; end: number };
  /** The duration as written when it was not in days ("半年", "3 months"), to say back with its days. */
  converted?: string;
}

type Op = keyof typeof THRESHOLD_WORDS;
const OPS = (Object.entries(THRESHOLD_WORDS) as [Op, string[]][]).flatMap(([op, ws]) =>
  ws.map((w) => ({ op, w })),
);
const opOf = (w?: string): Op | undefined => (w ? OPS.find((o) => o.w === w)?.op : undefined);
const OP_ALT = wordAlternation(OPS.filter((o) => o.op !== 'eq').map((o) => o.w));
const UNIT_ALT = wordAlternation(Object.keys(DURATION_DAYS));
const HALF_ALT = wordAlternation(Object.keys(HALF_DURATIONS));
const SUFFIX_ALT = wordAlternation(Object.keys(THRESHOLD_SUFFIXES));
const DURATION = `(?:(${HALF_ALT})|(\\d+(?:\\.\\d+)?|${NUMBER_PATTERN})\\s*\\+?\\s*(${UNIT_ALT}))(多)?`;
const WINDOW = '(?:最近|近|过去|这|in the last|in the past|over the last|over the past|the last|the past)';

/** A negated attribute word ("没来买", "haven't bought", "no purchase", "未下单"): a duration beside it is "more than". */
export const negatedWord = (text: string) =>
  /^(?:没|未|无|不|no\b|not\b|none\b|haven'?t|hasn'?t|did not\b|didn'?t|without)/.test(text.trim());

function days(m: RegExpExecArray, first: number): { value: number; converted?: string } | null {
  const half = m[first];
  if (half) return { value: HALF_DURATIONS[half], converted: half };
  const n = /^\d/.test(m[first + 1]) ? Number(m[first + 1]) : parseNumber(m[first + 1]);
  const unit = m[first + 2];
  if (n === undefined || Number.isNaN(n)) return null;
  const per = DURATION_DAYS[unit];
  return {
    value: n * per,
    converted: per === 1 ? undefined : `${m[first + 1]}${/^[a-z]/.test(unit) ? ' ' : ''}${unit}`,
  };
}

/** "两个多月" read as "两个月多" (same length): 多 after the unit is "more than". */
const moreThan = (text: string) => text.replace(/个多月/g, '个月多');

const BEFORE = new RegExp(
  `(?:${WINDOW}\\s*)?(?:(${OP_ALT})\\s*)?${DURATION}\\s*(${SUFFIX_ALT}|\\+)?\\s*(?:都|了|内|里|以来|之内|的|还|都还|一直|没再|也)?\\s*$`,
);
const AFTER = new RegExp(
  `^\\s*(?:${wordAlternation(DURATION_LEAD_INS)})?\\s*(?:(${OP_ALT})\\s*)?${DURATION}\\s*(${SUFFIX_ALT}|\\+|or more|以上)?(?:\\s*(?:ago|之前|以前|前))?`,
);

/** "超过90天都没有再下单", "半年没来买", "三个月没下单": a duration written before the attribute's words. */
export function daysBefore(text: string, to: number, negated: boolean): DaysReading | null {
  const from = Math.max(0, to - 24);
  const m = BEFORE.exec(moreThan(text.slice(from, to)));
  if (!m) return null;
  const d = days(m, 2);
  if (!d) return null;
  const op: Op | undefined =
    opOf(m[1]) ??
    (m[6] ? (m[6] === '+' ? 'gte' : THRESHOLD_SUFFIXES[m[6]]) : negated || m[5] ? 'gt' : undefined);
  if (!op || op === 'eq') return null;
  return { op, value: d.value, span: { start: from + m.index, end: to }, converted: d.converted };
}

/** "haven't ordered since 3 months", "no purchase in over 90 days", "没来买超过两个月": written after. */
export function daysAfter(text: string, from: number, negated: boolean): DaysReading | null {
  const m = AFTER.exec(moreThan(text.slice(from)));
  if (!m) return null;
  const d = days(m, 2);
  if (!d) return null;
  const plus = m[6] === '+' || m[6] === 'or more' || /\d\s*\+/.test(m[0]);
  const suffix = plus ? 'gte' : m[6] ? THRESHOLD_SUFFIXES[m[6]] : undefined;
  const op: Op | undefined = opOf(m[1]) ?? suffix ?? (negated || m[5] ? 'gt' : undefined);
  if (!op || op === 'eq') return null;
  return { op, value: d.value, span: { start: from, end: from + m[0].length }, converted: d.converted };
}

const VAGUE_ALT = wordAlternation(VAGUE_DURATIONS);
const VAGUE_BEFORE = new RegExp(`(${VAGUE_ALT})\\s*(?:都|了|的|还)?\\s*$`);
const VAGUE_AFTER = new RegExp(`^(\\s*(?:in|for|since)?\\s*(?:such\\s+)?)(${VAGUE_ALT})`);

/** "很久没来", "haven't bought in a long time": a negated attribute of days with no number of days. */
export function vagueDuration(
  text: string,
  m: { start: number; end: number },
): { span: { start: number; end: number }; word: { start: number; end: number } } | null {
  const before = text.slice(Math.max(0, m.start - 8), m.start);
  const after = text.slice(m.end, m.end + 20);
  const b = VAGUE_BEFORE.exec(before);
  if (b) {
    const start = m.start - before.length + b.index;
    return { span: { start, end: m.end }, word: { start, end: start + b[1].length } };
  }
  const a = VAGUE_AFTER.exec(after);
  if (!a) return null;
  const start = m.end + a[1].length;
  return { span: { start: m.start, end: m.end + a[0].length }, word: { start, end: start + a[2].length } };
}

/** "none in the past 60 days", "but no orders in the last 2 months": no order within a window. */
const NONE_WITHIN = new RegExp(
  `\\b(?:none|no orders?|no purchases?|nothing|zero)\\s*(?:since|in|within|over|during)?\\s*(?:the\\s+)?(?:last|past)?\\s*${DURATION}`,
);

/** The attribute of days a negated word names (recency: "no purchase"), found in the catalog. */
export function absenceAttribute(catalog: Catalog): CatalogDimension | undefined {
  return catalog.dimensions.find(
    (d) =>
      d.type === 'numeric' && d.format === 'days' && [...d.synonyms.zh, ...d.synonyms.en].some(negatedWord),
  );
}

/** "…5 or more orders in the last 12 months but none in the past 60 days": the second clause on recency. */
export function noneWithin(
  text: string,
  catalog: Catalog,
): { filter: Filter; span: { start: number; end: number }; converted?: string } | null {
  const m = NONE_WITHIN.exec(text);
  const d = absenceAttribute(catalog);
  if (!m || !d) return null;
  const read = days(m, 1);
  if (!read) return null;
  return {
    filter: { member: d.id, op: 'gt', values: [read.value] },
    span: { start: m.index, end: m.index + m[0].length },
    converted: read.converted,
  };
}

/** The window a per-customer attribute covers, from its label ("近12个月订单数", "Tickets in 90 days"), in days. */
export function attributeWindowDays(d: CatalogDimension): number | undefined {
  const m = /(\d+)\s*[- ]?\s*(个月|天|months?|days?)/.exec(`${d.label.en} ${d.label.zh}`);
  if (!m) return undefined;
  return Number(m[1]) * (DURATION_DAYS[m[2]] ?? 1);
}

/** The numeric attribute a band is cut from, named like it ("Tenure" → "Tenure (months)", "客龄" → "客龄（天）"). */
export function bandAttribute(catalog: Catalog, band: CatalogDimension): CatalogDimension | undefined {
  return catalog.dimensions.find(
    (d) =>
      d.type === 'numeric' &&
      (d.label.en.startsWith(`${band.label.en} (`) || d.label.zh.startsWith(`${band.label.zh}（`)),
  );
}

/** The end of a condition, past the attribute's own unit when written ("under 6 months" on a count of months). */
export function unitEnd(text: string, end: number, d: CatalogDimension): number {
  if (!/months|月/.test(`${d.label.en} ${d.label.zh}`)) return end;
  const m = /^\s*(?:months?|个月|月)/.exec(text.slice(end));
  return m ? end + m[0].length : end;
}
