import type { Catalog, CatalogDimension, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import { ENTITY_WORDS } from '../lexicon/generic-words.ts';
import type { MatchTarget } from '../match/catalog-index.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { CueHit, QuestionAnalysis } from './analyse-question.ts';

/** Words that matched several members equally well, even after using the metric to choose. */
export interface Ambiguity {
  match: CatalogMatch;
  targets: MatchTarget[];
}

/** The members a question names, turned into query parts. */
export interface Members {
  metrics: string[];
  /** A bare "客户/customers" read as a metric: only a count cue makes it one. */
  genericMetric?: { match: CatalogMatch; metric: string };
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
}

const ENTITY_KEYS = new Set(ENTITY_WORDS.map(normaliseKey));
const CONNECTORS = /^[\s、,，和与及或跟/]*(?:and|or)?[\s、,，]*$/i;

/** True when only spaces (and 的) stand between a cue and the words after it. */
function adjacent(original: string, cueEnd: number, start: number, maxGap = 1): boolean {
  if (cueEnd > start) return false;
  const gap = original.slice(cueEnd, start).replace(/\s+/g, '');
  return gap.length <= maxGap && /^[的]?$/.test(gap);
}

/** Whether a cue of the given kind stands right before a span. */
export function cueBefore(
  analysis: QuestionAnalysis,
  kind: CueHit['cue'],
  start: number,
  maxGap = 1,
): boolean {
  return analysis.cues.some(
    (c) => c.cue === kind && !c.insideCatalog && adjacent(analysis.original, c.end, start, maxGap),
  );
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
  const metricMatches = analysis.matches.filter((m) => m.targets[0].target.kind === 'metric');
  for (const m of metricMatches) {
    const ids = m.targets.map((t) => (t.target.kind === 'metric' ? t.target.id : ''));
    if (ids.length > 1) out.ambiguities.push({ match: m, targets: m.targets.map((t) => t.target) });
    else if (ENTITY_KEYS.has(m.key)) out.genericMetric ??= { match: m, metric: ids[0] };
    else if (!out.metrics.includes(ids[0])) out.metrics.push(ids[0]);
  }
  const allowed = new Set(
    out.metrics.flatMap((id) => catalog.metrics.find((m) => m.id === id)?.dimensions ?? []),
  );
  const named = new Set(
    analysis.matches.flatMap((m) => m.targets.map((t) => (t.target.kind === 'dimension' ? t.target.id : ''))),
  );
  let negatedBefore: CatalogMatch | null = null;
  const filterValues = new Map<string, { in: string[]; out: string[] }>();
  for (const m of analysis.matches) {
    let targets = m.targets.map((t) => t.target);
    if (targets.length > 1 && allowed.size > 0) {
      const fit = targets.filter(
        (t) => t.kind === 'metric' || allowed.has(t.kind === 'value' ? t.dimension : t.id),
      );
      if (fit.length > 0) targets = fit;
    }
    if (targets.length > 1) {
      const mentioned = targets.filter((t) => t.kind === 'value' && named.has(t.dimension));
      if (mentioned.length > 0) targets = mentioned;
    }
    const t = targets[0];
    if (t.kind === 'metric') {
      out.understood.push({ text: m.text, meaning: describe(t, catalog, lang) });
      continue;
    }
    if (targets.length > 1) {
      out.ambiguities.push({ match: m, targets });
      continue;
    }
    out.understood.push({ text: m.text, meaning: describe(t, catalog, lang) });
    if (t.kind === 'dimension') {
      const dim = catalog.dimensions.find((d) => d.id === t.id)!;
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
    const entry = filterValues.get(t.dimension) ?? { in: [], out: [] };
    const list = negated ? entry.out : entry.in;
    if (!list.includes(t.value)) list.push(t.value);
    filterValues.set(t.dimension, entry);
  }
  for (const [dimension, v] of filterValues) {
    if (v.in.length > 0) out.filters.push({ member: dimension, op: 'in', values: v.in });
    if (v.out.length > 0) out.filters.push({ member: dimension, op: 'not_in', values: v.out });
    out.valuesByDimension.set(dimension, v.in);
  }
  // a dimension named next to its own value is the value's label ("地区 华南"), not a grouping
  out.dimensions = out.dimensions.filter((d) => out.groupedBy.has(d) || !filterValues.has(d));
  return out;
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
