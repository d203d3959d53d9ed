import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { DATA_CHANGE_PATTERNS_EN, DATA_CHANGE_WORDS_ZH, OFF_TOPIC_WORDS } from '../lexicon/scope-words.ts';
import { findPhrases } from '../match/phrase-finder.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import { decline, say } from './messages.ts';

const OFF_TOPIC = OFF_TOPIC_WORDS.map(normaliseKey);
const CONTENT_CUES = new Set([
  'why',
  'reasonsNoun',
  'drivers',
  'actions',
  'riskList',
  'cohorts',
  'survival',
  'segments',
  'whatChanged',
]);

/**
 * The reason to decline, or null: any request to change data; a question about something else
 * (天气, a poem) that names nothing in the catalog; a question in which nothing was understood.
 */
export function outOfScopeReason(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  hasPrevious: boolean,
): string | null {
  const lang = analysis.language;
  if (analysis.original.trim().length === 0)
    return say.noQuestion(lang) + decline.offTopic(catalog, lang).replace(/^[^。.]*[。.]\s*/, '');
  const changes =
    findPhrases(analysis.norm.text, DATA_CHANGE_WORDS_ZH).length > 0 ||
    DATA_CHANGE_PATTERNS_EN.some((re) => re.test(analysis.folded));
  if (changes) return decline.dataChange(catalog, lang);
  const namesData = analysis.matches.length > 0;
  const namesMetric = analysis.matches.some((m) => m.targets[0].target.kind === 'metric');
  // "the weather in Shanghai" names a city but asks nothing of the data
  if (!namesMetric && findPhrases(analysis.norm.text, OFF_TOPIC).length > 0)
    return decline.offTopic(catalog, lang);
  const understoodSomething =
    namesData ||
    analysis.timeTokens.length > 0 ||
    analysis.cues.some((c) => !c.insideCatalog && (CONTENT_CUES.has(c.cue) || hasPrevious));
  if (!understoodSomething) return decline.offTopic(catalog, lang);
  return null;
}
