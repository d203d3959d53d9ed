import type { ReasonCode } from '../canonical/canonical-schema.ts';
import { REASON_CODES } from '../canonical/canonical-schema.ts';
import {
  aspectEvidence,
  type FeedbackModel,
  feedbackModel,
  scoreText,
  sentimentEvidence,
} from './feedback-model.ts';
import { detectLanguage, type FeedbackLanguage } from './language.ts';
import { defaultMatcher } from './lexicon.ts';
import { normaliseFeedbackText } from './normalise-text.ts';
import { type FeedbackEvidence, scoreFeedback } from './score-feedback.ts';

/** Sentiment classes of the canonical `feedback.sentiment` column. */
export type FeedbackSentiment = 'positive' | 'neutral' | 'negative';

/** One classified text; `cues` lists the evidence that decided it, in reading order, then the verdicts. */
export interface FeedbackClassification {
  /** The reason raised (complaint, question, request, reason for leaving); praise raises none: `other`. */
  topic: ReasonCode;
  /** What the text is about, praise included ("物流很快" → logistics); `topic` unless the text is praise. */
  aspect: ReasonCode;
  /** The model's confidence in the topic, 0..1 (0 for `other`). */
  topicScore: number;
  sentiment: FeedbackSentiment;
  /** −1 (negative) .. 1 (positive); |score| below {@link NEUTRAL_BAND} is neutral. */
  sentimentScore: number;
  language: FeedbackLanguage;
  cues: string[];
}

/** Scores closer to zero than this are neutral. */
export const NEUTRAL_BAND = 0.15;
/**
 * A text read as positive names a reason only when it also states a problem: complaint words summing to −1.5
 * or less ("好吃，就是饺子坨了"; words of a solved problem such as "退款很快" or "refund landed" weigh about −1.3),
 * or a milder complaint (−0.5 or less) where the lexicon finds a reason in a complaining clause ("口味偏甜").
 */
function statesProblem(evidence: FeedbackEvidence): boolean {
  return (
    evidence.complaint <= -1.5 ||
    (evidence.complaint <= -0.5 && lexiconReason(evidence).score >= TOPIC_THRESHOLD)
  );
}
/** Topic evidence below this is too weak to name a reason: the topic is `other`. */
export const TOPIC_THRESHOLD = 1;

/**
 * Classifies one customer text (Chinese or English) into a reason topic, an aspect and a sentiment: the
 * lexicons and rules find evidence, the n-gram model (feedback-model.ts) weighs it with the text's n-grams.
 * Every result carries the cues that decided it.
 * @example classifyFeedback('送餐太慢了，等了一个多小时') // { topic: 'logistics', sentiment: 'negative', … }
 */
export function classifyFeedback(text: string, lang?: FeedbackLanguage): FeedbackClassification {
  return classifyFeedbackWith(feedbackModel(), text, lang);
}

/** {@link classifyFeedback} with another n-gram model (the build script's cross-validation folds). */
export function classifyFeedbackWith(
  model: FeedbackModel,
  text: string,
  lang?: FeedbackLanguage,
): FeedbackClassification {
  const normalised = normaliseFeedbackText(text);
  const guess = detectLanguage(normalised);
  const language = lang ?? guess.language;
  const cues = [`language ${language} (CJK share ${guess.cjkShare.toFixed(2)}${lang ? ', given' : ''})`];
  if (guess.letters === 0) {
    cues.push(
      normalised.length === 0 ? 'empty text: nothing to classify' : 'no words in text: nothing to classify',
    );
    return {
      topic: 'other',
      aspect: 'other',
      topicScore: 0,
      sentiment: 'neutral',
      sentimentScore: 0,
      language,
      cues,
    };
  }
  const evidence = scoreFeedback(normalised, defaultMatcher());
  cues.push(...evidence.cues, lexiconVerdict(evidence));

  const scores = scoreText(model, normalised, sentimentEvidence(evidence), aspectEvidence(evidence));
  const aspectP = scores.aspect;

  const [negative, neutral, positive] = scores.sentiment;
  let sentiment: FeedbackSentiment =
    neutral >= negative && neutral >= positive ? 'neutral' : positive > negative ? 'positive' : 'negative';
  const lean = positive - negative;
  cues.push(`sentiment model: negative ${p(negative)}, neutral ${p(neutral)}, positive ${p(positive)}`);
  // No known word or character and no lexicon evidence: no verdict.
  const known = scores.knownWords;
  const lexiconSilent = evidence.praise === 0 && evidence.complaint === 0 && evidence.aspects.size === 0;
  if (known === 0 && lexiconSilent) {
    sentiment = 'neutral';
    cues.push('no known words: neutral');
  } else if (evidence.lukewarmOnly) {
    // A middling verdict alone (一般般, okay) is neutral, the product's rule since issue 5.
    sentiment = 'neutral';
    cues.push('only lukewarm verdicts: neutral');
  }
  // The score keeps the −1..1 scale: its sign leans, and it lies inside the neutral band only when neutral.
  const sentimentScore = round(
    sentiment === 'neutral'
      ? lean * NEUTRAL_BAND * 0.99
      : Math.sign(lean) * Math.max(Math.abs(lean), NEUTRAL_BAND),
  );
  cues.push(`sentiment ${sentiment} (${sentimentScore})`);

  let best = 0;
  for (let c = 1; c < aspectP.length; c++) if (aspectP[c] > aspectP[best]) best = c;
  let aspect = model.aspectClasses[best] as ReasonCode;
  if (known === 0 && lexiconSilent) aspect = 'other';
  if (aspect === 'other') {
    cues.push(lexiconSilent ? 'topic other: no topic terms' : `topic other (model ${p(aspectP[best])})`);
    return { topic: 'other', aspect, topicScore: 0, sentiment, sentimentScore, language, cues };
  }
  if (sentiment === 'positive' && !statesProblem(evidence)) {
    cues.push(`topic other: praise raises no reason (aspect ${aspect}, model ${p(aspectP[best])})`);
    return { topic: 'other', aspect, topicScore: 0, sentiment, sentimentScore, language, cues };
  }
  if (sentiment === 'positive') cues.push(`praise that states a problem (${evidence.complaint.toFixed(2)})`);
  const topicScore = round(aspectP[best]);
  cues.push(`topic ${aspect} (model ${p(topicScore)})`);
  return { topic: aspect, aspect, topicScore, sentiment, sentimentScore, language, cues };
}

/** The lexicon's strongest reason evidence (praise damped, complaints counted fully). */
function lexiconReason(evidence: FeedbackEvidence): { code: ReasonCode; score: number } {
  let code: ReasonCode = 'other';
  let score = 0;
  for (const c of REASON_CODES) {
    const s = evidence.topics.get(c)?.score ?? 0;
    if (s > score) {
      code = c;
      score = s;
    }
  }
  return { code, score };
}

/** The lexicon's own reading, as a cue: its sentiment sum and strongest reason evidence. */
function lexiconVerdict(evidence: FeedbackEvidence): string {
  const { code, score } = lexiconReason(evidence);
  const terms = evidence.topics.get(code)?.terms ?? [];
  const topic = score < TOPIC_THRESHOLD ? 'other' : `${code} ${score.toFixed(2)} (${terms.join(', ')})`;
  return `lexicon: sentiment sum ${evidence.sentiment.toFixed(2)}${evidence.lukewarmOnly ? ' (lukewarm only)' : ''}, topic ${topic}`;
}

const p = (x: number) => x.toFixed(2);

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
