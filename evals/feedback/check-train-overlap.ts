/**
 * Leakage check: for every blind text, the longest stretch it shares with any training text of the n-gram
 * model (evals/feedback/training-data.ts), in characters for Chinese (after traditional → simplified) and in
 * words for English. Prints the distribution and the closest pairs, so a reader can judge whether the
 * training set copied the blind set. Reads the blind texts; run it only to report, never to tune.
 * Run: npx tsx evals/feedback/check-train-overlap.ts [--batch complaints-1] [--top 15] [--ids]
 */
import { normaliseFeedbackText } from '../../server/src/feedback/normalise-text.ts';
import { readBlindComplaints } from '../../server/test/feedback/blind-complaints.ts';
import { readTrainingTexts } from './training-data.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const batch = option('batch', 'complaints-1');
const top = Number(option('top', '15'));

const units = (text: string, lang: 'zh' | 'en') =>
  lang === 'zh'
    ? [...normaliseFeedbackText(text).replace(/[^\p{Script=Han}a-z0-9]/gu, '')]
    : (normaliseFeedbackText(text).match(/[a-z0-9']+/g) ?? []);

/** Longest common run of units (dynamic programming over two short sequences). */
function longestCommon(a: string[], b: string[]): { length: number; text: string } {
  let best = 0;
  let end = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = previous[j - 1] + 1;
        if (row[j] > best) {
          best = row[j];
          end = i;
        }
      }
    }
    previous = row;
  }
  return { length: best, text: a.slice(end - best, end).join(' ') };
}

const training = readTrainingTexts().filter((t) => t.source !== 'waimai');
const trainingUnits = training.map((t) => ({ t, u: units(t.text, t.lang) }));
const results = readBlindComplaints(batch).map((item) => {
  const mine = units(item.text, item.lang);
  let best = { length: 0, text: '', with: '', source: '' };
  for (const { t, u } of trainingUnits) {
    if (t.lang !== item.lang) continue;
    const common = longestCommon(mine, u);
    if (common.length > best.length) best = { ...common, with: t.text, source: t.source };
  }
  return { item, best };
});
for (const lang of ['zh', 'en'] as const) {
  const rs = results.filter((r) => r.item.lang === lang);
  const histogram = new Map<number, number>();
  for (const r of rs) histogram.set(r.best.length, (histogram.get(r.best.length) ?? 0) + 1);
  const unit = lang === 'zh' ? 'characters' : 'words';
  console.log(
    `${lang}: longest run shared with a training text, in ${unit}: ` +
      [...histogram]
        .sort((a, b) => a[0] - b[0])
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
  );
}
// The classifier on blind texts with and without a near copy in the training data.
const { classifyFeedback } = await import('../../server/src/feedback/classify-feedback.ts');
const { reasonTopic } = await import('../../server/test/feedback/blind-complaints.ts');
const near = (r: (typeof results)[number]) => r.best.length >= (r.item.lang === 'zh' ? 6 : 5);
for (const [label, rs] of [
  ['near copy (zh >= 6 characters, en >= 5 words shared)', results.filter(near)],
  ['no near copy', results.filter((r) => !near(r))],
] as const) {
  let topic = 0;
  let sentiment = 0;
  for (const r of rs) {
    const got = classifyFeedback(r.item.text);
    if (got.topic === reasonTopic(r.item)) topic++;
    if (got.sentiment === r.item.sentiment) sentiment++;
  }
  const pct = (n: number) => `${((100 * n) / rs.length).toFixed(1)}% (${n}/${rs.length})`;
  console.log(`${label}: topic ${pct(topic)}, sentiment ${pct(sentiment)}`);
}
if (args.includes('--ids'))
  console.log(
    `near copies: ${results
      .filter(near)
      .map((r) => r.item.id)
      .join(' ')}`,
  );
console.log(`\nClosest ${top} pairs (run length | shared run | blind text | training text [source]):`);
for (const r of [...results].sort((a, b) => b.best.length - a.best.length).slice(0, top))
  console.log(`${r.best.length} | ${r.best.text} | ${r.item.text} | ${r.best.with} [${r.best.source}]`);
