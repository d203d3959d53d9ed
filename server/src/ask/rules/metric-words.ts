import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { COMPARE_WORDS } from '../lexicon/compare-words.ts';
import { ENTITY_WORDS, SCORING_CONNECTOR, VALUE_CONNECTORS } from '../lexicon/generic-words.ts';
import { catalogIndex, type MatchTarget } from '../match/catalog-index.ts';
import type { CatalogMatch } from '../match/match-catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';

const ENTITY_KEYS = ENTITY_WORDS.map(normaliseKey);
/** Words listing several things ("流失率和收入", "churn and revenue"): each metric is then meant. */
const LISTING = /[和与及、,，/&+]|以及|还有|对比|\b(?:and|or|vs|versus|plus)\b/i;
/** What may stand between a metric word and a value it describes ("满意度只有1分", "score of 5"). */
const CONNECTOR_KEYS = new Set([...VALUE_CONNECTORS.zh, ...VALUE_CONNECTORS.en].map(normaliseKey));

/** What the metric words of a question come to once read together. */
export interface MetricReading {
  /** Metric matches that stay metrics, in question order. */
  metrics: CatalogMatch[];
  /** Metric words that name a dimension value instead ("won-back customers" → lifecycle stage). */
  values: { match: CatalogMatch; target: MatchTarget }[];
  /** A comparison said inside a metric's name ("流失率环比变化"). */
  compare?: keyof typeof COMPARE_WORDS;
  /** Counts of people read as another metric's population ("流失会员的挽回率"): not metrics, said back. */
  population?: CatalogMatch[];
}

const metricId = (m: CatalogMatch) => (m.targets[0].target.kind === 'metric' ? m.targets[0].target.id : '');

function memberNames(label: { zh: string; en: string }, synonyms: { zh: string[]; en: string[] }) {
  return [label.zh, label.en, ...synonyms.zh, ...synonyms.en].map(normaliseKey);
}

/** "满意度只有1分": the metric word is part of the name of the value's dimension, not a metric. */
function describesValue(m: CatalogMatch, analysis: QuestionAnalysis, catalog: Catalog): boolean {
  return analysis.matches.some((v) => {
    const t = v.targets[0].target;
    if (t.kind !== 'value' || v.start < m.end) return false;
    const between = analysis.original.slice(m.end, v.start);
    if (!CONNECTOR_KEYS.has(normaliseKey(between)) && !SCORING_CONNECTOR.test(between)) return false;
    const dim = catalog.dimensions.find((d) => d.id === t.dimension);
    return dim !== undefined && memberNames(dim.label, dim.synonyms).some((n) => n.includes(m.key));
  });
}

/**
 * Several metric words that together name one metric ("revenue … lose to churn" → lost revenue;
 * "工单平均多久能解决" → resolution time): the metric one of whose names contains every other word.
 */
function composedMetric(matches: CatalogMatch[], analysis: QuestionAnalysis, catalog: Catalog) {
  const ids = [...new Set(matches.map(metricId))];
  if (ids.length < 2) return undefined;
  for (let i = 1; i < matches.length; i++) {
    if (LISTING.test(analysis.original.slice(matches[i - 1].end, matches[i].start))) return undefined;
  }
  const fits = catalog.metrics.filter((c) => {
    const others = matches.filter((m) => metricId(m) !== c.id).map((m) => m.key);
    return (
      others.length > 0 && memberNames(c.label, c.synonyms).some((n) => others.every((k) => n.includes(k)))
    );
  });
  return fits.find((c) => ids.includes(c.id)) ?? fits[0];
}

/**
 * "Revenue from won-back customers": a count of people named next to another metric, whose words
 * without the people word name a dimension value, is that value (a segment), not a second metric.
 */
function segmentValue(m: CatalogMatch, catalog: Catalog, others: CatalogMatch[]): MatchTarget | undefined {
  const metric = catalog.metrics.find((x) => x.id === metricId(m));
  const otherIsMeasure = others.some(
    (o) => catalog.metrics.find((x) => x.id === metricId(o))?.format !== 'count',
  );
  if (metric?.format !== 'count' || !otherIsMeasure) return undefined;
  const entity = ENTITY_KEYS.find((e) => m.key.endsWith(` ${e}`) || m.key.endsWith(e));
  if (!entity) return undefined;
  const stem = m.key.slice(0, -entity.length).trim();
  const values = (catalogIndex(catalog).keys.get(stem) ?? []).filter((t) => t.target.kind === 'value');
  return values.length === 1 ? values[0].target : undefined;
}

/**
 * "Purchase frequency of app buyers", "华东的购买客户的客单价": a count of people written right after a
 * value, beside another metric, says whose metric it is (the value's people), not a second metric.
 */
function peopleOfValue(
  m: CatalogMatch,
  analysis: QuestionAnalysis,
  catalog: Catalog,
  kept: CatalogMatch[],
): boolean {
  const metric = catalog.metrics.find((x) => x.id === metricId(m));
  const others = kept.filter((o) => metricId(o) !== metricId(m));
  if (metric?.format !== 'count' || others.length === 0) return false;
  const between = (o: CatalogMatch) =>
    o.end <= m.start ? analysis.original.slice(o.end, m.start) : analysis.original.slice(m.end, o.start);
  if (others.some((o) => LISTING.test(between(o)))) return false;
  return analysis.matches.some(
    (v) =>
      v.targets.every((t) => t.target.kind === 'value') &&
      v.end <= m.start &&
      /^[\s的]*$/.test(analysis.original.slice(v.end, m.start)),
  );
}

/**
 * "How did churn rate change quarter over quarter?": with a comparison word (环比, QoQ) a
 * period-over-period metric is its base metric compared (CONVENTIONS.md "Time"): the metric whose
 * name starts the matched words.
 */
function baseOfChange(m: CatalogMatch, analysis: QuestionAnalysis, catalog: Catalog): CatalogMatch {
  const metric = catalog.metrics.find((x) => x.id === metricId(m));
  if (metric?.type !== 'period_over_period' || !(analysis.time.compare || compareInside(m))) return m;
  let best: { id: string; length: number } | undefined;
  for (const c of catalog.metrics) {
    if (c.id === metric.id) continue;
    for (const n of memberNames(c.label, c.synonyms))
      if (m.key.startsWith(n) && n.length > (best?.length ?? 0)) best = { id: c.id, length: n.length };
  }
  return best ? { ...m, targets: [{ target: { kind: 'metric', id: best.id }, rank: m.targets[0].rank }] } : m;
}

/**
 * "今年截至9月底的累计销售额": a running total asked as one figure (no grain, no trend) is the total over the
 * range, i.e. the metric it accumulates, named inside its words (累计 + 销售额 → revenue). By month it stays.
 */
function baseOfRunningTotal(m: CatalogMatch, analysis: QuestionAnalysis, catalog: Catalog): CatalogMatch {
  const metric = catalog.metrics.find((x) => x.id === metricId(m));
  if (metric?.type !== 'cumulative' || analysis.time.grain || analysis.time.trend) return m;
  let best: { id: string; length: number } | undefined;
  for (const c of catalog.metrics) {
    if (c.id === metric.id || c.type === 'cumulative') continue;
    for (const n of memberNames(c.label, c.synonyms))
      if (n.length >= 2 && m.key.endsWith(n) && n.length > (best?.length ?? 0))
        best = { id: c.id, length: n.length };
  }
  return best ? { ...m, targets: [{ target: { kind: 'metric', id: best.id }, rank: m.targets[0].rank }] } : m;
}

/** The comparison named inside a metric's words ("流失率环比变化" → previous period). */
function compareInside(m: CatalogMatch): MetricReading['compare'] {
  const found = (Object.keys(COMPARE_WORDS) as (keyof typeof COMPARE_WORDS)[]).find((mode) =>
    COMPARE_WORDS[mode].some((w) => m.key.includes(normaliseKey(w))),
  );
  return found;
}

/** The stem of the churn words ("流失" of 流失率): the default metric's Chinese name without 率. */
const churnStem = (catalog: Catalog) =>
  catalog.metrics.find((m) => m.id === catalog.defaultMetric)?.label.zh.replace(/率$/, '') ?? '';

/**
 * Churn words that describe the people of the next metric rather than ask a metric of their own:
 * "流失的客户带走了多少营收", "流失掉的收入" → the money metric named after churn (流失收入, lost revenue);
 * "流失后又回来买的老客", "流失的顾客又回来买" → a count whose definition starts from churned customers
 * (回流客户数, "之前流失…"), never the churned count. Only within one ask: "流失了多少人，一共带走了多少收入"
 * keeps its churned count. Catalog-derived: the churn stem is the default metric's name.
 */
function churnDescribes(kept: CatalogMatch[], analysis: QuestionAnalysis, catalog: Catalog): CatalogMatch[] {
  const stem = churnStem(catalog);
  if (!stem) return kept;
  const of = (m: CatalogMatch) => catalog.metrics.find((x) => x.id === metricId(m));
  const isChurn = (m: CatalogMatch) => {
    const metric = of(m);
    return metric?.label.zh.startsWith(stem) === true && !metric.format.startsWith('currency');
  };
  const joined = (a: CatalogMatch, b: CatalogMatch) =>
    a.end <= b.start && b.start - a.end <= 8 && !LISTING.test(analysis.original.slice(a.end, b.start));
  const dropped = new Set<CatalogMatch>();
  const out = kept.map((r) => {
    const metric = of(r);
    if (!metric || isChurn(r)) return r;
    const before = kept.filter((p) => isChurn(p) && joined(p, r));
    if (before.length === 0) return r;
    if (metric.description.zh.includes(stem) && metric.format === 'count') {
      for (const p of before) dropped.add(p);
      return r;
    }
    if (metric.label.zh.startsWith(stem) && metric.format.startsWith('currency')) {
      // "流失的客户带走了多少收入" where the words already name lost revenue: the people word describes it
      for (const p of before) dropped.add(p);
      return r;
    }
    const lost = catalog.metrics.filter(
      (c) => c.id !== metric.id && c.format === metric.format && c.label.zh.startsWith(stem),
    );
    // a ratio of money (客单价) is not money lost: "流失客户的客单价" is its population, said back
    if (lost.length !== 1 || !metric.format.startsWith('currency') || metric.type === 'ratio') return r;
    for (const p of before) dropped.add(p);
    return {
      ...r,
      targets: [{ target: { kind: 'metric', id: lost[0].id } as MatchTarget, rank: r.targets[0].rank }],
    };
  });
  return out.filter((m) => !dropped.has(m));
}

/** A count word with a unit ("几单", "多少单", "有几笔"): a unit of whatever is counted, not a metric's name. */
const COUNTED_UNIT = /^(?:有)?(?:几|多少)(?:个)?(?:单|笔|件|次)$/;

/**
 * "物流相关的客诉有几单": a count-with-unit word matched as a metric (几单 → orders) beside another count
 * metric the question names (客诉 → tickets) counts that metric, never a second metric (tickets × orders
 * fan out and cannot be computed together).
 */
function unitOfOther(matches: CatalogMatch[], catalog: Catalog): CatalogMatch[] {
  const isCount = (m: CatalogMatch) => catalog.metrics.find((x) => x.id === metricId(m))?.format === 'count';
  return matches.filter(
    (m) =>
      !COUNTED_UNIT.test(m.text.replace(/\s+/g, '')) ||
      !matches.some(
        (o) => o !== m && metricId(o) !== metricId(m) && isCount(o) && !COUNTED_UNIT.test(o.text),
      ),
  );
}

/** What joins people to the metric they are the population of: "流失会员的挽回率", "churn's rate of/for/among … customers". */
const OF_PEOPLE_BEFORE = /^\s*(?:的|'s)?\s*$/i;
const OF_PEOPLE_AFTER = /^\s*(?:for|of|among|amongst|across|in|的)\s+(?:the|our|all)?\s*$/i;
/** A count word right after the people ("流失会员数", "流失会员有多少"): they are counted, a figure of their own. */
const COUNTED_AFTER = /^\s*(?:的)?(?:数|人数|数量|总数|有多少|多少|有几|几个|count\b|number\b)/i;

/**
 * "上个月流失会员的挽回率", "churn rate for livestream-acquired customers": a count of people joined to
 * another metric that is not a count of people (by 的/'s before it, for/of/among after it, values in
 * between allowed) names whose metric it is — its population — not a second figure asked. A metric comes
 * only from an explicit metric word, never from the people it is about. Returns the population words.
 */
function populations(kept: CatalogMatch[], analysis: QuestionAnalysis, catalog: Catalog): CatalogMatch[] {
  const text = analysis.original;
  const metricOf = (m: CatalogMatch) => catalog.metrics.find((x) => x.id === metricId(m));
  const people = (m: CatalogMatch) =>
    metricOf(m)?.format === 'count' &&
    ENTITY_KEYS.some((e) => m.key.endsWith(e)) &&
    !COUNTED_AFTER.test(text.slice(m.end));
  // values and spaces/hyphens between the connector and the people ("for livestream-acquired customers")
  const valuesBetween = (from: number, to: number) => {
    let rest = text.slice(from, to);
    for (const v of analysis.matches)
      if (v.start >= from && v.end <= to && v.targets.every((t) => t.target.kind === 'value'))
        rest = rest.replace(v.text, ' ');
    return rest.replace(/[-\s]+/g, ' ');
  };
  return kept.filter((m) => {
    if (!people(m)) return false;
    return kept.some((o) => {
      if (o === m || metricId(o) === metricId(m) || people(o)) return false;
      if (metricOf(o)?.format === 'count' && ENTITY_KEYS.some((e) => o.key.endsWith(e))) return false;
      if (m.end <= o.start) return OF_PEOPLE_BEFORE.test(text.slice(m.end, o.start));
      return o.end <= m.start && OF_PEOPLE_AFTER.test(`${valuesBetween(o.end, m.start).trimEnd()} `);
    });
  });
}

/** A word asking a share right after a count's word ("回流比例", "return rate"). */
const RATE_AFTER = /^\s*(?:的)?(?:比例|比率|占比|率|ratio|rate|share|percentage)/i;

/**
 * "企微触达过的客户 回流比例多少": a count's word followed by a word asking a share is the rate named with
 * that word (动作回流率: its name holds 回流率, or its definition 回流比例), never the count. The figure
 * asked decides the kind of metric; with no such rate the count stays (and the share word is unread).
 */
function rateOfCount(m: CatalogMatch, analysis: QuestionAnalysis, catalog: Catalog): CatalogMatch {
  const metric = catalog.metrics.find((x) => x.id === metricId(m));
  const after = RATE_AFTER.exec(analysis.original.slice(m.end));
  if (metric?.format !== 'count' || !after) return m;
  const word = normaliseKey(m.text);
  const share = normaliseKey(after[0].replace(/^\s*的?/, ''));
  const fits = catalog.metrics.filter((c) => {
    if (c.format !== 'percent') return false;
    const names = memberNames(c.label, c.synonyms);
    const zh = /\p{Script=Han}/u.test(word);
    const asked = zh ? [`${word}率`, `${word}${share}`] : [`${word} rate`, `${word} ${share}`];
    return asked.some(
      (a) => names.some((n) => n.includes(a)) || normaliseKey(c.description[zh ? 'zh' : 'en']).includes(a),
    );
  });
  if (fits.length !== 1) return m;
  return {
    ...m,
    targets: [{ target: { kind: 'metric', id: fits[0].id }, rank: m.targets[0].rank }],
  };
}

/** Reads the metric words of a question together (see the rules above). */
export function readMetricWords(
  matches: CatalogMatch[],
  analysis: QuestionAnalysis,
  catalog: Catalog,
): MetricReading {
  const read = churnDescribes(
    unitOfOther(
      matches.filter((m) => !describesValue(m, analysis, catalog)),
      catalog,
    ),
    analysis,
    catalog,
  );
  const kept = read.map((m) =>
    baseOfRunningTotal(baseOfChange(rateOfCount(m, analysis, catalog), analysis, catalog), analysis, catalog),
  );
  const changed = read.find((m, i) => kept[i] !== m);
  const compare = changed && !analysis.time.compare ? compareInside(changed) : undefined;
  const composed = composedMetric(kept, analysis, catalog);
  if (composed) {
    const own = kept.find((m) => metricId(m) === composed.id) ?? kept[0];
    const target: MatchTarget = { kind: 'metric', id: composed.id };
    return { metrics: [{ ...own, targets: [{ target, rank: own.targets[0].rank }] }], values: [], compare };
  }
  const values: MetricReading['values'] = [];
  const population = populations(kept, analysis, catalog);
  const metrics = kept.filter((m) => {
    const target = segmentValue(
      m,
      catalog,
      kept.filter((o) => o !== m),
    );
    if (target) values.push({ match: m, target });
    return !target && !peopleOfValue(m, analysis, catalog, kept) && !population.includes(m);
  });
  return {
    metrics,
    values,
    compare,
    population: population.filter((m) => !values.some((v) => v.match === m)),
  };
}
