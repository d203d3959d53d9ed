/**
 * Draws the waimai part of topic-sample.yaml: a stratified random sample (160 negative, 80 positive
 * reviews of at least 4 characters) with a fixed seed, printed as `row<TAB>label<TAB>review`.
 * The topics in the YAML were then labelled by hand; rerunning this proves which rows were drawn.
 * Run: npx tsx evals/feedback/draw-topic-sample.ts
 */
import { readWaimai, type WaimaiReview } from './read-waimai.ts';

export const SAMPLE_SEED = 20240601;

/** mulberry32: a small seeded PRNG, so the sample is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the stratified sample in file order. */
export function drawTopicSample(reviews: WaimaiReview[], seed = SAMPLE_SEED): WaimaiReview[] {
  const random = mulberry32(seed);
  const pick = (pool: WaimaiReview[], n: number): WaimaiReview[] => {
    const shuffled = [...pool];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    return shuffled.slice(0, n);
  };
  const negative = pick(
    reviews.filter((r) => r.label === 0 && r.review.length >= 4),
    160,
  );
  const positive = pick(
    reviews.filter((r) => r.label === 1 && r.review.length >= 4),
    80,
  );
  return [...negative, ...positive].sort((a, b) => a.row - b.row);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of drawTopicSample(readWaimai())) console.log(`${r.row}\t${r.label}\t${r.review}`);
}
