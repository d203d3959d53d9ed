import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import { modelHasTime } from '../../calendar/metric-time.ts';
import { ENTITY_WORDS } from '../lexicon/generic-words.ts';
import { catalogIndex } from '../match/catalog-index.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { hasCue } from './intent.ts';
import type { Members } from './members.ts';

const ENTITY_KEYS = ENTITY_WORDS.map(normaliseKey);

/** Two-character pieces of a label, to tell which metrics share their words. */
const bigrams = (s: string) => new Set([...s].slice(0, -1).map((_, i) => s.slice(i, i + 2)));

/** What a count may count other than people: points of a rate, periods, groups ("几个百分点", "几个月"). */
const NOT_PEOPLE_AFTER =
  /^\s*(?:百分点|个点|点|月|季度|星期|礼拜|周|天|小时|年|地区|城市|渠道|品类|percentage|percent|points?|pp\b|months?|quarters?|weeks?|days?|years?|regions?|cities|channels?)/i;

/** The question counts people ("流失了几个", "有几个", "how many"), not points, periods or groups ("哪几个地区"). */
function countsPeople(analysis: QuestionAnalysis): boolean {
  return analysis.cues.some(
    (c) =>
      c.cue === 'headcount' &&
      !c.insideCatalog &&
      analysis.original[c.start - 1] !== '哪' &&
      !NOT_PEOPLE_AFTER.test(analysis.original.slice(c.end)),
  );
}

/**
 * The count of people a rate is about (流失率 → 流失客户数): the count metric whose Chinese name shares a
 * word with the rate's and names people (客户), the shortest such name. Catalog-derived, no metric ids.
 */
export function countOfRate(catalog: Catalog, rateId: string): string | undefined {
  const rate = catalog.metrics.find((m) => m.id === rateId);
  if (rate?.format !== 'percent') return undefined;
  const pieces = bigrams(rate.label.zh);
  const counts = catalog.metrics
    .filter((m) => m.format === 'count' && m.synonyms.zh.length + m.synonyms.en.length > 0)
    .filter((m) => ENTITY_KEYS.some((e) => m.label.zh.includes(e)))
    .filter((m) => [...bigrams(m.label.zh)].some((b) => pieces.has(b)))
    .sort((a, b) => a.label.zh.length - b.label.zh.length);
  return counts[0]?.id;
}

/**
 * "上个月流失了几个", "客服响应慢导致的流失，有几个": a rate's word with a count of people asks for the count
 * of those people (流失客户数), never the rate. Returns the metrics to use.
 */
export function countedMetrics(analysis: QuestionAnalysis, catalog: Catalog, metrics: string[]): string[] {
  if (!countsPeople(analysis)) return metrics;
  if (metrics.length === 1) {
    const count = countOfRate(catalog, metrics[0]);
    return count ? [count] : metrics;
  }
  // "流失了几个高价值客户，一共带走了多少收入": with several metrics, the rate whose words the headcount
  // follows ("流失" + "了几个") is the count of its people; the others stay
  return metrics.map((id) => {
    const count = countOfRate(catalog, id);
    const counted = analysis.matches.some(
      (m) =>
        m.targets[0].target.kind === 'metric' &&
        m.targets[0].target.id === id &&
        analysis.cues.some(
          (c) => c.cue === 'headcount' && !c.insideCatalog && c.start >= m.end && c.start - m.end <= 2,
        ),
    );
    return count && counted && !metrics.includes(count) ? count : id;
  });
}

/**
 * "上个季度NPS贬损者多少个": a count of a yes-no segment whose name, plus 数, names a count metric
 * (NPS贬损者 → NPS贬损者数) is that metric, not a filter on an unnamed metric.
 */
export function countOfSegment(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  filters: Filter[],
): { metric: string; filters: Filter[] } | undefined {
  if (!hasCue(analysis, 'count')) return undefined;
  for (const f of filters) {
    const dim = catalog.dimensions.find((d) => d.id === f.member);
    if (dim?.type !== 'boolean' || f.op !== 'in' || f.values?.join() !== 'true') continue;
    const metric = catalog.metrics.find((m) => m.format === 'count' && m.label.zh === `${dim.label.zh}数`);
    if (metric) return { metric: metric.id, filters: filters.filter((x) => x !== f) };
  }
  return undefined;
}

const COUNT_AFTER = /^\s*(?:的)?(?:数|人数|数量|总数|总量|count\b|numbers?\b)/i;

/** A noun for a number of people ("人数", "多少人", "headcount"). */
const HEADCOUNT_RANK_WORDS = /按人数|人数最|人最多|人最少/;
const PEOPLE_COUNT_NOUN =
  /人数|多少人|几个人|headcount|head count|number of (?:people|members|customers|users)/i;

/** "高价值客户有多少" → the catalog's plain count of people (the metric named by 客户/customers). */
export function countOfNamedPeople(
  analysis: QuestionAnalysis,
  members: Members,
  catalog: Catalog,
  /** The question sets a condition on each customer ("超过30天没来买的有多少人"). */
  conditioned: boolean,
): string | undefined {
  const people = members.valueMatches.filter((m) =>
    ENTITY_KEYS.some((e) => normaliseKey(m.text).endsWith(e)),
  );
  // "休眠客户数", "high-value customer count": the count word right after the value that names the people
  const countedAfter = people.some((m) => COUNT_AFTER.test(analysis.original.slice(m.end)));
  // "各阶段的人数分布", "headcount by stage": a noun for the number of people, no metric named
  // ("按人数排", "人数最多" rank the default metric's people instead: rules/intent.ts HEADCOUNT_RANK)
  const headcount = PEOPLE_COUNT_NOUN.test(analysis.folded) && !HEADCOUNT_RANK_WORDS.test(analysis.folded);
  if (!hasCue(analysis, 'count') && !countedAfter && !headcount) return undefined;
  const named = people.length > 0 || conditioned || headcount;
  if (headcount) analysis.unknown = analysis.unknown.filter((u) => !/^head ?count$/i.test(u.text.trim()));
  if (!named) return undefined;
  const keys = catalogIndex(catalog).keys;
  for (const e of ENTITY_KEYS) {
    const t = keys.get(e)?.find((r) => r.target.kind === 'metric');
    if (t && t.target.kind === 'metric') return t.target.id;
  }
  return undefined;
}

/**
 * "哪个区域最拖后腿", "which region is doing worst": best/worst across a grouping with no metric named
 * ranks by the model's default metric (said in the assumptions); one reading is clearly likeliest.
 */
export function ranksByDefault(analysis: QuestionAnalysis, members: Members): boolean {
  return (hasCue(analysis, 'rankBest') || hasCue(analysis, 'rankWorst')) && members.groupedBy.size > 0;
}

/** Words naming the customers who stayed, set against those who churned. */
export const RETAINED =
  /留存(?:客户|用户|会员)|留下(?:来)?的(?:客户|用户)|没流失|未流失|还在的|仍在的|还留着的|没走的|没解约|retained|stayers|stayed|non-churners|active ones|still (?:with us|here|active)|remaining customers/;

/**
 * "流失客户 vs 留存客户的购买频次", "AOV of churned vs retained customers": a metric split by whether each
 * customer churned. The model has no such customer dimension, so say so instead of answering one overall
 * figure (or the two counts). Returns the metric asked about.
 */
export function churnedVersusRetained(analysis: QuestionAnalysis, catalog: Catalog, metrics: string[]) {
  if (
    !RETAINED.test(analysis.norm.text) ||
    !(hasCue(analysis, 'comparison') || hasCue(analysis, 'difference'))
  )
    return undefined;
  const of = (id: string) => catalog.metrics.find((m) => m.id === id);
  const groups = metrics.filter((id) => {
    const m = of(id);
    // a model without dates (telco) has no period to require: its churn count and rate are the groups
    return (
      m && (m.format === 'count' || m.format === 'percent') && (m.requiresPeriod || !modelHasTime(catalog))
    );
  });
  const asked = metrics.find((id) => !groups.includes(id));
  return groups.length > 0 && asked ? of(asked) : undefined;
}

/**
 * "下个季度会流失多少人", "预测下季度流失", "how many will churn next quarter": the default metric (or the
 * count of its people) in a period after the data's date, said in the future tense, is the churn forecast.
 */
export function asksForecast(analysis: QuestionAnalysis, catalog: Catalog, metrics: string[]): boolean {
  if (!analysis.time.empty || !analysis.time.range || !hasCue(analysis, 'future')) return false;
  const churn = [catalog.defaultMetric, countOfRate(catalog, catalog.defaultMetric)];
  return metrics.length === 1 && churn.includes(metrics[0]);
}
