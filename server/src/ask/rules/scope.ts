import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import {
  ACTION_REQUEST_PATTERNS_EN,
  ACTION_REQUEST_WORDS_ZH,
  DATA_CHANGE_PATTERNS_EN,
  DATA_CHANGE_SET_ZH,
  DATA_CHANGE_WORDS_ZH,
  DATA_SET_PATTERNS_EN,
  INSTRUCTION_OVERRIDE_WORDS,
  OFF_TOPIC_REQUESTS,
  OFF_TOPIC_WORDS,
  PERSONAL_DATA_WORDS,
  VIEW_WORDS_ZH,
} from '../lexicon/scope-words.ts';
import { REQUEST_PATTERNS } from '../lexicon/shape-patterns.ts';
import { findPhrases } from '../match/phrase-finder.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { askShape } from './ask-shape.ts';
import { decline, say } from './messages.ts';

const keys = (words: readonly string[]) => words.map(normaliseKey);
const OFF_TOPIC = keys(OFF_TOPIC_WORDS);
const OFF_TOPIC_ASKS = keys(OFF_TOPIC_REQUESTS);
const OVERRIDES = keys([...INSTRUCTION_OVERRIDE_WORDS, ...PERSONAL_DATA_WORDS]);
const ACTIONS_ZH = keys(ACTION_REQUEST_WORDS_ZH);
const CONTENT_CUES = new Set([
  'why',
  'reasonsNoun',
  'drivers',
  'actions',
  'campaignOutcomes',
  'riskList',
  'cohorts',
  'survival',
  'segments',
  'whatChanged',
  'winbackTiming',
  'churnForecast',
]);

/** "把流失率改成0", "set the churn rate to 0", "drop the customers table"; not "改成按月看". */
export function asksToChangeData(analysis: QuestionAnalysis): boolean {
  const text = analysis.norm.text;
  if (findPhrases(text, DATA_CHANGE_WORDS_ZH).length > 0) return true;
  if ([...DATA_CHANGE_PATTERNS_EN, ...DATA_SET_PATTERNS_EN].some((re) => re.test(analysis.folded)))
    return true;
  const set = DATA_CHANGE_SET_ZH.exec(analysis.folded);
  return set !== null && !VIEW_WORDS_ZH.includes(set[1]);
}

/** "给所有流失客户群发一条优惠短信", "send them a coupon": carrying out an action, not asking. */
function asksForAction(analysis: QuestionAnalysis): boolean {
  return (
    findPhrases(analysis.norm.text, ACTIONS_ZH).length > 0 ||
    ACTION_REQUEST_PATTERNS_EN.some((re) => re.test(analysis.folded))
  );
}

/**
 * The reason to decline, or null: any request to change data or carry out an action; an attempt to
 * change the assistant's rules or to list personal data; a request for something else (a poem, a
 * flight); a question about something else (天气) that names no metric; a question in which nothing
 * was understood (unless it is a vague request about the data, which gets a clarify instead).
 */
export function outOfScopeReason(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  hasPrevious: boolean,
): string | null {
  const lang = analysis.language;
  const text = analysis.norm.text;
  if (analysis.original.trim().length === 0)
    return say.noQuestion(lang) + decline.offTopic(catalog, lang).replace(/^[^。.]*[。.]\s*/, '');
  if (asksToChangeData(analysis)) return decline.dataChange(catalog, lang);
  if (asksForAction(analysis) || REQUEST_PATTERNS.some((re) => re.test(analysis.folded)))
    return decline.action(catalog, lang);
  if (findPhrases(text, OVERRIDES).length > 0) return decline.instructions(catalog, lang);
  if (findPhrases(text, OFF_TOPIC_ASKS).length > 0) return decline.offTopic(catalog, lang);
  const namesData = analysis.matches.length > 0;
  const namesMetric = analysis.matches.some((m) => m.targets[0].target.kind === 'metric');
  // "the weather in Shanghai" names a city but asks nothing of the data
  if (!namesMetric && findPhrases(text, OFF_TOPIC).length > 0) return decline.offTopic(catalog, lang);
  const understoodSomething =
    namesData ||
    askShape(analysis.folded) !== undefined ||
    analysis.timeTokens.length > 0 ||
    analysis.cues.some(
      (c) => !c.insideCatalog && (CONTENT_CUES.has(c.cue) || c.cue === 'vague' || hasPrevious),
    );
  if (!understoodSomething) return decline.offTopic(catalog, lang);
  return null;
}
