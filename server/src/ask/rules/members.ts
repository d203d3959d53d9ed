import type { Catalog, CatalogDimension, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import { ACTOR_AFTER } from '../lexicon/act-on-customer-words.ts';
import { CUE_WORDS } from '../lexicon/cue-words.ts';
import { ENTITY_WORDS, PURPOSE_AFTER } from '../lexicon/generic-words.ts';
import { LEAVING_AFTER } from '../lexicon/shape-patterns.ts';
import { type MatchTarget, namesBothValues, RANK, yesNoValues } from '../match/catalog-index.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import { sayActor } from './act-on-customers.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { adjacent, cueBefore } from './cue-position.ts';
import { say } from './messages.ts';
import { readMetricWords } from './metric-words.ts';
import { numberedSiblings, peopleHavingIt, valuesDescribingPeople } from './value-groups.ts';
import { againstTheRest, readPopulation, restrictionsByDefinition } from './words-accounted.ts';

/** Words that matched several members equally well, even after using the metric to choose. */
export interface Ambiguity {
  match: CatalogMatch;
  targets: MatchTarget[];
}

/** The members a question names, turned into query parts. */
export interface Members {
  metrics: string[];
  /** A bare "客户/customers" read as a metric: only a count cue makes it one. */
  genericMetric?: { match: CatalogMatch; metric: string; counted: boolean };
  dimensions: string[];
  /** Dimensions named with 按/by/哪些/which. */
  groupedBy: Set<string>;
  timeDimension?: string;
  filters: Filter[];
  /** Values named for a dimension, in question order (a comparison has two or more). */
  valuesByDimension: Map<string, string[]>;
  /** Value matches, for risk-list cues ("哪些高价值客户"). */
  valueMatches: CatalogMatch[];
  ambiguities: Ambiguity[];
  understood: { text: string; meaning: string }[];
  /** Dimensions whose values were joined by "or" ("rated 1 or 2"): one group, not groups compared. */
  unions?: Set<string>;
  /** A comparison said inside a metric's name ("流失率环比变化"). */
  compare?: 'previous_period' | 'same_period_last_year';
}

const ENTITY_KEYS = new Set(ENTITY_WORDS.map(normaliseKey));
const COUNT_KEYS = CUE_WORDS.count.map(normaliseKey);

/** "客户", "customers", or a count of them ("多少客户"): people in general, not a metric of their own. */
function peopleWord(key: string): { counted: boolean } | null {
  if (ENTITY_KEYS.has(key)) return { counted: false };
  const count = COUNT_KEYS.find((c) => key.startsWith(c) && ENTITY_KEYS.has(key.slice(c.length).trim()));
  return count ? { counted: true } : null;
}
const CONNECTORS = /^[\s、,，和与及或跟/]*(?:and|or)?[\s、,，]*$/i;

/** "(completed orders only)", "(仅含已完成订单)": a restriction said in brackets or with only/仅 after it. */
const RESTRICTION_AFTER = /^[^()（）]{0,3}?\s*(?:only|alone)\b/i;

/**
 * "Revenue for FY2025 (completed orders only)": a metric word inside brackets, or followed by "only", beside
 * another metric outside them restricts what is counted; it is not a second figure asked. The metric is dropped
 * and its words are named back as not used (the answer uses the metric's own definition).
 */
function restrictedMetrics(analysis: QuestionAnalysis, matches: CatalogMatch[], out: Members): void {
  if (out.metrics.length < 2) return;
  const text = analysis.original;
  const bracketed = (m: CatalogMatch) => {
    const open = Math.max(text.lastIndexOf('(', m.start), text.lastIndexOf('（', m.start));
    const close = Math.max(text.lastIndexOf(')', m.start), text.lastIndexOf('）', m.start));
    return open > close && /[)）]/.test(text.slice(m.end));
  };
  const metricMatches = matches.filter(
    (m) => m.targets.length === 1 && m.targets[0].target.kind === 'metric',
  );
  const restricted = metricMatches.filter(
    (m) =>
      bracketed(m) ||
      RESTRICTION_AFTER.test(text.slice(m.end)) ||
      /(?:仅|只)(?:含|限|算|计)$/.test(text.slice(0, m.start).trimEnd()),
  );
  const idOf = (m: CatalogMatch) => (m.targets[0].target.kind === 'metric' ? m.targets[0].target.id : '');
  const kept = metricMatches.filter((m) => !restricted.includes(m)).map(idOf);
  if (restricted.length === 0 || kept.length === 0) return;
  for (const m of restricted) {
    if (kept.includes(idOf(m))) continue;
    out.metrics = out.metrics.filter((id) => id !== idOf(m));
    analysis.unknown = [...analysis.unknown, { text: m.text, start: m.start, end: m.end }].sort(
      (a, b) => a.start - b.start,
    );
  }
}

/** Picks members out of the matches; resolves ambiguous values with the metric's allowed dimensions. */
export function resolveMembers(analysis: QuestionAnalysis, catalog: Catalog): Members {
  const lang = analysis.language;
  const out: Members = {
    metrics: [],
    dimensions: [],
    groupedBy: new Set(),
    filters: [],
    valuesByDimension: new Map(),
    valueMatches: [],
    ambiguities: [],
    understood: [],
  };
  const { matches, compare, population } = readMatches(analysis, catalog);
  out.compare = compare;
  readPopulation(analysis, catalog, matches, population, out);
  for (const m of matches) {
    if (m.targets[0].target.kind !== 'metric') continue;
    const ids = m.targets.map((t) => (t.target.kind === 'metric' ? t.target.id : ''));
    if (ids.length > 1) out.ambiguities.push({ match: m, targets: m.targets.map((t) => t.target) });
    else if (peopleWord(m.key)) out.genericMetric ??= { match: m, metric: ids[0], ...peopleWord(m.key)! };
    else if (!out.metrics.includes(ids[0])) out.metrics.push(ids[0]);
  }
  restrictedMetrics(analysis, matches, out);
  restrictionsByDefinition(analysis, catalog, matches, out);
  const allowed = new Set(
    out.metrics.flatMap((id) => catalog.metrics.find((m) => m.id === id)?.dimensions ?? []),
  );
  const named = new Set(
    matches.flatMap((m) => m.targets.map((t) => (t.target.kind === 'dimension' ? t.target.id : ''))),
  );
  const valued = new Set(
    matches.flatMap((m) => m.targets.map((t) => (t.target.kind === 'value' ? t.target.dimension : ''))),
  );
  const dimensionOf = (id: string) => catalog.dimensions.find((d) => d.id === id)!;
  let negatedBefore: CatalogMatch | null = null;
  const deferred: Ambiguity[] = [];
  const filterValues = new Map<string, { in: string[]; out: string[] }>();
  for (const m of matches) {
    let targets = m.targets.map((t) => t.target);
    // "明天外呼用": a value said as what the answer is for is a purpose, not a filter
    if (targets.every((t) => t.kind === 'value') && PURPOSE_AFTER.test(analysis.original.slice(m.end))) {
      out.understood.push({ text: m.text, meaning: say.purpose(m.text, lang) });
      continue;
    }
    // "my store teams": a value naming who acts is no filter on the customers (rules/act-on-customers.ts)
    const actor =
      targets.every((t) => t.kind === 'value') && ACTOR_AFTER.exec(analysis.original.slice(m.end));
    if (actor) {
      const end = m.end + actor[0].length;
      analysis.unknown = analysis.unknown.filter((t) => t.end <= m.start || t.start >= end);
      out.understood.push({ text: m.text, meaning: sayActor(m.text, lang) });
      continue;
    }
    if (targets.length > 1 && allowed.size > 0) {
      const fit = targets.filter(
        (t) => t.kind === 'metric' || allowed.has(t.kind === 'value' ? t.dimension : t.id),
      );
      if (fit.length > 0) targets = fit;
    }
    if (targets.length > 1) {
      // a value of a dimension named in the question; a dimension whose value is named
      const mentioned = targets.filter((t) =>
        t.kind === 'value' ? named.has(t.dimension) : t.kind === 'dimension' && valued.has(t.id),
      );
      if (mentioned.length > 0) targets = mentioned;
    }
    // with no metric named ("点解咁多客户因为物流走咗"), the cause is of the default metric's event (churn)
    if (targets.length > 1 && namedAsCause(analysis, m))
      targets = causeOf(targets, out.metrics.length ? out.metrics : [catalog.defaultMetric], catalog);
    const t = targets[0];
    if (t.kind === 'metric') {
      out.understood.push({ text: m.text, meaning: describe(t, catalog, lang) });
      continue;
    }
    if (targets.length > 1) {
      if (targets.every((x) => x.kind === 'value')) deferred.push({ match: m, targets });
      else out.ambiguities.push({ match: m, targets });
      continue;
    }
    out.understood.push({ text: m.text, meaning: describe(t, catalog, lang) });
    const both =
      t.kind === 'dimension' && namesBothValues(m.key) ? yesNoValues(dimensionOf(t.id)) : undefined;
    if (both && t.kind === 'dimension') {
      // "with and without tech support": the two values compared
      out.valueMatches.push(m);
      filterValues.set(t.id, { in: [both.yes, both.no], out: [] });
      continue;
    }
    if (t.kind === 'dimension') {
      const dim = catalog.dimensions.find((d) => d.id === t.id)!;
      const none = peopleHavingIt(analysis, m, dim);
      if (none) {
        // "宽带用户的流失率": the people who have the service, not a split by its kinds
        filterValues.set(dim.id, { in: [], out: [none] });
        continue;
      }
      if (dim.type === 'time') out.timeDimension = dim.id;
      else if (!out.dimensions.includes(dim.id)) out.dimensions.push(dim.id);
      if (cueBefore(analysis, 'byDimension', m.start) || cueBefore(analysis, 'which', m.start))
        out.groupedBy.add(dim.id);
      continue;
    }
    out.valueMatches.push(m);
    const negated: boolean =
      cueBefore(analysis, 'negation', m.start, 2) ||
      (negatedBefore !== null && CONNECTORS.test(analysis.original.slice(negatedBefore.end, m.start)));
    negatedBefore = negated ? m : null;
    // the chip says what ran: "筛选：价值分层 ≠ 高价值", never "=" for an excluded value
    if (negated) {
      const said = [...out.understood].reverse().find((u) => u.text === m.text);
      if (said) said.meaning = said.meaning.replace(' = ', ' ≠ ');
    }
    const entry = filterValues.get(t.dimension) ?? { in: [], out: [] };
    const list = negated ? entry.out : entry.in;
    if (!list.includes(t.value)) list.push(t.value);
    filterValues.set(t.dimension, entry);
  }
  // "因为物流问题流失了多少？服务问题的又有多少？": a value several dimensions share, set beside a value
  // already read in one of them, is of that dimension (the same list)
  for (const d of deferred) {
    const same = d.targets.filter((x) => x.kind === 'value' && filterValues.has(x.dimension));
    const t = same[0];
    if (same.length !== 1 || t.kind !== 'value') {
      out.ambiguities.push(d);
      continue;
    }
    out.understood.push({ text: d.match.text, meaning: describe(t, catalog, lang) });
    out.valueMatches.push(d.match);
    const entry = filterValues.get(t.dimension)!;
    if (!entry.in.includes(t.value)) entry.in.push(t.value);
  }
  bothSides(analysis, catalog, out, filterValues);
  numberedSiblings(analysis, catalog, out, filterValues);
  valuesDescribingPeople(analysis, out, filterValues);
  // "券客和非券客": a yes-no trait named as its people beside its own no value ("非…") is both sides
  for (const id of out.dimensions) {
    const sides = yesNoValues(dimensionOf(id));
    const entry = filterValues.get(id);
    if (sides && entry?.in.length === 1 && entry.in[0] === sides.no) entry.in.unshift(sides.yes);
  }
  againstTheRest(analysis, matches, out, filterValues);
  for (const [dimension, v] of filterValues) {
    if (v.in.length > 0) out.filters.push({ member: dimension, op: 'in', values: v.in });
    if (v.out.length > 0) out.filters.push({ member: dimension, op: 'not_in', values: v.out });
    out.valuesByDimension.set(dimension, v.in);
  }
  // a dimension named next to its own value is the value's label ("地区 华南"), not a grouping
  out.dimensions = out.dimensions.filter((d) => out.groupedBy.has(d) || !filterValues.has(d));
  for (const [i, d] of out.dimensions.entries()) {
    const own = metricsOwnDimension(d, out.metrics, catalog);
    if (own === d) continue;
    out.dimensions[i] = own;
    if (out.groupedBy.delete(d)) out.groupedBy.add(own);
  }
  applyYesDimensions(out, catalog);
  return out;
}

/** The matches with the metric words read together (metric-words.ts). */
function readMatches(
  analysis: QuestionAnalysis,
  catalog: Catalog,
): { matches: CatalogMatch[]; compare: Members['compare']; population: CatalogMatch[] } {
  const metricMatches = analysis.matches.filter(
    (m) => m.targets.length === 1 && m.targets[0].target.kind === 'metric' && !peopleWord(m.key),
  );
  const reading = readMetricWords(metricMatches, analysis, catalog);
  const replaced = new Map<CatalogMatch, CatalogMatch>();
  for (const m of reading.metrics) {
    const original = metricMatches.find((x) => x.start === m.start && x.end === m.end);
    if (original) replaced.set(original, m);
  }
  for (const v of reading.values)
    replaced.set(v.match, { ...v.match, targets: [{ target: v.target, rank: RANK.value }] });
  const matches = analysis.matches.flatMap((m) =>
    !metricMatches.includes(m) ? [m] : replaced.has(m) ? [replaced.get(m)!] : [],
  );
  return { matches, compare: reading.compare, population: reading.population ?? [] };
}

/**
 * The value is said as what caused the metric: after a word of cause ("因为物流问题流失"), before one
 * ("响应慢导致的流失", "price-driven churn"), right before the metric's own verb ("竞争对手抢走了多少客户"), or
 * before a verb of leaving ("价格原因走掉的那些客户").
 */
function namedAsCause(analysis: QuestionAnalysis, m: CatalogMatch): boolean {
  if (cueBefore(analysis, 'cause', m.start)) return true;
  const after = analysis.cues.some(
    (c) => c.cue === 'causeAfter' && adjacent(analysis.original, m.end, c.start, 0),
  );
  const metricNext = analysis.matches.some(
    (x) => x.targets[0].target.kind === 'metric' && adjacent(analysis.original, m.end, x.start, 0),
  );
  // "价格原因走掉的那些客户": a verb of leaving right after the value is understood with it
  const leaving = LEAVING_AFTER.exec(analysis.folded.slice(m.end));
  if (leaving) {
    const end = m.end + leaving[0].length;
    analysis.unknown = analysis.unknown.filter((u) => !(u.start >= m.end && u.start < end));
  }
  return after || metricNext || leaving !== null;
}

/**
 * "Tickets by category": a grouping word that ends another dimension's name whose rest names the metric
 * (Ticket category = "ticket" + category; 工单类别) is that dimension, the metric's own. Catalog-derived.
 */
function metricsOwnDimension(id: string, metrics: string[], catalog: Catalog): string {
  const dim = catalog.dimensions.find((d) => d.id === id);
  if (!dim || metrics.length === 0) return id;
  const names = metrics.flatMap((m) => {
    const metric = catalog.metrics.find((x) => x.id === m);
    return metric ? [metric.label.en.toLowerCase(), metric.label.zh, metric.id] : [];
  });
  const own = catalog.dimensions.filter((e) => {
    if (e.id === id) return false;
    return (['en', 'zh'] as const).some((lang) => {
      const word = dim.label[lang].toLowerCase();
      const name = e.label[lang].toLowerCase();
      if (name === word || !name.endsWith(word)) return false;
      const rest = name.slice(0, name.length - word.length).trim();
      return rest.length >= 2 && names.some((n) => n.includes(rest));
    });
  });
  return own.length === 1 ? own[0].id : id;
}

/** Two-character pieces of a label, to tell which dimension a metric's words share. */
const bigrams = (s: string) => new Set([...s].slice(0, -1).map((_, i) => s.slice(i, i + 2)));

/**
 * "因为物流问题流失的客户": a value shared by several dimensions, after a word of cause, is the one of the
 * dimension named like the question's metric (流失原因 for 流失客户数), when exactly one is.
 */
function causeOf(targets: MatchTarget[], metrics: string[], catalog: Catalog): MatchTarget[] {
  const metricPieces = metrics.flatMap((id) => [
    ...bigrams(catalog.metrics.find((m) => m.id === id)!.label.zh),
  ]);
  const shared = targets.filter((t) => {
    const dim = catalog.dimensions.find((d) => d.id === (t.kind === 'value' ? t.dimension : ''));
    return dim !== undefined && [...bigrams(dim.label.zh)].some((b) => metricPieces.includes(b));
  });
  return shared.length === 1 ? shared : targets;
}

/**
 * "churn rate with tech support vs without", "compare with and without it": the one yes-no dimension
 * the question names (bare, or by one of its values) is compared on both its values.
 */
function bothSides(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  out: Members,
  filterValues: Map<string, { in: string[]; out: string[] }>,
): void {
  if (!analysis.cues.some((c) => c.cue === 'withAndWithout' && !c.insideCatalog)) return;
  const named = catalog.dimensions.filter((d) => {
    if (!yesNoValues(d)) return false;
    const v = filterValues.get(d.id);
    return out.dimensions.includes(d.id) || (v !== undefined && v.in.length + v.out.length === 1);
  });
  if (named.length !== 1) return;
  const both = yesNoValues(named[0])!;
  filterValues.set(named[0].id, { in: [both.yes, both.no], out: [] });
  out.dimensions = out.dimensions.filter((d) => d !== named[0].id);
}

/**
 * A yes-no dimension named as a kind of customer ("senior citizens churn rate", "无纸化账单用户") rather
 * than after 按/by means its yes value.
 */
function applyYesDimensions(out: Members, catalog: Catalog): void {
  for (const id of [...out.dimensions]) {
    const dim = catalog.dimensions.find((d) => d.id === id);
    if (dim?.type !== 'boolean' || out.groupedBy.has(id)) continue;
    const yes = dim.values.find((v) => v.value === 'true');
    if (!yes) continue;
    out.dimensions = out.dimensions.filter((d) => d !== id);
    out.filters.push({ member: id, op: 'in', values: [yes.value] });
    out.valuesByDimension.set(id, [yes.value]);
  }
}

/** "指标：流失率" / "filter: Region = South China". */
export function describe(t: MatchTarget, catalog: Catalog, lang: Lang): string {
  const zh = lang === 'zh';
  if (t.kind === 'metric')
    return `${zh ? '指标：' : 'metric: '}${catalog.metrics.find((m) => m.id === t.id)?.label[lang] ?? t.id}`;
  const dim = catalog.dimensions.find(
    (d) => d.id === (t.kind === 'value' ? t.dimension : t.id),
  ) as CatalogDimension;
  if (t.kind === 'dimension') return `${zh ? '维度：' : 'dimension: '}${dim.label[lang]}`;
  const v = dim.values.find((x) => x.value === t.value);
  return `${zh ? '筛选：' : 'filter: '}${dim.label[lang]} = ${v?.label[lang] ?? t.value}`;
}
