/**
 * Builds the feedback n-gram model (server/src/feedback/feedback-model.json) from evals/feedback/training-data.ts.
 * Deterministic: the same data gives the same file.
 * Run: npx tsx evals/feedback/build-model.ts          (writes the model)
 *      npx tsx evals/feedback/build-model.ts --cv [source]  (5-fold cross-validation on one source, default the
 *        written train set; `--cv blind1` = complaints-1, each fifth held out of training; writes nothing)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REASON_CODES } from '../../server/src/canonical/canonical-schema.ts';
import { classifyFeedbackWith } from '../../server/src/feedback/classify-feedback.ts';
import {
  aspectEvidence,
  combineModel,
  type FeedbackModelFile,
  MODEL_FILE,
  SENTIMENT_CLASSES,
  type SoftmaxWeights,
  sentimentEvidence,
} from '../../server/src/feedback/feedback-model.ts';
import { defaultMatcher } from '../../server/src/feedback/lexicon.ts';
import { textFeatures } from '../../server/src/feedback/ngram-features.ts';
import { normaliseFeedbackText } from '../../server/src/feedback/normalise-text.ts';
import { scoreFeedback } from '../../server/src/feedback/score-feedback.ts';
import { type TrainingExample, trainSoftmax } from './softmax-trainer.ts';
import { readTrainingTexts, type TrainingSource, type TrainingText } from './training-data.ts';

/** Weight of one text of each source in the loss (waimai has 6,000 food reviews; the written set is the target). */
const SOURCE_WEIGHT: Record<TrainingSource, number> = {
  train: 4,
  demo: 1,
  sample: 1,
  waimai: 0.1,
  blind1: 4,
};
const SETTINGS = {
  sentiment: { minDf: 3, l2: 1e-3, denseL2: 0, iterations: 300, rate: 0.05, balance: 0.5 },
  aspect: { minDf: 2, l2: 3e-4, denseL2: 0, iterations: 300, rate: 0.05, balance: 0 },
};
// Experiments: FEEDBACK_MODEL_TRY='{"weights":{"waimai":0.1},"sentiment":{"l2":0.001}}' overrides the above.
const trying = JSON.parse(process.env.FEEDBACK_MODEL_TRY ?? '{}');
Object.assign(SOURCE_WEIGHT, trying.weights ?? {});
Object.assign(SETTINGS.sentiment, trying.sentiment ?? {});
Object.assign(SETTINGS.aspect, trying.aspect ?? {});
/** Weights smaller than this in every class are dropped from the file; the rest are rounded. */
const PRUNE = 0.02;

interface Prepared {
  t: TrainingText;
  features: string[];
  sentimentDense: number[];
  aspectDense: number[];
}

function prepare(texts: TrainingText[]): Prepared[] {
  const matcher = defaultMatcher();
  return texts.map((t) => {
    const normalised = normaliseFeedbackText(t.text);
    const evidence = scoreFeedback(normalised, matcher);
    return {
      t,
      features: textFeatures(normalised),
      sentimentDense: sentimentEvidence(evidence),
      aspectDense: aspectEvidence(evidence),
    };
  });
}

function trainOne(
  rows: Prepared[],
  classes: readonly string[],
  label: (t: TrainingText) => string | undefined,
  dense: (p: Prepared) => number[],
  s: { minDf: number; l2: number; denseL2: number; iterations: number; rate: number; balance: number },
): SoftmaxWeights {
  const labelled = rows.filter((r) => label(r.t) !== undefined);
  const df = new Map<string, number>();
  for (const r of labelled) for (const f of r.features) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df]
    .filter(([, n]) => n >= s.minDf)
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const examples: TrainingExample[] = labelled.map((r) => ({
    sparse: r.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    dense: dense(r),
    label: classes.indexOf(label(r.t) as string),
    weight: SOURCE_WEIGHT[r.t.source],
  }));
  // Class balance: each class's total weight moves `balance` of the way towards an equal share.
  const perClass = classes.map((_, c) =>
    examples.filter((e) => e.label === c).reduce((t, e) => t + e.weight, 0),
  );
  const total = perClass.reduce((a, b) => a + b, 0);
  for (const e of examples)
    if (perClass[e.label] > 0) e.weight *= (total / classes.length / perClass[e.label]) ** s.balance;
  const denseCount = dense(labelled[0]).length;
  const K = classes.length;
  const trained = trainSoftmax(examples, { classes: K, sparseCount: vocabulary.length, denseCount, ...s });
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const sparse: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    const w = Array.from(trained.sparse.subarray(i * K, i * K + K));
    if (w.some((x) => Math.abs(x) >= PRUNE)) sparse[f] = w.map(r3);
  });
  const denseRows: number[][] = [];
  for (let j = 0; j < denseCount; j++)
    denseRows.push(Array.from(trained.dense.subarray(j * K, j * K + K)).map(r3));
  return { classes: [...classes], bias: Array.from(trained.bias).map(r3), dense: denseRows, sparse };
}

/** The two regressions: their classes, the label a text gives each, and their dense lexicon features. */
const TASKS = {
  sentiment: {
    classes: SENTIMENT_CLASSES,
    label: (t: TrainingText) => t.sentiment,
    dense: (p: Prepared) => p.sentimentDense,
  },
  aspect: {
    classes: REASON_CODES,
    label: (t: TrainingText) => t.aspect,
    dense: (p: Prepared) => p.aspectDense,
  },
};

function fitBoth(rows: Prepared[]) {
  const { sentiment, aspect } = TASKS;
  return {
    sentiment: trainOne(rows, sentiment.classes, sentiment.label, sentiment.dense, SETTINGS.sentiment),
    aspect: trainOne(rows, aspect.classes, aspect.label, aspect.dense, SETTINGS.aspect),
  };
}

function crossValidate(rows: Prepared[], source: TrainingSource) {
  const folds = 5;
  const tally = new Map<string, { n: number; topic: number; aspect: number; sentiment: number }>();
  const add = (key: string, ok: { topic: boolean; aspect: boolean; sentiment: boolean }) => {
    const t = tally.get(key) ?? { n: 0, topic: 0, aspect: 0, sentiment: 0 };
    t.n++;
    t.topic += ok.topic ? 1 : 0;
    t.aspect += ok.aspect ? 1 : 0;
    t.sentiment += ok.sentiment ? 1 : 0;
    tally.set(key, t);
  };
  const errors: string[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = (r: Prepared) => r.t.source === source && r.t.index % folds === fold;
    const test = rows.filter(held);
    const train = rows.filter((r) => !held(r));
    const model = combineModel(fitBoth(train));
    for (const r of test) {
      const got = classifyFeedbackWith(model, r.t.text);
      const wantTopic = r.t.sentiment === 'positive' ? 'other' : r.t.aspect;
      const ok = {
        topic: got.topic === wantTopic,
        aspect: got.aspect === r.t.aspect,
        sentiment: got.sentiment === r.t.sentiment,
      };
      add('all', ok);
      add(`lang ${r.t.lang}`, ok);
      add(`sentiment ${r.t.sentiment}`, ok);
      if (!ok.topic || !ok.sentiment)
        errors.push(
          `${r.t.lang} ${wantTopic}/${r.t.sentiment} -> ${got.topic}/${got.sentiment} (aspect ${got.aspect}) ${r.t.text}`,
        );
    }
  }
  const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`;
  for (const [key, t] of tally)
    console.log(
      `${key.padEnd(20)} n=${String(t.n).padStart(4)}  topic ${pct(t.topic, t.n)}  aspect ${pct(t.aspect, t.n)}  sentiment ${pct(t.sentiment, t.n)}`,
    );
  if (process.argv.includes('--errors')) for (const e of errors) console.log(e);
}

const started = Date.now();
const texts = readTrainingTexts();
const rows = prepare(texts);
const counts: Record<string, number> = {};
for (const t of texts) counts[t.source] = (counts[t.source] ?? 0) + 1;
console.error(`training texts: ${JSON.stringify(counts)}`);
const cvAt = process.argv.indexOf('--cv');
if (cvAt >= 0) {
  const source = process.argv[cvAt + 1];
  crossValidate(rows, source && !source.startsWith('--') ? (source as TrainingSource) : 'train');
} else {
  const weights = fitBoth(rows);
  const file: FeedbackModelFile = {
    version: 1,
    built: {
      command: 'npx tsx evals/feedback/build-model.ts',
      texts: counts,
      sourceWeights: SOURCE_WEIGHT,
      settings: SETTINGS,
      prune: PRUNE,
      features: {
        sentiment: Object.keys(weights.sentiment.sparse).length,
        aspect: Object.keys(weights.aspect.sparse).length,
      },
    },
    ...weights,
  };
  writeFileSync(fileURLToPath(MODEL_FILE), `${JSON.stringify(file)}\n`);
  console.error(
    `wrote ${fileURLToPath(MODEL_FILE)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(file.built.features)}`,
  );
}
