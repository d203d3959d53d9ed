import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import type { Intent } from '../../answer/answer-schema.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Members } from './members.ts';
import { countOfRate } from './metric-choice.ts';

/** Where a second ask starts: after a question mark, or after a comma and a joining word. */
const BOUNDARIES = [
  /[?？](?=\s*\S)/g,
  /[,，;；]\s*(?=(?:and\b|also\b|plus\b|then\b|又|还有|以及|另外|同时|并且|而且|再|那))/gi,
  /\s(?:and|also)\s+(?=(?:how|what|why|which|who|out of|is|are|did|does|was|were)\b)/gi,
];
/** Words that make a clause a question of its own. */
const ASKS =
  /多少|几[个位人单次]?|哪|为什么|为啥|什么|吗|\bhow\b|\bwhat\b|\bwhy\b|\bwhich\b|\bwho\b|\bis that\b/i;
/** A count asked in the clause ("how many active", "多少活跃"), before the words it counts. */
const COUNT = /how many|number of|多少|几个|几位/i;
const WHY = /为什么|为啥|为何|\bwhy\b/i;

export interface Clause {
  text: string;
  start: number;
  end: number;
}

/** The clauses after the first that ask something of their own ("…, and how many …?", "…？为什么？"). */
export function laterAsks(original: string): Clause[] {
  const cuts = new Set<number>();
  for (const re of BOUNDARIES) for (const m of original.matchAll(re)) cuts.add(m.index + m[0].length);
  const points = [...cuts].filter((c) => c > 0 && c < original.length).sort((a, b) => a - b);
  return points.flatMap((start, i) => {
    const end = points[i + 1] ?? original.length;
    const text = original
      .slice(start, end)
      .replace(/[?？。.!！,，\s]+$/, '')
      .trim();
    return text && ASKS.test(text) ? [{ text, start, end }] : [];
  });
}

const inside = (m: CatalogMatch, c: Clause) => m.start >= c.start && m.end <= c.end;

/**
 * "how many churned, and out of how many active at the start?": a later clause counting a value whose
 * name, with the people word, names a count metric ("active" → Active customers, 活跃 → 活跃客户数) asks
 * that metric too, never a filter on the first one.
 */
export function readLaterCounts(analysis: QuestionAnalysis, catalog: Catalog, members: Members): void {
  for (const clause of laterAsks(analysis.original)) {
    const count = COUNT.exec(clause.text);
    if (!count) continue;
    for (const m of analysis.matches) {
      const t = m.targets[0].target;
      if (t.kind !== 'value' || m.targets.length > 1 || !inside(m, clause)) continue;
      if (m.start < clause.start + count.index) continue;
      const dim = catalog.dimensions.find((d) => d.id === t.dimension);
      const v = dim?.values.find((x) => x.value === t.value);
      if (!v) continue;
      const metric = catalog.metrics.find(
        (x) =>
          x.format === 'count' &&
          (x.label.zh === `${v.label.zh}客户数` ||
            x.label.en.toLowerCase() === `${v.label.en} customers`.toLowerCase()),
      );
      if (!metric) continue;
      members.filters = members.filters.flatMap((f) => {
        if (f.member !== t.dimension || f.op !== 'in') return [f];
        const values = (f.values ?? []).filter((x) => x !== t.value);
        return values.length ? [{ ...f, values }] : [];
      });
      const left = members.valuesByDimension.get(t.dimension)?.filter((x) => x !== t.value) ?? [];
      if (left.length) members.valuesByDimension.set(t.dimension, left);
      else members.valuesByDimension.delete(t.dimension);
      if (!members.metrics.includes(metric.id)) members.metrics.push(metric.id);
    }
  }
}

/** The query keeps this value ("服务问题的又有多少" beside 物流: both in the compared filter). */
function filtersValue(query: SemanticQueryInput, dimension: string, value: string): boolean {
  return (query.filters ?? []).some(
    (f) => f.member === dimension && f.op === 'in' && (f.values ?? []).map(String).includes(value),
  );
}

/** The count metric named like a value's people ("active" → Active customers, 活跃 → 活跃客户数). */
export function countOfValue(catalog: Catalog, dimension: string, value: string) {
  const v = catalog.dimensions.find((d) => d.id === dimension)?.values.find((x) => x.value === value);
  if (!v) return undefined;
  return catalog.metrics.find(
    (x) =>
      x.format === 'count' &&
      (x.label.zh === `${v.label.zh}客户数` ||
        x.label.en.toLowerCase() === `${v.label.en} customers`.toLowerCase()),
  );
}

/**
 * "How many customers were active at the start of Q3": the plain count of people with one value whose people
 * name a count metric ("active" → Active customers) is that metric, not the count filtered by the value.
 */
export function countOfValuePeople(
  catalog: Catalog,
  metrics: string[],
  filters: SemanticQueryInput['filters'],
) {
  const plain = metrics.length === 1 ? metrics[0] : undefined;
  for (const f of filters ?? []) {
    if (!plain || f.op !== 'in' || f.values?.length !== 1) continue;
    const metric = countOfValue(catalog, f.member, String(f.values[0]));
    if (metric) return { metric: metric.id, filters: (filters ?? []).filter((x) => x !== f) };
  }
  return undefined;
}

/** Only a listing word between two figures ("total customers and churned customers", "客户数、流失客户数"). */
const LISTED_BETWEEN =
  /^\s*(?:,|&|and|plus|as well as|和|与|及|以及|、|，)\s*(?:the\s+)?(?:total\s+|number\s+of\s+)*$/i;

/** A people count listed beside another metric ("total n and n churned"): both figures are asked. */
function listedWithMetric(analysis: QuestionAnalysis, people: QuestionAnalysis['matches'][number]): boolean {
  const text = analysis.original;
  // "churn rate for customers and revenue": people after for/of/的 are whose figure it is, not a figure
  if (/(?:\bfor|\bof|\bamong|\bamongst|的)\s*(?:the\s+|our\s+|all\s+)?$/i.test(text.slice(0, people.start)))
    return false;
  return analysis.matches.some(
    (m) =>
      m !== people &&
      m.targets[0].target.kind === 'metric' &&
      (m.start >= people.end
        ? LISTED_BETWEEN.test(text.slice(people.end, m.start))
        : m.end <= people.start && LISTED_BETWEEN.test(text.slice(m.end, people.start))),
  );
}

/**
 * "How many customers pay by e-check, and how many of them churned?": a count of people in the first
 * ask ("how many customers") and a metric in a later one are both asked, the people count first.
 */
export function readFirstCount(analysis: QuestionAnalysis, members: Members): void {
  const generic = members.genericMetric;
  if (generic && listedWithMetric(analysis, generic.match)) {
    if (!members.metrics.includes(generic.metric)) members.metrics.unshift(generic.metric);
    return;
  }
  const later = laterAsks(analysis.original);
  if (!generic?.counted && !(generic && COUNT.test(analysis.original.slice(0, generic.match.start)))) return;
  if (later.length === 0 || generic.match.start >= later[0].start) return;
  const laterMetric = analysis.matches.some(
    (m) => m.targets[0].target.kind === 'metric' && later.some((c) => inside(m, c)),
  );
  if (laterMetric && !members.metrics.includes(generic.metric)) members.metrics.unshift(generic.metric);
}

/**
 * The later asks the final query does not answer: a clause is answered when a metric or a grouping it
 * names is in the query, or when it asks why and the answer is an explaining analysis. The rest is said
 * in the headline ("“how many responses is that based on” is not answered"), never dropped silently.
 */
export function unansweredAsks(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  query: SemanticQueryInput | null,
  intent: Intent,
): string[] {
  if (!query) return [];
  return laterAsks(analysis.original)
    .filter((clause) => {
      const named = analysis.matches.filter((m) => inside(m, clause));
      const used = named.some((m) =>
        m.targets.some((x) =>
          x.target.kind === 'metric'
            ? // "每类流失几位": the rate's word counted is its count of people (metric-choice.ts)
              query.metrics.includes(x.target.id) ||
              query.metrics.includes(countOfRate(catalog, x.target.id) ?? '')
            : x.target.kind === 'dimension'
              ? (query.dimensions ?? []).includes(x.target.id)
              : query.metrics.includes(countOfValue(catalog, x.target.dimension, x.target.value)?.id ?? '') ||
                filtersValue(query, x.target.dimension, x.target.value),
        ),
      );
      const explained = WHY.test(clause.text) && ['reasons', 'decomposition', 'drivers'].includes(intent);
      // "高吗?" after a figure is a judgement the figure answers; a count, a why or named words is an ask
      const concrete =
        COUNT.test(clause.text) ||
        WHY.test(clause.text) ||
        named.length > 0 ||
        analysis.unknown.some((t) => t.start >= clause.start && t.end <= clause.end);
      return concrete && !used && !explained;
    })
    .map((c) => c.text);
}
