import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { quarterLabel } from '../calendar/calendar.ts';
import { defaultMetricRange } from '../calendar/default-period.ts';
import { modelHasTime } from '../calendar/metric-time.ts';
import { applyFollowUp, type ConversationState, continuedState, isFollowUp } from './conversation.ts';
import { ANALYSIS_INTENT_SET, type Interpretation } from './interpretation.ts';
import { TERSE_ACTION, TERSE_ACTION_READING } from './lexicon/action-cue-words.ts';
import { LIST_ID_WORDS } from './lexicon/generic-words.ts';
import { unknownMetricWord } from './match/word-slots.ts';
import { analyseQuestion } from './rules/analyse-question.ts';
import { applyThresholds } from './rules/apply-conditions.ts';
import { readAskShape } from './rules/ask-shape.ts';
import { readChannelsAsMessageChannels } from './rules/campaign-reading.ts';
import { splitByChurnLabel } from './rules/churn-split.ts';
import { customerListDraft, TOP_CUSTOMERS } from './rules/churned-list.ts';
import {
  clarifyAmbiguous,
  clarifyUnknownFilter,
  clarifyWhichCount,
  clarifyWhichMetric,
  type Reinterpret,
} from './rules/clarify.ts';
import { conditionListDraft } from './rules/condition-list.ts';
import { assembleQuery, type Draft } from './rules/draft.ts';
import { sameEventInYear } from './rules/event-follow-up.ts';
import { finish } from './rules/finish.ts';
import { detectIntent, hasCue, listsCustomers } from './rules/intent.ts';
import { readKindOf } from './rules/kind-of.ts';
import { dimensionsFor, followUpGrouping, questionParts } from './rules/member-parts.ts';
import { resolveMembers } from './rules/members.ts';
import { focusMessage } from './rules/message-parts.ts';
import { say } from './rules/messages.ts';
import {
  asksForecast,
  churnedVersusRetained,
  countedMetrics,
  countOfNamedPeople,
  countOfSegment,
  ranksByDefault,
} from './rules/metric-choice.ts';
import { leavingHeadcount } from './rules/people-leaving.ts';
import { detectRanking } from './rules/ranking.ts';
import { sayWhatWasLeft } from './rules/said-back.ts';
import { readShare } from './rules/share.ts';
import { readSharedValueWords } from './rules/shared-value-word.ts';
import { readSqlish } from './rules/sql-reading.ts';
import { readAsides, readTerse, sayTerse } from './rules/terse-reading.ts';
import { countOfValuePeople, readFirstCount, readLaterCounts } from './rules/two-asks.ts';
import { readTwoSides } from './rules/two-sides.ts';
import { unknownFactorWords } from './rules/unknown-factor.ts';
import { asksUnknownMetric } from './rules/unknown-metric.ts';
import { readWholeQuestion } from './rules/whole-question.ts';
import { correctQuestion, describeCorrections } from './text/correct-question.ts';

/** Input of the offline interpreter: the question, the model's catalog, an explicit as-of date. */
export interface RulesInput {
  question: string;
  catalog: Catalog;
  /** "Today" for time words (ISO date); never the clock. */
  asOf: string;
  previous?: ConversationState;
}

/** An interpretation plus what the conversation must remember about it. */
export interface RulesResult extends Interpretation {
  /** The range is a default rather than the user's words (see ConversationState.defaultedRange). */
  defaultedRange?: boolean;
}

/**
 * The offline rules interpreter (CONVENTIONS.md): deterministic, no network; every word of the
 * model comes from the catalog, every word of the language from ./lexicon.
 * @example interpretWithRules({ question: '上个季度流失率', catalog, asOf: '2026-10-01' }).query
 *   → { model: 'retail', metrics: ['churn_rate'], timeRange: { start: '2026-07-01', end: '2026-10-01' }, … }
 */
export function interpretWithRules(input: RulesInput, depth = 0): RulesResult {
  // "select … group by … order by … desc": SQL keywords read as the same words (rules/sql-reading.ts)
  const sql = readSqlish(input.question, input.catalog);
  if (sql !== undefined) {
    const result = interpretWithRules({ ...input, question: sql }, depth);
    return { ...result, assumptions: [say.sqlReading(sql, result.language), ...result.assumptions] };
  }
  // "Number only.", "- bullets", "Sep vs Aug": how to show the answer set aside, months written out
  const terse = readTerse(input.question);
  if (terse) {
    const result = interpretWithRules({ ...input, question: terse.text }, depth);
    return { ...result, assumptions: [...sayTerse(terse, result.language), ...result.assumptions] };
  }
  // "Fix?" after an answer: the actions on the same customers (lexicon TERSE_ACTION)
  if (input.previous?.lastQuery && TERSE_ACTION.test(input.question)) {
    const lang = /\p{Script=Han}/u.test(input.question) ? 'zh' : 'en';
    return interpretWithRules({ ...input, question: TERSE_ACTION_READING[lang] }, depth);
  }
  const corrected = correctQuestion(input.question, input.catalog);
  // an email or a forwarded note: its asking clauses are the question (rules/message-parts.ts)
  const focus = focusMessage(input.question, corrected.text, input.catalog, input.asOf);
  const result = interpretCorrected({ ...input, question: focus?.text ?? corrected.text }, depth);
  const notes = [
    describeCorrections(corrected.corrections, result.language),
    focus && focus.setAside.length > 0
      ? say.contextSetAside(focus.setAside, focus.carried, result.language)
      : undefined,
  ].filter((n) => n !== undefined);
  return notes.length > 0 ? { ...result, assumptions: [...notes, ...result.assumptions] } : result;
}

/** The rules on a question already normalised (text/correct-question.ts). */
function interpretCorrected(input: RulesInput, depth: number): RulesResult {
  const { question, catalog, asOf } = input;
  let analysis = analyseQuestion(question, catalog, asOf);
  if (hasCue(analysis, 'campaignOutcomes') && catalog.dimensions.some((d) => d.id === 'message_channel')) {
    const read = readChannelsAsMessageChannels(question);
    if (read !== question) analysis = analyseQuestion(read, catalog, asOf);
  }
  // what a list is for ("需要 CS 这周 follow up") is no filter; MoM over several months is a series
  readAsides(analysis);
  const previous = continuedState(input.previous, analysis.time.range !== undefined);
  const lang = analysis.language;
  const unknownTerms = analysis.unknown.map((t) => t.text);
  const reinterpret: Reinterpret = (q) =>
    depth > 0 ? null : interpretWithRules({ question: q, catalog, asOf }, depth + 1);
  const base = { language: lang, unknownTerms, understood: [] as Interpretation['understood'] };

  // declines, a concept the model lacks, one customer by id: read from the whole question (rules/whole-question.ts)
  const whole = readWholeQuestion(analysis, catalog, question, Boolean(previous?.lastQuery), base);
  if (whole) return whole;

  const members = resolveMembers(analysis, catalog);
  // "just the automatic ones": a word shared by several values of one dimension names them together
  const shared = readSharedValueWords(analysis, catalog, analysis.language);
  members.filters.push(...shared.filters);
  members.understood.push(...shared.understood);
  readTwoSides(analysis, catalog, members);
  readLaterCounts(analysis, catalog, members);
  readFirstCount(analysis, members);
  readKindOf(
    analysis,
    catalog,
    members,
    previous?.lastQuery?.model === catalog.model ? previous.lastQuery.metrics : [],
  );
  base.understood = members.understood;
  const grouping = followUpGrouping(members, previous, catalog, lang);
  const ambiguity = grouping ? undefined : members.ambiguities[0];
  if (ambiguity) {
    const c = clarifyAmbiguous(ambiguity.match, ambiguity.targets, question, catalog, lang, reinterpret);
    return { ...base, kind: 'clarify', intent: 'clarify', query: null, assumptions: [], ...c };
  }

  const trendAsked = analysis.time.trend === true && modelHasTime(catalog);
  let intent = detectIntent(analysis, members, trendAsked);
  const shaped = readAskShape(analysis, intent);
  if (shaped) intent = shaped;
  const metricNamed =
    members.metrics.length > 0 ||
    (members.genericMetric !== undefined && (members.genericMetric.counted || hasCue(analysis, 'count')));
  const draft: Draft = {
    model: catalog.model,
    metrics:
      intent === 'campaign_outcomes' && catalog.metrics.some((m) => m.id === 'action_return_rate')
        ? ['action_return_rate']
        : members.metrics.length > 0
          ? countedMetrics(analysis, catalog, members.metrics)
          : members.genericMetric
            ? [members.genericMetric.metric]
            : [],
    dimensions: dimensionsFor(intent, members, hasCue(analysis, 'total')),
    filters: members.filters,
    intent,
    ranking: {},
    time:
      members.compare && !analysis.time.compare
        ? { ...analysis.time, compare: members.compare }
        : analysis.time,
    timeDimension: members.timeDimension,
  };
  const leaving = leavingHeadcount(analysis, catalog, draft.metrics, members.genericMetric?.metric);
  if (leaving) draft.metrics = leaving;
  if (
    modelHasTime(catalog) &&
    asksForecast(analysis, catalog, draft.metrics.length ? draft.metrics : [catalog.defaultMetric])
  ) {
    intent = 'churn_forecast';
    draft.intent = intent;
  }
  const cohortMetrics = draft.metrics.filter(
    (id) => catalog.metrics.find((m) => m.id === id)?.type === 'cohort_retention',
  );
  if (cohortMetrics.length > 0) {
    // a cohort-retention metric ("留存曲线", "retention curve") is answered by the cohort analysis
    intent = 'cohorts';
    Object.assign(draft, {
      intent,
      metrics: cohortMetrics,
      dimensions: dimensionsFor(intent, members, false),
    });
  }
  const share = readShare(analysis, catalog, draft, lang);
  if (share) intent = draft.intent;
  draft.ranking = detectRanking(analysis, catalog, draft.metrics[0]);
  const split = churnedVersusRetained(analysis, catalog, draft.metrics);
  if (split) {
    const byLabel = splitByChurnLabel(catalog, split.id, draft.filters, lang, unknownTerms);
    if (byLabel) return { ...base, ...byLabel };
    const reason = say.noChurnedSplit(split.label[lang], lang);
    const query = assembleQuery({
      model: catalog.model,
      metrics: [split.id],
      dimensions: [],
      filters: draft.filters,
    });
    return { ...base, kind: 'clarify', intent: 'clarify', query, assumptions: [], reason, options: [] };
  }
  const conditionAsked = applyThresholds(analysis, catalog, draft, asOf);
  if (intent === 'breakdown' && draft.dimensions.length === 0) {
    intent = 'metric';
    draft.intent = intent;
  }
  base.unknownTerms = analysis.unknown.map((t) => t.text);
  if (conditionAsked) {
    const { words, reason, alternatives } = conditionAsked;
    const c = clarifyUnknownFilter(words, question, lang, reinterpret, reason, alternatives);
    return { ...base, kind: 'clarify', intent: 'clarify', query: null, assumptions: [], ...c };
  }
  const assumptions: string[] = [
    ...(draft.perCustomer ?? []).map((p) =>
      say.perCustomer(p.metric.label[lang], p.dimension.label[lang], lang),
    ),
    ...(draft.conditionNotes ?? []),
  ];
  // a factor the data lacks related to churn ("不同供应商对客户流失有没有影响") is asked back (rules/unknown-factor.ts)
  const factorWords = unknownFactorWords(analysis, intent, members);
  if (factorWords.length > 0) {
    const words = factorWords.map((t) => t.text);
    const c = clarifyUnknownFilter(factorWords, question, lang, reinterpret, say.unknownFactor(words, lang));
    return { ...base, kind: 'clarify', intent: 'clarify', query: null, assumptions: [], ...c };
  }
  if (grouping) assumptions.push(grouping);
  if (share?.note) assumptions.push(share.note);
  base.unknownTerms = analysis.unknown.map((t) => t.text);

  if (isFollowUp(previous, draft, analysis, metricNamed)) {
    // "which is the worst?" reads best/worst through the previous metric
    if (!metricNamed) draft.ranking = detectRanking(analysis, catalog, previous!.lastQuery!.metrics[0]);
    let parts = applyFollowUp(previous!, draft, analysis, metricNamed);
    const event = sameEventInYear(catalog, previous!.lastQuery!.timeRange, draft.time.range, lang);
    if (event) {
      parts = { ...parts, time: { ...parts.time, range: event.range } };
      assumptions.push(event.reading);
    } else if (parts.note === 'same_period_last_year' && parts.time.range)
      assumptions.push(say.sameRangeLastYear(parts.time.range, lang));
    else if (parts.note === 'period_before' && parts.time.range)
      assumptions.push(say.periodBefore(parts.time.range, lang));
    else assumptions.push(say.followUp(lang));
    // "整个名单给我", "who are they?" after a count of churned (reactivated…) customers: those customers'
    // list, never the at-risk list of customers still active
    const listed =
      parts.intent === 'risk_list' && shaped !== 'risk_list'
        ? customerListDraft(analysis, catalog, { ...draft, ...parts, dimensions: [] })
        : undefined;
    if (listed) {
      parts = { ...parts, ...listed, keepRangeFromPrevious: parts.keepRangeFromPrevious };
      const label = catalog.metrics.find((m) => m.id === listed.metrics[0])!.label[lang];
      assumptions.push(say.customerList(label, lang));
    }
    return sayWhatWasLeft(
      analysis,
      catalog,
      finish(
        analysis,
        catalog,
        asOf,
        { ...parts, model: catalog.model, timeDimension: draft.timeDimension },
        assumptions,
        base,
        reinterpret,
        parts.keepRangeFromPrevious ? previous?.defaultedRange : undefined,
      ),
    );
  }

  let whichMetric = false;
  if (draft.metrics.length === 0 || (members.genericMetric && !metricNamed && members.metrics.length === 0)) {
    const generic = members.genericMetric;
    const analysed = ANALYSIS_INTENT_SET.has(intent);
    const conditioned = draft.filters.some(
      (f) => catalog.dimensions.find((d) => d.id === f.member)?.type === 'numeric',
    );
    const entityMetric = countOfNamedPeople(analysis, members, catalog, conditioned);
    const segment = generic ? undefined : countOfSegment(analysis, catalog, draft.filters);
    if (segment) Object.assign(draft, { metrics: [segment.metric], filters: segment.filters });
    else if (generic && !analysed && members.groupedBy.size > 0) draft.metrics = [generic.metric];
    // "近一年买过5次以上的客户有多少": the customers meeting a condition on each customer, counted
    else if (generic && !analysed && conditioned && entityMetric) draft.metrics = [entityMetric];
    else if (generic && !analysed) {
      const c = clarifyWhichCount(generic.match, generic.metric, question, catalog, lang, reinterpret);
      // "customer effort score": the metric asked for is named, not which count of customers
      const asked = unknownMetricWord(analysis.unknown, analysis.original);
      const reason = asked ? say.unknownMetric(asked.text, lang) : c.reason;
      return { ...base, kind: 'clarify', intent: 'clarify', query: null, assumptions: [], ...c, reason };
    } else if (entityMetric) draft.metrics = [entityMetric];
    else {
      draft.metrics = [catalog.defaultMetric];
      const label =
        catalog.metrics.find((m) => m.id === catalog.defaultMetric)?.label[lang] ?? catalog.defaultMetric;
      if (analysed || ranksByDefault(analysis, members)) assumptions.push(say.defaultMetric(label, lang));
      else whichMetric = true;
    }
    draft.ranking = detectRanking(analysis, catalog, draft.metrics[0]);
  }
  const generic = members.genericMetric;
  const ofValue =
    generic && members.metrics.length === 0 && draft.metrics.join() === generic.metric
      ? countOfValuePeople(catalog, draft.metrics, draft.filters)
      : undefined;
  if (ofValue) Object.assign(draft, { metrics: [ofValue.metric], filters: ofValue.filters });
  if (intent === 'trend' && !modelHasTime(catalog))
    intent = draft.dimensions.length > 0 ? 'breakdown' : 'metric';
  // "上季度流失的客户名单": the customers who churned, never the at-risk list
  const listed =
    intent === 'risk_list' ||
    (intent === 'reasons' && (hasCue(analysis, 'riskList') || listsCustomers(analysis, members))) ||
    TOP_CUSTOMERS.test(analysis.norm.text);
  // "3次以上投诉的客户…名单": the customers meeting conditions on each customer, never another population's list
  const conditionList =
    listed &&
    shaped !== 'risk_list' &&
    members.metrics.every((id) => draft.perCustomer?.some((p) => p.metric.id === id))
      ? conditionListDraft(catalog, draft)
      : undefined;
  const customerList =
    conditionList ??
    (listed && shaped !== 'risk_list' ? customerListDraft(analysis, catalog, draft) : undefined);
  if (conditionList) {
    Object.assign(draft, conditionList);
    intent = conditionList.intent;
    // the customers counted are named, not a default metric
    const defaulted = say.defaultMetric(
      catalog.metrics.find((m) => m.id === catalog.defaultMetric)?.label[lang] ?? '',
      lang,
    );
    assumptions.splice(0, assumptions.length, ...assumptions.filter((a) => a !== defaulted));
    assumptions.push(say.conditionList(lang));
  } else if (customerList) {
    Object.assign(draft, customerList);
    intent = customerList.intent;
    // "list the IDs of the customers who churned": the id is the list's own column
    analysis.unknown = analysis.unknown.filter((t) => !LIST_IDS.has(t.text.toLowerCase()));
    base.unknownTerms = analysis.unknown.map((t) => t.text);
    assumptions.push(
      say.customerList(catalog.metrics.find((m) => m.id === draft.metrics[0])!.label[lang], lang),
    );
  } else if (listed && (intent !== 'risk_list' || shaped) && TOP_CUSTOMERS.test(analysis.norm.text)) {
    // "top 10 at-risk customers by 12-month spend": the at-risk list ordered by a customer attribute
    const numeric = draft.dimensions.find(
      (d) => catalog.dimensions.find((x) => x.id === d)?.type === 'numeric',
    );
    intent = 'risk_list';
    draft.intent = intent;
    // the at-risk list is ordered by expected loss (probability × 12-month spend), said in its assumptions
    draft.dimensions = draft.dimensions.filter((d) => d !== numeric);
  }
  const result = finish(
    analysis,
    catalog,
    asOf,
    { ...draft, intent },
    assumptions,
    base,
    reinterpret,
    undefined,
  );
  if (conditionList && result.query && !analysis.time.range) {
    // conditions on each customer read their current state: no default period to name
    const { timeRange: _, ...query } = result.query;
    const quarter = say.defaultQuarter(quarterLabel(defaultMetricRange(asOf)), lang);
    return { ...result, query, assumptions: result.assumptions.filter((a) => a !== quarter) };
  }
  // "CES score 上个月多少? customer effort score": a metric the catalog lacks, never the count of customers
  const unknownMain = asksUnknownMetric(
    analysis,
    members.metrics,
    intent,
    Boolean(customerList ?? conditionList),
  );
  if ((!whichMetric && !unknownMain) || result.kind === 'clarify')
    return sayWhatWasLeft(analysis, catalog, result);
  // no metric named, nothing to analyse: offer the headline metrics rather than guess one
  const c = clarifyWhichMetric(questionParts(analysis, members), catalog, lang, reinterpret);
  // a metric asked for that the catalog lacks ("转化率") is named, not read as no metric at all
  const asked = unknownMetricWord(analysis.unknown, analysis.original);
  const reason = asked ? say.unknownMetric(asked.text, lang) : c.reason;
  return { ...result, kind: 'clarify', intent: 'clarify', ...c, reason };
}

const LIST_IDS = new Set(LIST_ID_WORDS);
