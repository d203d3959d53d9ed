import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import {
  ABSENT_CONCEPTS,
  BUSINESS_DOCUMENTS,
  BUSINESS_PARAMETERS,
  CHANGE_VERBS_EN,
  CHANGE_VERBS_ZH,
  IMPERATIVE_EN,
  IMPERATIVE_ZH,
  INTO_VERBS_EN,
  INTO_VERBS_ZH,
  MAKE_VERBS_EN,
  MAKE_VERBS_ZH,
  OTHER_SYSTEM_WORDS,
  STAFF_WORDS,
} from '../lexicon/message-words.ts';
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
import { wordAlternation } from '../text/word-pattern.ts';
import { actOnCustomers, asksAboutAct, declineAct } from './act-on-customers.ts';
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
  'listVerb',
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
    // "给流失客户发短信以后回流率多少" asks about the act: only a clause that orders it is declined
    findPhrases(analysis.norm.text, ACTIONS_ZH).some(
      (hit) => !asksAboutAct(analysis.folded, analysis.norm.map[hit.start] ?? 0),
    ) ||
    ACTION_REQUEST_PATTERNS_EN.some((re) => re.test(analysis.folded)) ||
    REQUEST_CLASSES.some((re) => re.test(analysis.folded))
  );
}

const alternatives = (words: readonly string[]) => wordAlternation(words, { spaces: true });
const SYSTEM = alternatives(OTHER_SYSTEM_WORDS);
const CLAUSE = '[^，。？?!！;；]';
/**
 * Requests by class (lexicon/message-words.ts), each a verb and its object: writing into another system
 * ("直接推到ERP里", "load them into Salesforce"), producing a business document ("生成下个月的补货单",
 * "raise a purchase order"), changing a business parameter ("把月租型方案的资费调涨5%", "please raise the
 * tariff by 5%"). Questions about them ("资费上调以后流失率变了吗") name no imperative and stay questions.
 */
const REQUEST_CLASSES: RegExp[] = [
  new RegExp(`(?:${alternatives(INTO_VERBS_ZH)})${CLAUSE}{0,8}?(?:${SYSTEM})`, 'i'),
  new RegExp(
    `\\b(?:${alternatives(INTO_VERBS_EN)})\\b.{0,40}\\b(?:into|to|in)\\s+(?:the\\s+|our\\s+|my\\s+)?(?:${SYSTEM})\\b`,
    'i',
  ),
  new RegExp(
    `(?:${alternatives(MAKE_VERBS_ZH)})${CLAUSE}{0,10}?(?:${alternatives(BUSINESS_DOCUMENTS)})`,
    'i',
  ),
  new RegExp(
    `\\b(?:${alternatives(MAKE_VERBS_EN)})\\b.{0,30}\\b(?:${alternatives(BUSINESS_DOCUMENTS)})\\b`,
    'i',
  ),
  new RegExp(
    `(?:把|将)${CLAUSE}{0,20}?(?:${alternatives(BUSINESS_PARAMETERS)})${CLAUSE}{0,8}?(?:${alternatives(CHANGE_VERBS_ZH)})`,
    'i',
  ),
  new RegExp(
    `(?:${alternatives(IMPERATIVE_ZH)})${CLAUSE}{0,6}?(?:${alternatives(CHANGE_VERBS_ZH)})${CLAUSE}{0,10}?(?:${alternatives(BUSINESS_PARAMETERS)})`,
    'i',
  ),
  new RegExp(
    `(?:^|\\b(?:${alternatives(IMPERATIVE_EN)})\\s+)(?:${alternatives(CHANGE_VERBS_EN)})\\b.{0,40}\\b(?:${alternatives(BUSINESS_PARAMETERS)})\\b`,
    'i',
  ),
];
const STAFF = keys(STAFF_WORDS);
const ABSENT = keys(ABSENT_CONCEPTS);

/**
 * A business concept the model does not hold ("share of wallet", "缺货断码"), unless a catalog word
 * covers it: named back instead of answering another metric.
 */
export function absentConcept(analysis: QuestionAnalysis): string | undefined {
  const { norm } = analysis;
  for (const hit of findPhrases(norm.text, ABSENT)) {
    const start = norm.map[hit.start]!;
    const end = norm.map[hit.end - 1]! + 1;
    if (analysis.matches.some((m) => m.start < end && m.end > start)) continue;
    // the whole unknown word it stands in ("缺货断码", not "缺货")
    const word = analysis.unknown.find((t) => t.start <= start && t.end >= end);
    return word?.text.trim() ?? analysis.original.slice(start, end);
  }
  return undefined;
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
  namesCustomer = false,
): string | null {
  const lang = analysis.language;
  const text = analysis.norm.text;
  if (analysis.original.trim().length === 0)
    return say.noQuestion(lang) + decline.offTopic(catalog, lang).replace(/^[^。.]*[。.]\s*/, '');
  if (asksToChangeData(analysis)) return decline.dataChange(catalog, lang);
  // "帮我send个短信俾啲走咗嘅客", "apply a credit to 3668-QPYBK's account": an act on customers, said back
  const act = actOnCustomers(analysis.folded);
  if (act) return declineAct(act, catalog, lang);
  if (asksForAction(analysis) || REQUEST_PATTERNS.some((re) => re.test(analysis.folded)))
    return decline.action(catalog, lang);
  if (findPhrases(text, OVERRIDES).length > 0) return decline.instructions(catalog, lang);
  if (findPhrases(text, OFF_TOPIC_ASKS).length > 0) return decline.offTopic(catalog, lang);
  // "staff turnover rate", "员工离职率": about employees, whatever metric word is used
  if (findPhrases(text, STAFF).length > 0) return decline.offTopic(catalog, lang);
  const namesData = analysis.matches.length > 0;
  const namesMetric = analysis.matches.some((m) => m.targets[0].target.kind === 'metric');
  // "the weather in Shanghai" names a city but asks nothing of the data
  if (!namesMetric && findPhrases(text, OFF_TOPIC).length > 0) return decline.offTopic(catalog, lang);
  const understoodSomething =
    namesData ||
    namesCustomer ||
    askShape(analysis.folded) !== undefined ||
    analysis.timeTokens.length > 0 ||
    analysis.cues.some(
      (c) => !c.insideCatalog && (CONTENT_CUES.has(c.cue) || c.cue === 'vague' || hasPrevious),
    );
  if (!understoodSomething) return decline.offTopic(catalog, lang);
  return null;
}
