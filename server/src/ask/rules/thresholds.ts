import type { Catalog, CatalogDimension, CatalogMetric } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import {
  THRESHOLD_LEAD_INS,
  THRESHOLD_SUFFIXES,
  THRESHOLD_UNITS,
  THRESHOLD_WORDS,
} from '../lexicon/threshold-words.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { NUMBER_PATTERN, parseNumber } from '../text/numerals.ts';
import { escapeRegex } from '../text/word-pattern.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import {
  bandAttribute,
  daysAfter,
  daysBefore,
  negatedWord,
  unitEnd,
  vagueDuration,
} from './customer-conditions.ts';

/**
 * A condition on a metric's value ("客单价超过200元" → avg_order_value > 200), or on each customer
 * ("订单数大于5的客户" → orders_12m > 5 through the metric's `perCustomer` attribute; "超过30天没来买"
 * → recency_days > 30 on a numeric customer attribute).
 */
export interface Threshold {
  /** The metric the condition adds to the query; absent for a condition on each customer. */
  metric?: string;
  /** A per-customer condition on a metric the model holds no per-customer attribute for. */
  noAttribute?: boolean;
  /** The metric read per customer through an attribute ("订单数" → 近12个月订单数), to name back. */
  readAs?: { metric: CatalogMetric; dimension: CatalogDimension };
  filter: Filter;
  /** Where the comparison and the number were written (so they are not named back as unknown). */
  span: { start: number; end: number };
  /** False for a value the metric cannot take (a negative rate, a share above 100%). */
  possible: boolean;
  /** A duration not written in days ("半年", "3 months"), read in days and said back. */
  converted?: string;
  /** A negated attribute of days with no number ("很久没来"): asked which threshold; where the vague word is. */
  vague?: { start: number; end: number };
}

type Op = keyof typeof THRESHOLD_WORDS;
const byLength = (a: string, b: string) => b.length - a.length;
const OP_WORDS = (Object.entries(THRESHOLD_WORDS) as [Op, string[]][])
  .flatMap(([op, words]) => words.map((w) => ({ op, w })))
  .sort((a, b) => byLength(a.w, b.w));
const LEAD_INS = [...THRESHOLD_LEAD_INS].sort(byLength);
const UNITS = Object.keys(THRESHOLD_UNITS).sort(byLength);
const SUFFIXES = Object.keys(THRESHOLD_SUFFIXES).sort(byLength);
const EN_NUMBER = NUMBER_PATTERN.split('|')
  .filter((w) => /^[a-z]+$/.test(w))
  .join('|');
const NUMBER = new RegExp(
  `^(?:-?\\d{1,3}(?:,\\d{3})+(?!\\d)|-?\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]{1,4}(?=[万千百元块次天个人])|(?:${EN_NUMBER})\\b)`,
);
const toNumber = (token: string) =>
  /^-?\d/.test(token) ? Number(token.replace(/,/g, '')) : (parseNumber(token) ?? Number.NaN);

/** The longest word of `words` at `text[at…]` (spaces skipped first), or null. */
function wordAt(text: string, at: number, words: string[]): { word: string; end: number } | null {
  let i = at;
  while (text[i] === ' ') i++;
  for (const w of words) {
    if (!text.startsWith(w, i)) continue;
    const next = text[i + w.length];
    if (/[a-z]$/.test(w) && next !== undefined && /[a-z]/.test(next)) continue;
    return { word: w, end: i + w.length };
  }
  return null;
}

/** Whether a metric can take the value (rates and shares 0..1; counts and amounts not negative). */
function possibleValue(metric: CatalogMetric, value: number): boolean {
  if (metric.type === 'period_over_period' || metric.format === 'score' || metric.format === 'number')
    return true;
  if (metric.format === 'percent') return value >= 0 && value <= 1;
  return value >= 0;
}

interface Reading {
  op: Op;
  value: number;
  percent: boolean;
  span: { start: number; end: number };
  /** Counted in 次/times ("提过3次以上…投诉"): a count per customer. */
  times?: boolean;
}

/** Reads "<metric> [lead-in] <comparison> <number>[unit][以上/以下]" after one metric's words. */
function readAfter(text: string, from: number, metric: CatalogMetric): Threshold | null {
  const r = readCondition(text, from);
  if (!r) return null;
  let value = r.value;
  // a rate is stored as a share: "20%" and "流失率超过20" both mean 0.2
  if (metric.format === 'percent' && (r.percent || Math.abs(value) > 1)) value /= 100;
  return {
    metric: metric.id,
    filter: { member: metric.id, op: r.op, values: [value] },
    span: r.span,
    possible: possibleValue(metric, value),
  };
}

/** "<lead-in> <comparison> <number>[unit][以上/以下]" from `from` on. */
function readCondition(text: string, from: number, leadIns = LEAD_INS): Reading | null {
  let at = from;
  const opWords = OP_WORDS.map((o) => o.w);
  const lead = wordAt(text, at, leadIns);
  // "流失率是20%" (是 compares), "流失率在20%以上" (在 leads in), "AOV is above 200"
  const opWord = (lead && wordAt(text, lead.end, opWords)) || wordAt(text, at, opWords);
  let op: Op | undefined = opWord ? OP_WORDS.find((o) => o.w === opWord.word)?.op : undefined;
  if (opWord) at = opWord.end;
  else if (lead) at = lead.end;
  while (text[at] === ' ') at++;
  const num = NUMBER.exec(text.slice(at));
  if (!num) return null;
  at += num[0].length;
  let value = toNumber(num[0]);
  if (Number.isNaN(value)) return null;
  const unit = wordAt(text, at, UNITS);
  const meaning = unit ? THRESHOLD_UNITS[unit.word] : {};
  if (unit) at = unit.end;
  const suffix = wordAt(text, at, SUFFIXES);
  if (suffix) {
    at = suffix.end;
    op = op === 'gt' || op === 'lt' ? op : THRESHOLD_SUFFIXES[suffix.word];
  }
  if (!op) return null;
  if (meaning.times) value *= meaning.times;
  return { op, value, percent: Boolean(meaning.percent), span: { start: from, end: at } };
}

/** "<comparison> <number>[unit][以上/以下] [的/都/in]" ending right before a word ("超过30天没来买", "more than 10 orders"). */
const BEFORE = new RegExp(
  `(${OP_WORDS.map((o) => escapeRegex(o.w)).join('|')})?\\s*(-?\\d{1,3}(?:,\\d{3})+|-?\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]{1,4}|\\b(?:${EN_NUMBER}))\\s*(${UNITS.map(escapeRegex).join('|')})?\\s*(\\+|${SUFFIXES.map(escapeRegex).join('|')})?\\s*(?:都|的|还|in|of)?\\s*$`,
);

function readBefore(text: string, to: number): Reading | null {
  const m = BEFORE.exec(text.slice(Math.max(0, to - 40), to));
  if (!m) return null;
  let op = m[1] ? OP_WORDS.find((o) => o.w === m[1])?.op : undefined;
  if (!op && m[4]) op = m[4] === '+' ? 'gte' : THRESHOLD_SUFFIXES[m[4]];
  let value = toNumber(m[2]);
  if (!op || Number.isNaN(value)) return null;
  const meaning = m[3] ? THRESHOLD_UNITS[m[3]] : {};
  if (meaning.times) value *= meaning.times;
  const span = { start: to - m[0].length, end: to };
  return { op, value, percent: Boolean(meaning.percent), span, times: /^(?:次|times)$/.test(m[3] ?? '') };
}

/** Words after a condition that make it one on each customer ("…的客户", "customers with …"). */
const CUSTOMER_AFTER =
  /^\s*(?:的|都)?\s*(?:客户|用户|顾客|会员|客人|人|customers|customer|users|shoppers|buyers|people)/;
const CUSTOMER_BEFORE =
  /(?:customers|customer|users|shoppers|people|those|客户|用户)\s*(?:(?:with|who|that|have|has|had|having|placed|opened|made|filed|raised|submitted|bought|purchased|中|里)\s*){0,3}$/;

/** Words joining two conditions on the same customers ("and", "但是", "，而且"). */
const JOIN = /^\s*(?:and|but|&|且|并且|而且|但是|但|同时|,|，|、)\s*(?:and|but|而且|但是)?\s*$/;

/** A condition on a metric read per customer: its customer attribute, or marked as having none. */
function perCustomer(t: Threshold, metric: CatalogMetric, catalog: Catalog): Threshold {
  const dimension = catalog.dimensions.find((d) => d.id === metric.perCustomer);
  const { metric: _, ...rest } = t;
  if (!dimension) return { ...rest, noAttribute: true, possible: true };
  return { ...rest, filter: { ...t.filter, member: dimension.id }, readAs: { metric, dimension } };
}

/** Words before a count attribute that say a customer has some ("有…工单", "customers with open tickets"). */
const HAS_BEFORE = /(?:有|有过|还有|拥有|with|having|has|have)\s*$/;

function hasAtAll(text: string, m: { start: number; end: number }): Reading | null {
  const before = text.slice(Math.max(0, m.start - 8), m.start);
  if (!HAS_BEFORE.test(before)) return null;
  return { op: 'gte', value: 1, percent: false, span: { start: m.start, end: m.start } };
}

/** A condition on an attribute of days ("半年没来买", "haven't ordered since 3 months"), or a vague one to ask. */
function daysCondition(text: string, m: CatalogMatch, d: CatalogDimension): Threshold[] {
  const negated = negatedWord(m.text);
  const r = daysAfter(text, m.end, negated) ?? daysBefore(text, m.start, negated);
  if (r) {
    const span = { start: Math.min(r.span.start, m.start), end: Math.max(r.span.end, m.end) };
    const filter: Filter = { member: d.id, op: r.op, values: [r.value] };
    return [{ filter, span, possible: true, converted: r.converted }];
  }
  const vague = negated ? vagueDuration(text, m) : null;
  if (!vague) return [];
  return [
    { filter: { member: d.id, op: 'gt', values: [] }, span: vague.span, possible: true, vague: vague.word },
  ];
}

/** Conditions on numeric customer attributes, written after or before their words. */
function attributeConditions(analysis: QuestionAnalysis, catalog: Catalog): Threshold[] {
  const found: Threshold[] = [];
  for (const m of analysis.matches) {
    const t = m.targets[0].target;
    if (m.targets.length !== 1 || t.kind !== 'dimension') continue;
    const named = catalog.dimensions.find((x) => x.id === t.id);
    // "tenure under 6 months": a band's condition is on its numeric attribute ("Tenure (months)")
    const band = named?.type === 'numeric_band' ? bandAttribute(catalog, named) : undefined;
    const d = band ?? named;
    if (d?.type !== 'numeric') continue;
    if (d.format === 'days') {
      found.push(...daysCondition(analysis.folded, m, d).filter((c) => !band || c.span.start >= m.start));
      continue;
    }
    const read = readCondition(analysis.folded, m.end, [...LEAD_INS, 'in', 'for']);
    const after = read && {
      ...read,
      span: { ...read.span, end: unitEnd(analysis.folded, read.span.end, d) },
    };
    if (band && !after) continue;
    const before = after ? null : readBefore(analysis.folded, m.start);
    // "有超过72小时还没解决的工单的客户", "customers with open tickets": having a count at all is ≥ 1
    const had = after || before || d.format !== 'count' ? null : hasAtAll(analysis.folded, m);
    const r = after ?? before ?? had;
    if (!r || r.value < 0) continue;
    const span = { start: Math.min(r.span.start, m.start), end: Math.max(r.span.end, m.end) };
    found.push({ filter: { member: d.id, op: r.op, values: [r.value] }, span, possible: true });
  }
  return found;
}

/** Conditions on metric values written right after a metric's words (CONVENTIONS.md "Members"). */
export function findThresholds(analysis: QuestionAnalysis, catalog: Catalog): Threshold[] {
  const found: Threshold[] = attributeConditions(analysis, catalog);
  const text = analysis.folded;
  for (const m of analysis.matches) {
    const t = m.targets[0].target;
    if (m.targets.length !== 1 || t.kind !== 'metric') continue;
    const metric = catalog.metrics.find((x) => x.id === t.id);
    if (!metric) continue;
    // "高频低客单价客户", "low-AOV customers": a per-customer level with no number: ask, never drop it
    const level = /(?:高|低|high|low)[\s-]*$/.exec(text.slice(Math.max(0, m.start - 5), m.start));
    const levelAfter =
      /^\s*(?:高|低|high|low)(?=\s*(?:的|都)?\s*(?:客户|用户|顾客|customers|users|shoppers))/.exec(
        text.slice(m.end),
      );
    if ((level && CUSTOMER_AFTER.test(text.slice(m.end))) || levelAfter) {
      const span = {
        start: m.start - (level?.[0].length ?? 0),
        end: m.end + (levelAfter?.[0].length ?? 0),
      };
      found.push({
        filter: { member: metric.id, op: 'gt', values: [] },
        span,
        possible: true,
        noAttribute: true,
      });
      continue;
    }
    const after = readAfter(text, m.end, metric);
    // "more than 10 orders" after "customers with": a condition on each customer
    const before = after ? null : readBefore(text, m.start);
    // "customers with more than 3 orders and more than 2 tickets": joined to a condition on each customer
    const joinedAt = (at: number) =>
      found.some((f) => !f.metric && f.span.end <= at && JOIN.test(text.slice(f.span.end, at)));
    if (
      before &&
      ((before.times && metric.perCustomer) ||
        CUSTOMER_BEFORE.test(text.slice(0, before.span.start)) ||
        joinedAt(before.span.start))
    ) {
      const t0: Threshold = {
        filter: { member: metric.id, op: before.op, values: [before.value] },
        span: { start: before.span.start, end: m.end },
        possible: true,
      };
      found.push(perCustomer(t0, metric, catalog));
      continue;
    }
    // "买过5次以上…的客户": a count per customer ("次", "times"), or the customers named later in the clause
    const perTimes = /^\s*(?:次|times)/.test(
      text.slice(after?.span.end ?? 0).replace(/^\s*(?:以上|以下|or more)/, ''),
    );
    const countedPerCustomer =
      after &&
      (/(?:\d|[一二两三四五六七八九十])\s*(?:次|times)/.test(text.slice(m.end, after.span.end)) || perTimes);
    // "customers with tenure under 6 months and monthly charges above 80": joined to a condition on each customer
    // "customers with orders > 5": the metric's words are led by the customers
    const joined = joinedAt(m.start) || CUSTOMER_BEFORE.test(text.slice(0, m.start));
    if (after && (CUSTOMER_AFTER.test(text.slice(after.span.end)) || countedPerCustomer || joined)) {
      found.push(perCustomer({ ...after, span: { start: m.start, end: after.span.end } }, metric, catalog));
      continue;
    }
    const threshold = after;
    // "revenue over 2025" is a period, "customers under 25" an age band: not conditions on a metric
    const taken = (s: Threshold['span']) =>
      [...analysis.timeTokens, ...analysis.matches].some((t) => t.start < s.end && t.end > s.start);
    // "流失率是20%吗" asks whether, it does not select: only a grouping makes "= value" a condition
    const grouped = analysis.matches.some((x) => x.targets.some((y) => y.target.kind === 'dimension'));
    if (threshold?.filter.op === 'eq' && !grouped) continue;
    if (threshold && !taken(threshold.span)) found.push(threshold);
  }
  return found;
}
