/**
 * Measures classifyFeedback on the blind complaint set (complaints.yaml in this folder).
 * Run from the repository root:  npx tsx evals/blind/complaints-1/measure.ts
 * The classifier gets only the text (no language hint), as a raw feedback row would reach it; the detected
 * language is reported against the labelled one.
 * `--dry` swaps in a stub classifier (always `other`/`neutral`) to check this script's bookkeeping without
 * measuring anything.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { REASON_CODES } from '../../../server/src/canonical/canonical-schema.ts';

type Item = {
  id: string;
  lang: 'zh' | 'en';
  topic: string;
  sentiment: 'negative' | 'neutral' | 'positive';
  difficulty: 'easy' | 'hard';
  text: string;
};
type Got = { topic: string; sentiment: string; language: string; topicScore: number; sentimentScore: number };

const here = dirname(fileURLToPath(import.meta.url));
const items = (parse(readFileSync(join(here, 'complaints.yaml'), 'utf8')) as { items: Item[] }).items;
const dry = process.argv.includes('--dry');

let classify: (text: string) => Got;
if (dry) {
  classify = () => ({
    topic: 'other',
    sentiment: 'neutral',
    language: '?',
    topicScore: 0,
    sentimentScore: 0,
  });
} else {
  const mod = await import('../../../server/src/feedback/classify-feedback.ts');
  classify = (text) => mod.classifyFeedback(text);
}

const rows = items.map((it) => ({ it, got: classify(it.text) }));
const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const acc = (rs: typeof rows, key: 'topic' | 'sentiment') => {
  const ok = rs.filter((r) => r.got[key] === r.it[key]).length;
  return `${pct(ok, rs.length)} (${ok}/${rs.length})`;
};
const line = (label: string, text: string) => console.log(`${label.padEnd(28)}${text}`);

console.log(`Blind complaint set: ${items.length} texts${dry ? '  [DRY RUN: stub classifier]' : ''}`);
console.log('\n## Topic accuracy');
line('overall', acc(rows, 'topic'));
for (const lang of ['zh', 'en'] as const)
  line(
    `lang ${lang}`,
    acc(
      rows.filter((r) => r.it.lang === lang),
      'topic',
    ),
  );
for (const d of ['easy', 'hard'] as const)
  line(
    `difficulty ${d}`,
    acc(
      rows.filter((r) => r.it.difficulty === d),
      'topic',
    ),
  );
for (const lang of ['zh', 'en'] as const)
  for (const d of ['easy', 'hard'] as const)
    line(
      `${lang} ${d}`,
      acc(
        rows.filter((r) => r.it.lang === lang && r.it.difficulty === d),
        'topic',
      ),
    );
line(
  'non-negative texts',
  acc(
    rows.filter((r) => r.it.sentiment !== 'negative'),
    'topic',
  ),
);

console.log('\n## Per topic (topic)        precision            recall               F1');
let f1Sum = 0;
for (const t of REASON_CODES) {
  const tp = rows.filter((r) => r.it.topic === t && r.got.topic === t).length;
  const predicted = rows.filter((r) => r.got.topic === t).length;
  const actual = rows.filter((r) => r.it.topic === t).length;
  const p = predicted ? tp / predicted : 0;
  const rc = actual ? tp / actual : 0;
  const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
  f1Sum += f1;
  console.log(
    `${t.padEnd(28)}${pct(tp, predicted)} (${tp}/${predicted})`.padEnd(49) +
      `${pct(tp, actual)} (${tp}/${actual})`.padEnd(21) +
      f1.toFixed(2),
  );
}

line('macro F1', (f1Sum / REASON_CODES.length).toFixed(2));

console.log('\n## Confusion matrix (rows = expected, columns = got)');
const short: Record<string, string> = {
  product_quality: 'qual',
  price: 'price',
  service: 'serv',
  logistics: 'logi',
  competitor: 'comp',
  billing: 'bill',
  technical: 'tech',
  other: 'other',
};
console.log(
  `${'expected \\ got'.padEnd(18)}${REASON_CODES.map((t) => short[t].padStart(7)).join('')}  total`,
);
for (const e of REASON_CODES) {
  const cells = REASON_CODES.map((g) => rows.filter((r) => r.it.topic === e && r.got.topic === g).length);
  console.log(
    `${e.padEnd(18)}${cells.map((c) => String(c).padStart(7)).join('')}  ${String(cells.reduce((a, b) => a + b, 0)).padStart(5)}`,
  );
}

console.log('\n## Sentiment accuracy');
line('overall', acc(rows, 'sentiment'));
for (const lang of ['zh', 'en'] as const)
  line(
    `lang ${lang}`,
    acc(
      rows.filter((r) => r.it.lang === lang),
      'sentiment',
    ),
  );
for (const s of ['negative', 'neutral', 'positive'] as const)
  line(
    `expected ${s} (recall)`,
    acc(
      rows.filter((r) => r.it.sentiment === s),
      'sentiment',
    ),
  );
const sents = ['negative', 'neutral', 'positive'];
console.log(`${'expected \\ got'.padEnd(18)}${sents.map((s) => s.padStart(10)).join('')}`);
for (const e of sents)
  console.log(
    `${e.padEnd(18)}${sents.map((g) => String(rows.filter((r) => r.it.sentiment === e && r.got.sentiment === g).length).padStart(10)).join('')}`,
  );
line('topic AND sentiment right', acc2());
function acc2() {
  const ok = rows.filter((r) => r.got.topic === r.it.topic && r.got.sentiment === r.it.sentiment).length;
  return `${pct(ok, rows.length)} (${ok}/${rows.length})`;
}

console.log('\n## Language detection (no hint given)');
for (const lang of ['zh', 'en'] as const) {
  const rs = rows.filter((r) => r.it.lang === lang);
  const counts = new Map<string, number>();
  for (const r of rs) counts.set(r.got.language, (counts.get(r.got.language) ?? 0) + 1);
  line(`labelled ${lang}`, [...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
}

console.log('\n## All topic errors (id | lang | difficulty | expected -> got (score) | text)');
for (const r of rows.filter((x) => x.got.topic !== x.it.topic))
  console.log(
    `${r.it.id} | ${r.it.lang} | ${r.it.difficulty} | ${r.it.topic} -> ${r.got.topic} (${r.got.topicScore.toFixed(2)}) | ${r.it.text}`,
  );
console.log('\n## All sentiment errors (id | lang | expected -> got (score) | text)');
for (const r of rows.filter((x) => x.got.sentiment !== x.it.sentiment))
  console.log(
    `${r.it.id} | ${r.it.lang} | ${r.it.sentiment} -> ${r.got.sentiment} (${r.got.sentimentScore.toFixed(2)}) | ${r.it.text}`,
  );
