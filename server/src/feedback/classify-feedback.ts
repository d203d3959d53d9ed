import type { ReasonCode } from '../canonical/canonical-schema.ts';
import { REASON_CODES } from '../canonical/canonical-schema.ts';
import { detectLanguage, type FeedbackLanguage } from './language.ts';
import { defaultMatcher } from './lexicon.ts';
import { scoreFeedback } from './score-feedback.ts';

/** Sentiment classes of the canonical `feedback.sentiment` column. */
export type FeedbackSentiment = 'positive' | 'neutral' | 'negative';

/** One classified text; `cues` lists the evidence that decided it, in reading order, then the verdicts. */
export interface FeedbackClassification {
  topic: ReasonCode;
  /** Confidence in the topic, 0..1 (0 for `other` when no topic evidence was found). */
  topicScore: number;
  sentiment: FeedbackSentiment;
  /** −1 (negative) .. 1 (positive); |score| below {@link NEUTRAL_BAND} is neutral. */
  sentimentScore: number;
  language: FeedbackLanguage;
  cues: string[];
}

/** Scores closer to zero than this are neutral. */
export const NEUTRAL_BAND = 0.15;
/** Score of a text whose only sentiment is lukewarm (一般般, okay): inside the neutral band, keeping its lean. */
const LUKEWARM_SCORE = 0.1;
/** Topic evidence below this is too weak to name a reason: the topic is `other`. */
export const TOPIC_THRESHOLD = 1;

/**
 * Classifies one customer text (Chinese or English) into a reason topic and a sentiment with lexicons
 * and rules; every result carries the cues that decided it.
 * @example classifyFeedback('送餐太慢了，等了一个多小时') // { topic: 'logistics', sentiment: 'negative', … }
 */
export function classifyFeedback(text: string, lang?: FeedbackLanguage): FeedbackClassification {
  const normalised = (typeof text === 'string' ? text : '').normalize('NFKC').toLowerCase().trim();
  const guess = detectLanguage(normalised);
  const language = lang ?? guess.language;
  const cues = [`language ${language} (CJK share ${guess.cjkShare.toFixed(2)}${lang ? ', given' : ''})`];
  if (guess.letters === 0) {
    cues.push(
      normalised.length === 0 ? 'empty text: nothing to classify' : 'no words in text: nothing to classify',
    );
    return { topic: 'other', topicScore: 0, sentiment: 'neutral', sentimentScore: 0, language, cues };
  }
  const evidence = scoreFeedback(normalised, defaultMatcher());
  cues.push(...evidence.cues);

  let sentimentScore = round(Math.tanh(evidence.sentiment / 2));
  if (evidence.lukewarmOnly && Math.abs(sentimentScore) > LUKEWARM_SCORE) {
    sentimentScore = Math.sign(sentimentScore) * LUKEWARM_SCORE;
    cues.push('only lukewarm verdicts: neutral');
  }
  const sentiment: FeedbackSentiment =
    sentimentScore >= NEUTRAL_BAND ? 'positive' : sentimentScore <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  cues.push(`sentiment ${sentiment} (sum ${evidence.sentiment.toFixed(2)} → ${sentimentScore})`);

  let best: ReasonCode = 'other';
  let bestScore = 0;
  let total = 0;
  for (const code of REASON_CODES) {
    const score = evidence.topics.get(code)?.score ?? 0;
    total += score;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  if (bestScore < TOPIC_THRESHOLD) {
    cues.push(
      bestScore === 0
        ? 'topic other: no topic terms'
        : `topic other: strongest evidence ${best} ${bestScore.toFixed(2)} < ${TOPIC_THRESHOLD}`,
    );
    return { topic: 'other', topicScore: 0, sentiment, sentimentScore, language, cues };
  }
  const terms = evidence.topics.get(best)?.terms ?? [];
  cues.push(`topic ${best} ${bestScore.toFixed(2)} (${terms.join(', ')})`);
  const topicScore = round((bestScore / total) * (1 - Math.exp(-bestScore / 2)));
  return { topic: best, topicScore, sentiment, sentimentScore, language, cues };
}

/** Classifies many texts; the same as mapping {@link classifyFeedback}, kept as the batch entry point. */
export function classifyFeedbackBatch(
  texts: readonly string[],
  lang?: FeedbackLanguage,
): FeedbackClassification[] {
  return texts.map((text) => classifyFeedback(text, lang));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
