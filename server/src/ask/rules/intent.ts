import type { Intent } from '../../answer/answer-schema.ts';
import { ENTITY_WORDS } from '../lexicon/generic-words.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { cueBefore } from './cue-position.ts';
import type { Members } from './members.ts';

const ENTITY_KEYS = ENTITY_WORDS.map(normaliseKey);

/** True when a cue of this kind occurs outside catalog words. */
export function hasCue(analysis: QuestionAnalysis, cue: string): boolean {
  return analysis.cues.some((c) => c.cue === cue && !c.insideCatalog);
}

/** A headcount said as the order of a ranking ("按人数", "人最多"), not a question of how many. */
const HEADCOUNT_RANK = /按人|人最|人数最|by headcount/i;

/** A matched dimension whose own name asks for reasons ("流失原因是什么", "churn reasons"). */
function asksReasonsByName(analysis: QuestionAnalysis, members: Members): boolean {
  // "Top 3 churn reasons by number of churned customers": the reasons ranked by a metric named, a breakdown
  // ("流失原因大类 按人数排个序": ranked by how many people, a breakdown of the count)
  const ranked =
    (members.metrics.length > 0 && (hasCue(analysis, 'rankDesc') || hasCue(analysis, 'rankAsc'))) ||
    analysis.cues.some(
      (c) =>
        c.cue === 'headcount' &&
        !c.insideCatalog &&
        HEADCOUNT_RANK.test(analysis.original.slice(c.start, c.end)),
    );
  if (ranked) return false;
  // "流失原因里服务和物流各占多少" names values of the dimension: a comparison of them, not the reasons
  // the dimension's name may ask with a why-word ("why customers left" names the churn reason)
  return analysis.cues.some(
    (c) =>
      (c.cue === 'reasonsNoun' || c.cue === 'why') &&
      c.insideCatalog &&
      analysis.matches.some(
        (m) =>
          m.targets[0].target.kind === 'dimension' &&
          c.start >= m.start &&
          c.end <= m.end &&
          !members.groupedBy.has(m.targets[0].target.id) &&
          !members.valuesByDimension.has(m.targets[0].target.id),
      ),
  );
}

/** A word of reasons, unless it follows a value as that value's effect ("响应慢导致的流失" is a filter). */
function asksReasons(analysis: QuestionAnalysis): boolean {
  return analysis.cues.some(
    (c) =>
      c.cue === 'reasonsNoun' &&
      !c.insideCatalog &&
      !analysis.matches.some((m) => m.targets.every((t) => t.target.kind === 'value') && m.end === c.start),
  );
}

/** "哪些高价值客户…", "which high-value customers…": a list of customers, not a grouping. */
function asksForCustomers(analysis: QuestionAnalysis, members: Members): boolean {
  return members.valueMatches.some((m) => {
    const key = normaliseKey(m.text);
    return ENTITY_KEYS.some((e) => key.endsWith(e)) && cueBefore(analysis, 'which', m.start);
  });
}

/** A metric named as a figure (流失率, 流失客户数, revenue): what a listing verb then lists is numbers. */
const FIGURE_WORD = /(?:率|数|额|值|量|比例|rate|count|number|revenue|value|%)$/i;

/**
 * "列一下上个月流失的客户(，以及他们的流失原因)", "list the customers who churned": a listing verb lists customers
 * when no period grain is asked (per quarter is a trend), no metric is named as a figure and the people are its object (a metric named with a people word) or
 * nothing is grouped; "按大区列一下流失客户数和流失率" is a breakdown.
 */
export function listsCustomers(analysis: QuestionAnalysis, members: Members): boolean {
  if (!hasCue(analysis, 'listVerb') || members.metrics.length > 1) return false;
  // "list churned customers for each quarter of 2025": a count per period, not the customers
  if (analysis.time.grain) return false;
  const metricWords = analysis.matches
    .filter((m) => m.targets[0].target.kind === 'metric')
    .map((m) => normaliseKey(m.text));
  if (metricWords.some((w) => FIGURE_WORD.test(w))) return false;
  const peopleNamed = metricWords.some((w) => ENTITY_KEYS.some((e) => w.endsWith(e)));
  return peopleNamed || members.dimensions.length === 0;
}

/**
 * The intent (CONVENTIONS.md "Intents"), analysis intents first: 怎么挽回 → actions; 为什么…上升 →
 * decomposition; 驱动因素 → drivers; 为什么/原因 → reasons; … then comparison, trend, breakdown, metric.
 */
export function detectIntent(analysis: QuestionAnalysis, members: Members, hasGrain: boolean): Intent {
  const has = (cue: string) => hasCue(analysis, cue);
  if (has('winbackTiming')) return 'winback_timing';
  if (has('churnForecast')) return 'churn_forecast';
  if (has('campaignOutcomes')) return 'campaign_outcomes';
  if (has('actions')) return 'actions';
  // "为什么…多了", "why did … go up", "为什么…比上个季度高": a change against an earlier period
  if (has('whatChanged') || (has('why') && (has('change') || analysis.time.compare))) return 'decomposition';
  if (has('drivers')) return 'drivers';
  if (has('cohorts')) return 'cohorts';
  if (has('survival')) return 'survival';
  if (has('why') || asksReasons(analysis) || asksReasonsByName(analysis, members)) return 'reasons';
  if (has('segments')) return 'segments';
  if (has('riskList') || asksForCustomers(analysis, members) || listsCustomers(analysis, members))
    return 'risk_list';
  // "数码和家电合计", "combined revenue of A and B": one total over the values, not a comparison
  if (
    !has('total') &&
    [...members.valuesByDimension].some(([d, v]) => v.length >= 2 && !members.unions?.has(d))
  )
    return 'comparison';
  if (hasGrain) return 'trend';
  if (members.dimensions.length > 0) return 'breakdown';
  return 'metric';
}
