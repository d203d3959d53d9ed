import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type FeedbackModelFile,
  feedbackModel,
  MODEL_FILE,
  type SoftmaxWeights,
  scoreText,
  softmax,
} from './feedback-model.ts';
import { textFeatures } from './ngram-features.ts';
import { normaliseFeedbackText } from './normalise-text.ts';

const file = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as FeedbackModelFile;

/** The model's probabilities computed the slow way: the training features, looked up in the file. */
function fromFile(weights: SoftmaxWeights, features: string[], dense: number[]): number[] {
  const logits = weights.bias.slice();
  for (const f of features) {
    const w = weights.sparse[f];
    if (w) for (const [c, x] of w.entries()) logits[c] += x;
  }
  for (const [j, x] of dense.entries()) for (const [c, w] of weights.dense[j].entries()) logits[c] += w * x;
  return softmax(logits);
}

describe('the n-gram model reads a text as it was trained', () => {
  it.each([
    '物流太慢了，等了一个星期',
    '買的吹風機用三次就燒壞了，品質真的很差',
    'The app crashes every time I open it!!',
    'APP又闪退了，login失败',
    '没有送水没有送水没有送水',
    'Customer: refund? Agent: soon. Customer: you said that last week',
  ])('%s', (text) => {
    const normalised = normaliseFeedbackText(text);
    const features = textFeatures(normalised);
    const sentimentDense = file.sentiment.dense.map((_, j) => (j === 0 ? -0.5 : 0));
    const aspectDense = file.aspect.dense.map((_, j) => (j === 1 ? 0.7 : 0));
    const fast = scoreText(feedbackModel(), normalised, sentimentDense, aspectDense);
    const slow = {
      sentiment: fromFile(file.sentiment, features, sentimentDense),
      aspect: fromFile(file.aspect, features, aspectDense),
    };
    for (const [c, p] of fast.sentiment.entries()) expect(p).toBeCloseTo(slow.sentiment[c], 9);
    for (const [c, p] of fast.aspect.entries()) expect(p).toBeCloseTo(slow.aspect[c], 9);
    expect(features.length).toBeGreaterThan(5);
  });

  it('has both regressions over the taxonomy and the three sentiments, and a record of how it was built', () => {
    expect(file.sentiment.classes).toEqual(['negative', 'neutral', 'positive']);
    expect(file.aspect.classes).toContain('billing');
    expect(file.aspect.classes).toHaveLength(8);
    expect(file.built.command).toBe('npx tsx evals/feedback/build-model.ts');
    expect(Object.keys(file.aspect.sparse).length).toBeGreaterThan(1000);
  });
});
