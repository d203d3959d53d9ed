/**
 * Measures the lexicon feedback classifier on the demo's feedback texts against the generator's truth table
 * (`demo_feedback_truth`), and on evals/feedback/retail-complaints.yaml (retail complaints in other words than
 * the demo's, never used for tuning). Writes evals/feedback/demo-results.{json,md} and the demo section of
 * RESULTS.md. Texts are classified here with the current lexicons, so a reused database needs no regeneration.
 *
 * Run: npx tsx evals/feedback/measure-demo.ts                 (reuses /tmp/chatbi-feedback-demo/… when present)
 *      npx tsx evals/feedback/measure-demo.ts --regenerate    (generates the demo again first)
 *      npx tsx evals/feedback/measure-demo.ts --customers 10000 --seed 42 --db /tmp/x.duckdb
 *      npx tsx evals/feedback/measure-demo.ts --errors        (prints the demo's distinct errors, writes nothing)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';
import { REASON_CODES } from '../../server/src/canonical/canonical-schema.ts';
import { generateDemo } from '../../server/src/data/demo/generate-demo.ts';
import {
  classifyFeedback,
  type FeedbackClassification,
} from '../../server/src/feedback/classify-feedback.ts';
import {
  type DemoFeedbackRow,
  expectedTopic,
  isComplaint,
  readDemoFeedback,
} from '../../server/test/feedback/demo-truth.ts';
import { accuracy, classScores, confusion, confusionTable, round } from './feedback-metrics.ts';
import { writeDemoSection } from './results-file.ts';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const customers = Number(option('customers', '10000'));
const seed = Number(option('seed', '42'));
const dbPath = option('db', `/tmp/chatbi-feedback-demo/retail-${customers}-seed${seed}.duckdb`);
const SENTIMENTS = ['positive', 'neutral', 'negative'];

interface Scored {
  row: DemoFeedbackRow;
  result: FeedbackClassification;
}

async function readDemo(): Promise<DemoFeedbackRow[]> {
  if (args.includes('--regenerate') || !existsSync(dbPath)) {
    console.error(`generating the demo (${customers} customers, seed ${seed}) at ${dbPath} …`);
    await generateDemo({ dbPath, customers, seed });
  }
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY', threads: '2' });
  const con = await instance.connect();
  try {
    const meta = (await con.runAndReadAll('SELECT key, value FROM demo_meta')).getRows();
    const value = (key: string) => meta.find(([k]) => k === key)?.[1];
    if (Number(value('customers')) !== customers || Number(value('seed')) !== seed) {
      throw new Error(
        `${dbPath} holds ${value('customers')} customers, seed ${value('seed')}: use --regenerate`,
      );
    }
    return await readDemoFeedback(con);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Median of five warm passes over the texts, one thread. */
function throughput(texts: string[], langs: Array<'zh' | 'en'>) {
  const pass = () => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < texts.length; i++) classifyFeedback(texts[i], langs[i]);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  pass();
  const warm = [pass(), pass(), pass(), pass(), pass()].sort((a, b) => a - b);
  return {
    texts: texts.length,
    medianSeconds: round(warm[2]),
    textsPerSecond: Math.round(texts.length / warm[2]),
    loadAverage: round(loadavg()[0]),
  };
}

function topicFigures(items: Scored[], truthOf: (row: DemoFeedbackRow) => string) {
  const actual = items.map((s) => truthOf(s.row));
  const predicted = items.map((s) => s.result.topic);
  const matrix = confusion(actual, predicted, [...REASON_CODES]);
  return {
    n: items.length,
    accuracy: round(accuracy(actual, predicted)),
    matrix,
    classes: classScores(matrix),
  };
}

/** Accuracy over distinct (text, expected label) pairs: each sentence of the bank counts once. */
function distinctAccuracy(items: Scored[], truthOf: (s: Scored) => string, predOf: (s: Scored) => string) {
  const seen = new Map<string, boolean>();
  for (const s of items) seen.set(`${s.row.text}\u0000${truthOf(s)}`, truthOf(s) === predOf(s));
  const right = [...seen.values()].filter(Boolean).length;
  return { n: seen.size, accuracy: round(right / seen.size) };
}

function sentimentFigures(items: Scored[]) {
  const actual = items.map((s) => s.row.truthSentiment);
  const predicted = items.map((s) => s.result.sentiment);
  const matrix = confusion(actual, predicted, SENTIMENTS);
  return {
    n: items.length,
    accuracy: round(accuracy(actual, predicted)),
    matrix,
    classes: classScores(matrix),
  };
}

interface RetailItem {
  id: string;
  lang: 'zh' | 'en';
  topic: string;
  text: string;
}

function retailFigures() {
  const items = (parse(readFileSync(join(here, 'retail-complaints.yaml'), 'utf8')) as { items: RetailItem[] })
    .items;
  const results = items.map((i) => classifyFeedback(i.text, i.lang));
  const slice = (lang?: 'zh' | 'en') => {
    const idx = items.map((_, k) => k).filter((k) => !lang || items[k].lang === lang);
    return {
      n: idx.length,
      topicAccuracy: round(idx.filter((k) => results[k].topic === items[k].topic).length / idx.length),
      negativeShare: round(idx.filter((k) => results[k].sentiment === 'negative').length / idx.length),
    };
  };
  const matrix = confusion(
    items.map((i) => i.topic),
    results.map((r) => r.topic),
    [...REASON_CODES],
  );
  return { all: slice(), zh: slice('zh'), en: slice('en'), matrix, classes: classScores(matrix) };
}

const rows = await readDemo();
const scored: Scored[] = rows.map((row) => ({ row, result: classifyFeedback(row.text, row.language) }));
const complaints = scored.filter((s) => isComplaint(s.row));

if (args.includes('--errors')) {
  const errors = new Map<string, number>();
  for (const s of scored) {
    const want = expectedTopic(s.row);
    const topicWrong = s.result.topic !== want;
    const sentimentWrong = s.result.sentiment !== s.row.truthSentiment;
    if (!topicWrong && !sentimentWrong) continue;
    const key = `${topicWrong ? `T want=${want} got=${s.result.topic}` : 'T ok'} | ${
      sentimentWrong ? `S want=${s.row.truthSentiment} got=${s.result.sentiment}` : 'S ok'
    } | ${s.row.text}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...errors].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(5)} ${key}`);
  process.exit(0);
}

const byLang = (items: Scored[], lang: 'zh' | 'en') => items.filter((s) => s.row.language === lang);
const complaintTruth = (row: DemoFeedbackRow) => row.truthTopic;
const topic = {
  complaints: topicFigures(complaints, complaintTruth),
  complaintsZh: topicFigures(byLang(complaints, 'zh'), complaintTruth),
  complaintsEn: topicFigures(byLang(complaints, 'en'), complaintTruth),
  complaintsDistinct: distinctAccuracy(
    complaints,
    (s) => s.row.truthTopic,
    (s) => s.result.topic,
  ),
  allProductConvention: topicFigures(scored, expectedTopic),
  allGeneratorLabels: topicFigures(scored, (row) => row.truthTopic),
};
const sentiment = {
  all: sentimentFigures(scored),
  zh: sentimentFigures(byLang(scored, 'zh')),
  en: sentimentFigures(byLang(scored, 'en')),
  distinct: distinctAccuracy(
    scored,
    (s) => s.row.truthSentiment,
    (s) => s.result.sentiment,
  ),
};
const withStored = scored.filter((s) => s.row.storedTopic !== null);
const stored = {
  n: withStored.length,
  sameTopic: round(withStored.filter((s) => s.row.storedTopic === s.result.topic).length / withStored.length),
  sameSentiment: round(
    withStored.filter((s) => s.row.storedSentiment === s.result.sentiment).length / withStored.length,
  ),
};
const retail = retailFigures();
const speed = throughput(
  rows.map((r) => r.text),
  rows.map((r) => r.language),
);

const date = new Date().toISOString().slice(0, 10);
const command = `npx tsx evals/feedback/measure-demo.ts --customers ${customers} --seed ${seed}`;
const machine = `${cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}`;
const distinctTexts = new Set(rows.map((r) => r.text)).size;
const countBy = (key: (r: DemoFeedbackRow) => string) =>
  Object.fromEntries(
    [...rows.reduce((m, r) => m.set(key(r), (m.get(key(r)) ?? 0) + 1), new Map<string, number>())].sort(),
  );
const data = {
  texts: rows.length,
  distinctTexts,
  complaints: complaints.length,
  bySentiment: countBy((r) => r.truthSentiment),
  byLanguage: countBy((r) => r.language),
  bySource: countBy((r) => r.source),
};
const json = { date, command, machine, dbPath, data, topic, sentiment, stored, retail, speed };
writeFileSync(join(here, 'demo-results.json'), `${JSON.stringify(json, null, 2)}\n`);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const classRows = (
  scores: Record<string, { precision: number; recall: number; f1: number; support: number }>,
) =>
  Object.entries(scores)
    .filter(([, v]) => v.support > 0 || v.precision > 0)
    .map(([c, v]) => `| ${c} | ${pct(v.precision)} | ${pct(v.recall)} | ${v.f1.toFixed(3)} | ${v.support} |`)
    .join('\n');
const t = topic;
const md = `## Demo feedback texts (issue 5 item 2)

Date: ${date} · Command: \`${command}\` · Machine: ${machine}
Demo: ${customers.toLocaleString('en')} customers, seed ${seed}, default scenario; truth = \`demo_feedback_truth\`. ${data.texts.toLocaleString('en')} texts (${distinctTexts} distinct sentences: the demo draws from a small bank), ${data.complaints.toLocaleString('en')} complaints (truth sentiment negative); languages ${JSON.stringify(data.byLanguage)}; sources ${JSON.stringify(data.bySource)}.

**Topic convention.** \`topic\` is the reason taxonomy (DOMAIN.md §2): what the customer complains about. Praise and neutral remarks are \`other\`; the generator labels praise with the praised aspect, so "all texts" is scored with positive and neutral truth mapped to \`other\`, and the generator's raw labels are shown for reference only.

| topic | n | accuracy |
|---|---:|---:|
| **complaints** | ${t.complaints.n} | **${pct(t.complaints.accuracy)}** |
| complaints, zh | ${t.complaintsZh.n} | ${pct(t.complaintsZh.accuracy)} |
| complaints, en | ${t.complaintsEn.n} | ${pct(t.complaintsEn.accuracy)} |
| complaints, each distinct sentence once | ${t.complaintsDistinct.n} | ${pct(t.complaintsDistinct.accuracy)} |
| all texts, product convention (praise, neutral → other) | ${t.allProductConvention.n} | ${pct(t.allProductConvention.accuracy)} |
| all texts, generator's labels (praise → praised aspect) | ${t.allGeneratorLabels.n} | ${pct(t.allGeneratorLabels.accuracy)} |

Confusion on complaints (rows: the generator's topic; columns: the classifier's):

${confusionTable(t.complaints.matrix)}

| class | precision | recall | F1 | support |
|---|---:|---:|---:|---:|
${classRows(t.complaints.classes)}

| sentiment (three-way) | n | accuracy |
|---|---:|---:|
| **all texts** | ${sentiment.all.n} | **${pct(sentiment.all.accuracy)}** |
| zh | ${sentiment.zh.n} | ${pct(sentiment.zh.accuracy)} |
| en | ${sentiment.en.n} | ${pct(sentiment.en.accuracy)} |
| each distinct sentence once | ${sentiment.distinct.n} | ${pct(sentiment.distinct.accuracy)} |

${confusionTable(sentiment.all.matrix)}

| class | precision | recall | F1 | support |
|---|---:|---:|---:|---:|
${classRows(sentiment.all.classes)}

Stored columns: \`feedback.topic\` / \`sentiment\` as written at generation agree with this run's labels on ${pct(stored.sameTopic)} / ${pct(stored.sameSentiment)} of ${stored.n} rows (below 100% means the database was generated with an older lexicon).

**Retail complaints in other words** (\`evals/feedback/retail-complaints.yaml\`, ${retail.all.n} complaints written before the demo tuning, never tuned on): topic accuracy ${pct(retail.all.topicAccuracy)} (zh ${pct(retail.zh.topicAccuracy)}, n = ${retail.zh.n}; en ${pct(retail.en.topicAccuracy)}, n = ${retail.en.n}); read as negative ${pct(retail.all.negativeShare)}.

${confusionTable(retail.matrix)}

Throughput on the demo texts (given language, one thread, median of 5 warm passes): **${speed.textsPerSecond.toLocaleString('en')} texts/s** (${speed.texts} texts in ${speed.medianSeconds} s; 1-min load average ${speed.loadAverage} on ${cpus().length} cores).
`;
writeFileSync(join(here, 'demo-results.md'), md);
// The hand-written reading of the demo errors follows the figures unchanged.
const analysisPath = join(here, 'demo-error-analysis.md');
const analysis = existsSync(analysisPath) ? `\n${readFileSync(analysisPath, 'utf8')}` : '';
writeDemoSection(join(here, 'RESULTS.md'), md + analysis);
console.log(md);
