import { readFileSync } from 'node:fs';
import { REASON_CODES } from '../canonical/canonical-schema.ts';
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

/** A model ready to score: sparse weights in a Map. */
export interface SoftmaxModel {
  classes: string[];
  bias: number[];
  dense: number[][];
  sparse: Map<string, number[]>;
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

/** Class probabilities for a text's sparse features and dense evidence. */
export function predict(model: SoftmaxModel, sparse: readonly string[], dense: readonly number[]): number[] {
  const k = model.classes.length;
  const logits = model.bias.slice();
  for (const key of sparse) {
    const w = model.sparse.get(key);
    if (w) for (let c = 0; c < k; c++) logits[c] += w[c];
  }
  for (let j = 0; j < dense.length; j++) {
    const x = dense[j];
    if (x === 0) continue;
    const w = model.dense[j];
    for (let c = 0; c < k; c++) logits[c] += w[c] * x;
  }
  return softmax(logits);
}

export function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  let sum = 0;
  const out = logits.map((z) => {
    const e = Math.exp(z - max);
    sum += e;
    return e;
  });
  return out.map((e) => e / sum);
}

/** Turns the stored weights into a model ready to score. */
export function toModel(weights: SoftmaxWeights): SoftmaxModel {
  return {
    classes: weights.classes,
    bias: weights.bias,
    dense: weights.dense,
    sparse: new Map(Object.entries(weights.sparse)),
  };
}

export const MODEL_FILE = new URL('./feedback-model.json', import.meta.url);

let loaded: { sentiment: SoftmaxModel; aspect: SoftmaxModel } | undefined;

/** The committed model, read once on first use (about 1 MB of JSON, a few tens of milliseconds). */
export function feedbackModel(): { sentiment: SoftmaxModel; aspect: SoftmaxModel } {
  if (!loaded) {
    const file = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as FeedbackModelFile;
    loaded = { sentiment: toModel(file.sentiment), aspect: toModel(file.aspect) };
  }
  return loaded;
}
