import type { Catalog, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import { addMonths, lastCompleteQuarter } from '../../calendar/calendar.ts';
import { ANALYSIS_INTENT_SET, type Interpretation } from '../interpretation.ts';
import { qualifiesUnderstoodWord, standsInGroupingSlot, unknownEventName } from '../match/word-slots.ts';
import type { RulesResult } from '../rules-interpreter.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { clarifyEmptyPeriod, clarifyUnknownFilter, looksLikeFilter, type Reinterpret } from './clarify.ts';
import { assembleQuery, type Draft } from './draft.ts';
import { say } from './messages.ts';
import { choosePeriod } from './period.ts';

/**
 * A churn forecast is always for the quarter starting on the data's date (analysis/forecast): no default
 * period is assumed; the horizon is said, with any other period the question named ("明年") as unused.
 */
function forecastReading(
  analysis: QuestionAnalysis,
  asOf: string,
  parts: Parts,
  assumptions: string[],
  base: { language: Lang; unknownTerms: string[]; understood: Interpretation['understood'] },
): RulesResult {
  const lang = analysis.language;
  const horizon = { start: asOf, end: addMonths(asOf, 3) };
  const other = analysis.timeTokens
    .filter((t) => t.kind === 'range' && t.range && (t.range.start !== asOf || t.range.end !== horizon.end))
    .map((t) => analysis.original.slice(t.start, t.end));
  // the query measured where no forecast can be made carries the last complete quarter, the forecast's base
  const query = assembleQuery({
    model: parts.model,
    metrics: parts.metrics,
    dimensions: parts.dimensions,
    filters: parts.filters,
    timeRange: lastCompleteQuarter(asOf),
  });
  const said = [...assumptions, say.forecastHorizon(horizon, other, lang)];
  if (base.unknownTerms.length > 0) said.push(say.unknownTerms(base.unknownTerms, lang));
  return { ...base, kind: 'analysis', intent: parts.intent, query, assumptions: said };
}

/** The parts of a question once read (and merged with the previous turn), before the period defaults. */
export type Parts = Pick<
  Draft,
  'model' | 'metrics' | 'dimensions' | 'filters' | 'intent' | 'ranking' | 'time' | 'timeDimension'
>;

/** Period defaults, assumptions, the unknown-word and empty-period checks, then the interpretation. */
export function finish(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  asOf: string,
  parts: Parts,
  assumptions: string[],
  base: { language: Lang; unknownTerms: string[]; understood: Interpretation['understood'] },
  reinterpret: Reinterpret,
  inheritedDefault: boolean | undefined,
): RulesResult {
  const lang = analysis.language;
  if (parts.intent === 'churn_forecast') return forecastReading(analysis, asOf, parts, assumptions, base);
  const joined = parts.time.joined;
  if (parts.intent === 'decomposition' && joined && joined.from.end === joined.to.start) {
    // "what changed from Q2 to Q3": the later period is explained against the one just before it
    parts = { ...parts, time: { ...parts.time, range: joined.to } };
  }
  const period = choosePeriod(parts.time, parts.metrics, catalog, asOf, lang, {
    timeDimension: parts.timeDimension,
    trend: parts.intent === 'trend',
  });
  let compare = period.compare;
  const allAssumptions = [...assumptions, ...period.assumptions];
  if (parts.intent === 'decomposition' && !compare && period.timeRange) {
    compare = 'previous_period';
    allAssumptions.push(say.decompositionCompare(lang));
  }
  const query: SemanticQueryInput = assembleQuery({
    model: parts.model,
    metrics: parts.metrics,
    dimensions: parts.dimensions,
    filters: parts.filters,
    time: period.time,
    timeRange: period.timeRange,
    compare,
    ranking: parts.ranking,
  });
  const understood = [...base.understood, ...period.understood];
  const kind = ANALYSIS_INTENT_SET.has(parts.intent) ? 'analysis' : 'query';
  const defaultedRange = inheritedDefault ?? period.defaulted;

  // an unknown word in a filter frame asks back, unless it only qualifies a word understood (match/word-slots.ts);
  // so does a date the calendar does not have ("会员日那天"): it decides the period, never dropped
  const named = unknownEventName(analysis);
  const event = named && analysis.unknown.find((t) => t.start < named.end && t.end > named.start);
  if (named && !event) {
    analysis.unknown = [...analysis.unknown, named];
    base.unknownTerms = [...base.unknownTerms, named.text];
  }
  const eventTerm = event ?? named;
  // an analysis picks its own grouping (drivers, segments, the at-risk list…): an unknown word after
  // 各/不同/which is named in the headline rather than asked back ("各个群体自己的流失率变了")
  const analysed = ANALYSIS_INTENT_SET.has(parts.intent);
  const inGroupingSlot = analysis.unknown.filter((t) => standsInGroupingSlot(t, analysis.original));
  const grouping = analysed ? [] : inGroupingSlot;
  const filterLike = analysis.unknown.filter(
    (t) =>
      t === eventTerm ||
      grouping.includes(t) ||
      (looksLikeFilter(t, analysis.original) &&
        !qualifiesUnderstoodWord(t, analysis) &&
        !(analysed && inGroupingSlot.includes(t))),
  );
  // A clarify keeps what was understood and the query it would run, with the clarify's question and options.
  const asClarify = <C extends object>(c: C) => ({
    ...base,
    understood,
    kind: 'clarify' as const,
    intent: 'clarify' as const,
    query,
    assumptions: allAssumptions,
    ...(query && parts.intent !== 'clarify' ? { pendingIntent: parts.intent } : {}),
    ...c,
  });
  if (filterLike.length > 0) {
    const reason = eventTerm
      ? say.unknownEvent((named ?? eventTerm).text, lang)
      : grouping.length > 0
        ? say.unknownGrouping(
            grouping.map((t) => t.text),
            lang,
          )
        : undefined;
    const c = clarifyUnknownFilter(filterLike, analysis.original, lang, reinterpret, reason);
    return asClarify(c);
  }
  if (base.unknownTerms.length > 0) allAssumptions.push(say.unknownTerms(base.unknownTerms, lang));
  if (analysis.time.empty && analysis.time.range && period.timeRange) {
    const token = analysis.timeTokens.find((t) => t.kind === 'range')!;
    const words = {
      text: analysis.original.slice(token.start, token.end),
      start: token.start,
      end: token.end,
    };
    const c = clarifyEmptyPeriod(
      words,
      analysis.time.range,
      analysis.time.alternative,
      analysis.original,
      query,
      lang,
    );
    return asClarify(c);
  }
  // one figure set against an earlier period (环比, vs the month before) reads as a comparison, as the
  // pipeline reads an edited query with `compare` (pipeline/interpret-turn.ts)
  const compared =
    parts.intent === 'metric' &&
    query?.compare !== undefined &&
    (query.dimensions ?? []).length === 0 &&
    !query.time;
  return {
    ...base,
    understood,
    kind,
    intent: compared ? 'comparison' : parts.intent,
    query,
    assumptions: allAssumptions,
    defaultedRange,
  };
}
