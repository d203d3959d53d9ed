import { readFileSync } from 'node:fs';
import { REASON_CODES } from '../canonical/canonical-schema.ts';
import { forEachFeature, isWordFeature, MAX_GRAM } from './ngram-features.ts';
import type { FeedbackEvidence } from './score-feedback.ts';

/**
 * The n-gram model: two softmax (multinomial logistic) regressions, one for sentiment (negative, neutral,
 * positive) and one for the aspect (what a text is about, the 8 taxonomy codes), over the sparse n-gram
 * features of ngram-features.ts plus a few dense features from the lexicon's evidence, so the model learns
 * how far to trust the lexicon and backs it off with n-grams when the lexicon finds nothing.
 * Weights: feedback-model.json beside this file, built by scripts/build-feedback-model.ts (deterministic).
 */
export interface SoftmaxWeights {
  classes: string[];
  bias: number[];
  /** One row per dense feature, one weight per class. */
  dense: number[][];
  /** Sparse feature key → one weight per class. */
  sparse: Record<string, number[]>;
}

export interface FeedbackModelFile {
  version: number;
  /** How the weights were built: the data, the sizes and the command, for the record. */
  built: Record<string, unknown>;
  sentiment: SoftmaxWeights;
  aspect: SoftmaxWeights;
}

/** Both regressions ready to score: one Map lookup per n-gram gives the sentiment and the aspect weights. */
export interface FeedbackModel {
  sentimentClasses: string[];
  aspectClasses: string[];
  sentiment: { bias: number[]; dense: number[][] };
  aspect: { bias: number[]; dense: number[][] };
  /** English and punctuation feature keys → weights. */
  keys: Map<string, ModelFeature>;
  /** Chinese n-grams as a character trie: root → first character → second → third. */
  cjk: Map<number, CjkNode>;
}

interface CjkNode {
  feature?: ModelFeature;
  next?: Map<number, CjkNode>;
}

/** One feature's sentiment weights followed by its aspect weights (zeros where a model dropped it). */
interface ModelFeature {
  w: Float64Array;
  /** A whole word or Chinese characters, not a letter 3-gram or punctuation. */
  word: boolean;
  /** The number of the last text that counted this feature: each feature counts once per text. */
  seenIn: number;
}

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
/** The seven topic codes whose lexicon evidence is a dense feature (`other` has none). */
const EVIDENCE_CODES = REASON_CODES.filter((c) => c !== 'other');

/** Dense sentiment features from the lexicon: overall sum, praise, complaint, lukewarm, no evidence. */
export function sentimentEvidence(e: FeedbackEvidence): number[] {
  const none = e.praise === 0 && e.complaint === 0 ? 1 : 0;
  return [
    Math.tanh(e.sentiment / 2),
    Math.tanh(e.praise / 2),
    Math.tanh(e.complaint / 2),
    e.lukewarmOnly ? 1 : 0,
    none,
  ];
}

/** Dense aspect features from the lexicon: evidence per code whatever the sentiment, and as a reason. */
export function aspectEvidence(e: FeedbackEvidence): number[] {
  const features: number[] = [];
  let any = 0;
  for (const code of EVIDENCE_CODES) {
    const raw = e.aspects.get(code) ?? 0;
    any += raw;
    features.push(Math.tanh(raw / 2), Math.tanh((e.topics.get(code)?.score ?? 0) / 2));
  }
  features.push(any === 0 ? 1 : 0);
  return features;
}

/** What the model reads in a normalised text: class probabilities, and how many known words it has. */
export interface ModelScores {
  sentiment: number[];
  aspect: number[];
  /** Known words or Chinese characters (letter 3-grams and punctuation do not count: gibberish has them too). */
  knownWords: number;
}

let textNumber = 0;

/** Scores a normalised text; each feature counts once, as in training. */
export function scoreText(
  model: FeedbackModel,
  text: string,
  sentimentDense: readonly number[],
  aspectDense: readonly number[],
): ModelScores {
  const ks = model.sentimentClasses.length;
  const ka = model.aspectClasses.length;
  const sentiment = withDense(model.sentiment, sentimentDense);
  const aspect = withDense(model.aspect, aspectDense);
  const current = ++textNumber;
  let knownWords = 0;
  const add = (f: ModelFeature | undefined) => {
    if (!f || f.seenIn === current) return;
    f.seenIn = current;
    if (f.word) knownWords++;
    for (let c = 0; c < ks; c++) sentiment[c] += f.w[c];
    for (let c = 0; c < ka; c++) aspect[c] += f.w[ks + c];
  };
  forEachFeature(text, {
    key: (key) => add(model.keys.get(key)),
    cjkRun: (t, start, end) => {
      for (let k = start; k < end; k++) {
        let node = model.cjk.get(t.charCodeAt(k));
        for (let n = 1; node; n++) {
          add(node.feature);
          if (n === MAX_GRAM || k + n >= end) break;
          node = node.next?.get(t.charCodeAt(k + n));
        }
      }
    },
  });
  return { sentiment: softmax(sentiment), aspect: softmax(aspect), knownWords };
}

function withDense(part: { bias: number[]; dense: number[][] }, dense: readonly number[]): number[] {
  const logits = part.bias.slice();
  for (let j = 0; j < dense.length; j++) {
    const x = dense[j];
    if (x !== 0) for (let c = 0; c < logits.length; c++) logits[c] += part.dense[j][c] * x;
  }
  return logits;
}

export function softmax(logits: number[]): number[] {
  let max = logits[0];
  for (const z of logits) if (z > max) max = z;
  let sum = 0;
  const out = logits.map((z) => {
    const e = Math.exp(z - max);
    sum += e;
    return e;
  });
  return out.map((e) => e / sum);
}

/** Joins the two regressions' stored weights into one model. */
export function combineModel(file: { sentiment: SoftmaxWeights; aspect: SoftmaxWeights }): FeedbackModel {
  const ks = file.sentiment.classes.length;
  const ka = file.aspect.classes.length;
  const keys = new Map<string, ModelFeature>();
  const cjk = new Map<number, CjkNode>();
  const feature = (key: string): ModelFeature => {
    const fresh = () => ({ w: new Float64Array(ks + ka), word: isWordFeature(key), seenIn: 0 });
    if (!key.startsWith('c ')) {
      const known = keys.get(key);
      if (known) return known;
      const f = fresh();
      keys.set(key, f);
      return f;
    }
    let level = cjk;
    let node: CjkNode = {};
    for (let i = 2; i < key.length; i++) {
      const code = key.charCodeAt(i);
      node = level.get(code) ?? {};
      level.set(code, node);
      if (i + 1 < key.length) {
        node.next ??= new Map();
        level = node.next;
      }
    }
    node.feature ??= fresh();
    return node.feature;
  };
  for (const [key, w] of Object.entries(file.sentiment.sparse)) feature(key).w.set(w, 0);
  for (const [key, w] of Object.entries(file.aspect.sparse)) feature(key).w.set(w, ks);
  return {
    sentimentClasses: file.sentiment.classes,
    aspectClasses: file.aspect.classes,
    sentiment: { bias: file.sentiment.bias, dense: file.sentiment.dense },
    aspect: { bias: file.aspect.bias, dense: file.aspect.dense },
    keys,
    cjk,
  };
}

export const MODEL_FILE = new URL('./feedback-model.json', import.meta.url);

let loaded: FeedbackModel | undefined;

/** The committed model, read once on first use (about 0.5 MB of JSON, a few tens of milliseconds). */
export function feedbackModel(): FeedbackModel {
  loaded ??= combineModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as FeedbackModelFile);
  return loaded;
}
