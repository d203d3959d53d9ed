import type { Catalog, CatalogMetric } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import {
  THRESHOLD_LEAD_INS,
  THRESHOLD_SUFFIXES,
  THRESHOLD_UNITS,
  THRESHOLD_WORDS,
} from '../lexicon/threshold-words.ts';
import type { LeftoverTerm } from '../match/leftover-terms.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Draft } from './draft.ts';

/** A condition on a metric's value ("客单价超过200元" → avg_order_value > 200). */
export interface Threshold {
  metric: string;
  filter: Filter;
  /** Where the comparison and the number were written (so they are not named back as unknown). */
  span: { start: number; end: number };
  /** False for a value the metric cannot take (a negative rate, a share above 100%). */
  possible: boolean;
}

type Op = keyof typeof THRESHOLD_WORDS;
const byLength = (a: string, b: string) => b.length - a.length;
const OP_WORDS = (Object.entries(THRESHOLD_WORDS) as [Op, string[]][])
  .flatMap(([op, words]) => words.map((w) => ({ op, w })))
  .sort((a, b) => byLength(a.w, b.w));
const LEAD_INS = [...THRESHOLD_LEAD_INS].sort(byLength);
const UNITS = Object.keys(THRESHOLD_UNITS).sort(byLength);
const SUFFIXES = Object.keys(THRESHOLD_SUFFIXES).sort(byLength);
const NUMBER = /^-?\d+(?:\.\d+)?/;

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

/** Reads "<metric> [lead-in] <comparison> <number>[unit][以上/以下]" after one metric's words. */
function readAfter(text: string, from: number, metric: CatalogMetric): Threshold | null {
  let at = from;
  const opWords = OP_WORDS.map((o) => o.w);
  const lead = wordAt(text, at, LEAD_INS);
  // "流失率是20%" (是 compares), "流失率在20%以上" (在 leads in), "AOV is above 200"
  const opWord = (lead && wordAt(text, lead.end, opWords)) || wordAt(text, at, opWords);
  let op: Op | undefined = opWord ? OP_WORDS.find((o) => o.w === opWord.word)?.op : undefined;
  if (opWord) at = opWord.end;
  else if (lead) at = lead.end;
  while (text[at] === ' ') at++;
  const num = NUMBER.exec(text.slice(at));
  if (!num) return null;
  at += num[0].length;
  let value = Number(num[0]);
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
  // a rate is stored as a share: "20%" and "流失率超过20" both mean 0.2
  if (metric.format === 'percent' && (meaning.percent || Math.abs(value) > 1)) value /= 100;
  return {
    metric: metric.id,
    filter: { member: metric.id, op, values: [value] },
    span: { start: from, end: at },
    possible: possibleValue(metric, value),
  };
}

/** Conditions on metric values written right after a metric's words (CONVENTIONS.md "Members"). */
export function findThresholds(analysis: QuestionAnalysis, catalog: Catalog): Threshold[] {
  const found: Threshold[] = [];
  for (const m of analysis.matches) {
    const t = m.targets[0].target;
    if (m.targets.length !== 1 || t.kind !== 'metric') continue;
    const metric = catalog.metrics.find((x) => x.id === t.id);
    const threshold = metric && readAfter(analysis.folded, m.end, metric);
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

/**
 * Adds the possible conditions to the draft (filters on metric values, the metric added when not
 * asked for), stops naming their words and the ranking's number as unknown, and returns the words
 * of impossible ones ("流失率为-50%") for a clarify.
 */
export function applyThresholds(analysis: QuestionAnalysis, catalog: Catalog, draft: Draft): LeftoverTerm[] {
  const thresholds = findThresholds(analysis, catalog);
  const spans = [draft.ranking.span, ...thresholds.map((t) => t.span)].filter((s) => s !== undefined);
  analysis.unknown = analysis.unknown.filter((t) => spans.every((s) => t.end <= s.start || t.start >= s.end));
  for (const t of thresholds.filter((x) => x.possible)) {
    draft.filters.push(t.filter);
    if (!draft.metrics.includes(t.metric)) draft.metrics.push(t.metric);
  }
  return thresholds
    .filter((t) => !t.possible)
    .map((t) => ({ ...t.span, text: analysis.original.slice(t.span.start, t.span.end) }));
}
