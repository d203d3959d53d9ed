import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { CONDITION_VERBS } from '../lexicon/condition-verbs.ts';
import { VAGUE_DURATION_OFFERS } from '../lexicon/duration-words.ts';
import type { LeftoverTerm } from '../match/leftover-terms.ts';
import { combineTimeTokens } from '../time/resolve-time.ts';
import type { TimeToken } from '../time/scan-time.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { attributeWindowDays, bandAttribute, noneWithin } from './customer-conditions.ts';
import type { Draft } from './draft.ts';
import { say } from './messages.ts';
import { findThresholds, type Threshold } from './thresholds.ts';

const DAY = 86_400_000;
const VERBS = [...CONDITION_VERBS].sort((a, b) => b.length - a.length);

/** Moves a condition's start back over the verbs before it ("placed 5 or more orders", "提交工单3次以上"). */
function withVerbs(text: string, start: number): number {
  let at = start;
  for (;;) {
    const before = text.slice(0, at).replace(/\s+$/, '');
    const verb = VERBS.find(
      (v) => before.endsWith(v) && !/[a-z]/.test(before[before.length - v.length - 1] ?? ''),
    );
    if (!verb) return at;
    at = before.length - verb.length;
  }
}
const lengthInDays = (t: TimeToken) =>
  t.range ? Math.round((Date.parse(t.range.end) - Date.parse(t.range.start)) / DAY) : undefined;

type Found = { condition: Threshold; window: TimeToken }[];
/** Windows written with conditions: not the attribute's own (asked), or calendar periods (said back). */
type Windows = { mismatched: Found; calendar: Found };

/**
 * "spent 5000+ in the last 12 months", "近一年买过5次以上": a window right after a condition on a
 * customer attribute describes the attribute (12-month spend), not the period of the question. Returns
 * the conditions whose window is not the attribute's ("orders in the last 30 days" when the model holds
 * orders over 12 months), never silently read as another window.
 */
function dropAttributeWindows(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  conditions: Threshold[],
  draft: Draft,
  asOf: string,
): Windows {
  const text = analysis.folded;
  const describing = (tok: { start: number; end: number }) =>
    conditions.find(
      (c) =>
        (tok.start < c.span.end && tok.end > c.span.start) ||
        (tok.start >= c.span.end &&
          /^[\s,，]*(?:in|over|during|within|在)?\s*$/.test(text.slice(c.span.end, tok.start))) ||
        (tok.end <= c.span.start && /^[\s,，的]*$/.test(text.slice(tok.end, c.span.start))),
    );
  const mismatched: Found = [];
  const calendar: Found = [];
  const kept = analysis.timeTokens.filter((t) => {
    const c = t.kind === 'range' ? describing(t) : undefined;
    if (!c) return true;
    const d = catalog.dimensions.find((x) => x.id === c.filter.member);
    const held = d && attributeWindowDays(d);
    const asked = lengthInDays(t);
    if (held && asked && Math.abs(held - asked) > held * 0.1) mismatched.push({ condition: c, window: t });
    // "spent 10k last year": a calendar period, read as the attribute's trailing window and said so
    else if (held && t.range && t.range.end !== asOf) calendar.push({ condition: c, window: t });
    return false;
  });
  if (kept.length === analysis.timeTokens.length) return { mismatched, calendar };
  analysis.timeTokens = kept;
  analysis.time = combineTimeTokens(kept, analysis.original, asOf, analysis.language);
  draft.time = analysis.time;
  return { mismatched, calendar };
}

/**
 * Adds the possible conditions to the draft (filters on metric values, the metric added when not
 * asked for; filters on each customer's attributes), stops naming their words and the ranking's number
 * as unknown, and returns what must be asked instead of answered: impossible values ("流失率为-50%"), a
 * condition on each customer the model has no attribute for, a vague duration ("很久没来"), or a window
 * the model's attribute does not cover.
 */
export function applyThresholds(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  draft: Draft,
  asOf: string,
):
  | { words: LeftoverTerm[]; reason: string; alternatives?: { label: string; question: string }[] }
  | undefined {
  const lang = analysis.language === 'en' ? 'en' : 'zh';
  const thresholds = findThresholds(analysis, catalog);
  const taken = (s: { start: number; end: number }) =>
    thresholds.some((t) => t.span.start < s.end && t.span.end > s.start);
  const none = noneWithin(analysis.folded, catalog);
  if (none && !taken(none.span) && !draft.filters.some((f) => f.member === none.filter.member))
    thresholds.push({ ...none, possible: true });
  // "哪些客户超过两个月没来买": the words of a condition on each customer are not also one on a metric
  const overlaps = (a: Threshold, b: Threshold) => a.span.start < b.span.end && a.span.end > b.span.start;
  const inCondition = (t: Threshold) =>
    t.metric && thresholds.some((c) => !c.metric && c !== t && overlaps(c, t));
  for (const t of thresholds.filter(inCondition)) thresholds.splice(thresholds.indexOf(t), 1);
  const onCustomers = thresholds.filter((t) => !t.metric && !t.noAttribute);
  for (const t of onCustomers) t.span = { ...t.span, start: withVerbs(analysis.folded, t.span.start) };
  // a condition on each customer is a filter, not a grouping by the attribute
  const conditioned = new Set(onCustomers.map((t) => t.filter.member));
  const banded = (id: string) => {
    const band = catalog.dimensions.find((d) => d.id === id);
    return band?.type === 'numeric_band' && conditioned.has(bandAttribute(catalog, band)?.id ?? '');
  };
  draft.dimensions = draft.dimensions.filter((d) => !conditioned.has(d) && !banded(d));
  const note = (text: string) => {
    draft.conditionNotes = [...(draft.conditionNotes ?? []), text];
  };
  const { mismatched, calendar } = dropAttributeWindows(analysis, catalog, onCustomers, draft, asOf);
  for (const { condition, window } of calendar) {
    const d = catalog.dimensions.find((x) => x.id === condition.filter.member);
    if (d) note(say.trailingWindow(window.text, d.label[lang], lang));
  }
  const spans = [draft.ranking.span, ...thresholds.map((t) => t.span)].filter((s) => s !== undefined);
  analysis.unknown = analysis.unknown.filter((t) => spans.every((s) => t.end <= s.start || t.start >= s.end));
  for (const t of thresholds.filter((x) => x.possible && !x.noAttribute && !x.vague)) {
    draft.filters.push(t.filter);
    if (t.metric && !draft.metrics.includes(t.metric)) draft.metrics.push(t.metric);
    // the metric's own words described the customers, not the figure asked for
    if (t.readAs) draft.metrics = draft.metrics.filter((id) => id !== t.readAs?.metric.id);
    if (t.readAs) draft.perCustomer = [...(draft.perCustomer ?? []), t.readAs];
    if (t.converted) note(say.durationDays(t.converted, Number(t.filter.values[0]), lang));
  }
  const words = (s: { start: number; end: number }) => ({
    ...s,
    text: analysis.original.slice(s.start, s.end),
  });
  const texts = (ws: LeftoverTerm[]) => ws.map((w) => w.text.trim());
  const impossible = thresholds.filter((t) => !t.possible).map((t) => words(t.span));
  if (impossible.length > 0)
    return { words: impossible, reason: say.impossibleValue(texts(impossible), lang) };
  const noAttribute = thresholds.filter((t) => t.noAttribute).map((t) => words(t.span));
  if (noAttribute.length > 0)
    return { words: noAttribute, reason: say.noPerCustomerAttribute(texts(noAttribute), lang) };
  const vague = thresholds.find((t) => t.vague);
  if (vague?.vague) {
    const w = [words(vague.span)];
    const label = catalog.dimensions.find((d) => d.id === vague.filter.member)?.label[lang] ?? '';
    const { start, end } = vague.vague;
    const text = analysis.original;
    // each threshold offered is the question with the vague words replaced ("很久没来" → "超过60天没来")
    const alternatives = VAGUE_DURATION_OFFERS.map((n) => ({
      label: say.overDays(n, lang),
      question: `${text.slice(0, start)}${say.overDays(n, lang)}${text.slice(end)}`,
    }));
    return { words: w, reason: say.vagueDuration(texts(w), label, lang), alternatives };
  }
  if (mismatched.length > 0) {
    const { condition, window } = mismatched[0];
    const d = catalog.dimensions.find((x) => x.id === condition.filter.member);
    const w = [words(condition.span), words(window)];
    return { words: w, reason: say.otherWindow(window.text, d?.label[lang] ?? '', lang) };
  }
  return undefined;
}
