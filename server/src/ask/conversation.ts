import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import { compareShift, shiftBack } from '../../../semantic-layer/src/compile/periods.ts';
import type { Filter, SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import type { Intent } from '../answer/answer-schema.ts';
import { shiftYears } from '../calendar/calendar.ts';
import { ANALYSIS_INTENT_SET, type Interpretation } from './interpretation.ts';
import { COMPARING_ONLY_WORDS, PERIOD_BEFORE_ALONE } from './lexicon/compare-words.ts';
import type { QuestionAnalysis } from './rules/analyse-question.ts';
import type { Draft } from './rules/draft.ts';
import { hasCue } from './rules/intent.ts';
import type { Ranking } from './rules/ranking.ts';
import type { TimeResolution } from './time/resolve-time.ts';

/** What a conversation remembers between turns. */
export interface ConversationState {
  lastQuery: SemanticQueryInput | null;
  lastIntent: Intent | null;
  language: Lang;
  turn: number;
  /** The last range was a default (no time words), so "show the trend" may widen it. */
  defaultedRange?: boolean;
  /** The query of a clarify turn, continued when the next turn picks an option (a period). */
  pendingQuery?: SemanticQueryInput;
  /** The intent of that query (an at-risk list, a breakdown), so a refinement continues it ("only high value"). */
  pendingIntent?: Intent;
}

/**
 * The state a follow-up reads: after a clarify, a turn naming a period ("那就上个月", "ok, last quarter
 * then") continues the clarified question; any other turn continues the last answered one.
 */
export function continuedState(
  previous: ConversationState | undefined,
  namesPeriod: boolean,
): ConversationState | undefined {
  const pending = previous?.pendingQuery;
  if (!pending || !(namesPeriod || !previous.lastQuery)) return previous;
  const intent = previous.pendingIntent ?? ((pending.dimensions ?? []).length > 0 ? 'breakdown' : 'metric');
  return {
    ...previous,
    lastQuery: pending,
    lastIntent: intent,
    pendingQuery: undefined,
    pendingIntent: undefined,
  };
}

/** The state after answering an interpretation (clarify and out-of-scope turns keep the last query). */
export function nextConversationState(
  previous: ConversationState | undefined,
  interpretation: Interpretation,
  defaultedRange = false,
): ConversationState {
  const answered = interpretation.kind === 'query' || interpretation.kind === 'analysis';
  // a clarify that holds the question's query ("这个月还没有数据") is continued by the chosen option
  // ("那就上个月"): the next turn changes that query
  const pending =
    interpretation.kind === 'clarify' && interpretation.query && interpretation.query.metrics.length > 0
      ? interpretation.query
      : null;
  return {
    lastQuery: answered ? interpretation.query : (previous?.lastQuery ?? null),
    lastIntent: answered ? interpretation.intent : (previous?.lastIntent ?? null),
    ...(pending ? { pendingQuery: pending } : {}),
    ...(pending && interpretation.pendingIntent ? { pendingIntent: interpretation.pendingIntent } : {}),
    language: interpretation.language,
    turn: (previous?.turn ?? 0) + 1,
    defaultedRange: answered ? defaultedRange : previous?.defaultedRange,
  };
}

/**
 * A follow-up changes the previous query rather than starting over: it says so (呢, 那, what about,
 * 只看, 换成, instead) or it names no metric of its own ("按地区看", "why?", "top 3").
 */
export function isFollowUp(
  previous: ConversationState | undefined,
  draft: Draft,
  analysis: QuestionAnalysis,
  metricNamed: boolean,
): boolean {
  if (!previous?.lastQuery || previous.lastQuery.model !== draft.model) return false;
  if (['followUp', 'only', 'replace', 'also'].some((c) => hasCue(analysis, c))) return true;
  return !metricNamed;
}

/** The merged parts of a follow-up, before the period defaults are applied. */
export interface FollowUpParts {
  intent: Intent;
  metrics: string[];
  dimensions: string[];
  filters: Filter[];
  ranking: Ranking;
  time: TimeResolution;
  keepRangeFromPrevious: boolean;
  note?: 'same_period_last_year' | 'period_before';
}

/** The time words of a follow-up (with a 再 "once more" before them), lower-cased, all in `words`. */
function allIn(time: TimeResolution, original: string, words: Set<string>): boolean {
  const said = time.spans.map((s) =>
    original.slice(original[s.start - 1] === '再' ? s.start - 1 : s.start, s.end),
  );
  return said.length > 0 && said.every((t) => words.has(t.trim().toLowerCase()));
}

const rankingOf = (q: SemanticQueryInput): Ranking => ({ dir: q.order?.[0]?.dir, limit: q.limit });

/** Applies CONVENTIONS.md "Follow-ups" to the previous query. */
export function applyFollowUp(
  previous: ConversationState,
  draft: Draft,
  analysis: QuestionAnalysis,
  metricNamed: boolean,
): FollowUpParts {
  const q = previous.lastQuery!;
  const metrics = metricNamed ? draft.metrics : [...q.metrics];
  let dimensions = [...(q.dimensions ?? [])];
  if (draft.dimensions.length > 0) {
    dimensions = hasCue(analysis, 'also')
      ? [...new Set([...dimensions, ...draft.dimensions])]
      : [...draft.dimensions];
  }
  const replaced = new Set(draft.filters.map((f) => f.member));
  // "换成华东" after "各地区": one value of a grouped dimension becomes a filter, not a one-row grouping
  const narrowed = draft.filters.filter((f) => f.op === 'in' && f.values.length === 1).map((f) => f.member);
  dimensions = dimensions.filter((d) => !narrowed.includes(d) || draft.dimensions.includes(d));
  const previousFilters: Filter[] = (q.filters ?? []).map((f) => ({ ...f, values: f.values ?? [] }));
  const filters = [...previousFilters.filter((f) => !replaced.has(f.member)), ...draft.filters];
  let ranking = rankingOf(q);
  if (draft.ranking.dir || draft.ranking.limit)
    ranking = { dir: draft.ranking.dir ?? ranking.dir ?? 'desc', limit: draft.ranking.limit };

  const time: TimeResolution = {
    ...draft.time,
    matchedText: [...draft.time.matchedText],
    spans: [...draft.time.spans],
  };
  let keepRangeFromPrevious = false;
  let note: FollowUpParts['note'];
  const comparing = hasCue(analysis, 'comparison');
  const comparingWord = allIn(time, analysis.original, COMPARING_ONLY_WORDS);
  if (q.timeRange && !comparing && allIn(time, analysis.original, PERIOD_BEFORE_ALONE)) {
    // "Same figure for the quarter before", "再上个月呢": that period alone, not a comparison
    time.range = shiftBack(q.timeRange, compareShift(q.timeRange, 'previous_period'));
    time.compare = undefined;
    note = 'period_before';
  } else if (
    !time.range &&
    time.compare === 'same_period_last_year' &&
    q.timeRange &&
    !comparing &&
    !comparingWord
  ) {
    // "那去年同期呢" asks for the same range a year earlier, not a comparison ("vs last year?" is one)
    time.range = shiftYears(q.timeRange, -1);
    time.compare = undefined;
    note = 'same_period_last_year';
  } else if (!time.range && q.timeRange && !(time.grain && previous.defaultedRange)) {
    // "YoY 呢?": the previous period, compared
    time.range = q.timeRange;
    keepRangeFromPrevious = true;
  }
  if (!time.compare && q.compare && !note) time.compare = q.compare;
  if (!time.grain && q.time && draft.intent !== 'reasons') time.grain = q.time.grain;

  let intent: Intent = draft.intent;
  const freshIntent =
    ANALYSIS_INTENT_SET.has(draft.intent) ||
    (draft.intent === 'comparison' && note !== 'period_before') ||
    draft.intent === 'trend';
  if (!freshIntent) {
    const compared = filters.some(
      (f) => f.op === 'in' && f.values && f.values.length >= 2 && dimensions.includes(f.member),
    );
    if (draft.dimensions.length === 0 && previous.lastIntent && ANALYSIS_INTENT_SET.has(previous.lastIntent))
      intent = previous.lastIntent;
    else if (time.grain) intent = 'trend';
    else if (compared) intent = 'comparison';
    else if (dimensions.length > 0) intent = 'breakdown';
    else intent = 'metric';
  }
  if (intent === 'reasons' && draft.intent === 'reasons') {
    // "why?" keeps the period and filters, and hands the grouping to the analysis
    return {
      intent,
      metrics,
      dimensions: draft.dimensions,
      filters,
      ranking: {},
      time: { ...time, grain: undefined, trend: false },
      keepRangeFromPrevious,
      note,
    };
  }
  return { intent, metrics, dimensions, filters, ranking, time, keepRangeFromPrevious, note };
}
