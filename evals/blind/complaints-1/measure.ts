/**
 * Measures classifyFeedback on a blind complaint set (complaints.yaml in evals/blind/<batch>/).
 * Run from the repository root:  npx tsx evals/blind/complaints-1/measure.ts [--batch complaints-1] [--errors]
 * The classifier gets only the text (no language hint), as a raw feedback row would reach it.
 * `topic` is scored under the product convention (praise → `other`, server/test/feedback/blind-complaints.ts);
 * the writer's own labels (praise labelled with the praised aspect) are scored against `aspect`.
 * The set is a held-out test: errors are printed only with `--errors`, for reading after a change is final.
 * `--dry` swaps in a stub classifier (always `other`/`neutral`) to check the bookkeeping.
 */
import { REASON_CODES } from '../../../server/src/canonical/canonical-schema.ts';
import {
  aspectTopic,
  type BlindComplaint,
  readBlindComplaints,
  reasonTopic,
} from '../../../server/test/feedback/blind-complaints.ts';

type Got = {
  topic: string;
  aspect?: string;
  sentiment: string;
  language: string;
  topicScore: number;
  sentimentScore: number;
};

const args = process.argv.slice(2);
const batchAt = args.indexOf('--batch');
const batch = batchAt >= 0 ? args[batchAt + 1] : 'complaints-1';
const items = readBlindComplaints(batch);
const dry = args.includes('--dry');

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

interface Row {
  it: BlindComplaint;
  got: Got;
  want: { topic: string; aspect: string; sentiment: string };
  have: { topic: string; aspect: string; sentiment: string };
}
const rows: Row[] = items.map((it) => {
  const got = classify(it.text);
  return {
    it,
    got,
    want: { topic: reasonTopic(it), aspect: aspectTopic(it), sentiment: it.sentiment },
    have: { topic: got.topic, aspect: got.aspect ?? got.topic, sentiment: got.sentiment },
  };
});
type Key = 'topic' | 'aspect' | 'sentiment';
const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const right = (r: Row, key: Key) => r.have[key] === r.want[key];
const acc = (rs: Row[], key: Key) => {
  const ok = rs.filter((r) => right(r, key)).length;
  return `${pct(ok, rs.length)} (${ok}/${rs.length})`;
};
const line = (label: string, text: string) => console.log(`${label.padEnd(28)}${text}`);
const changed = rows.filter((r) => r.want.topic !== r.want.aspect).length;

console.log(
  `Blind complaint set ${batch}: ${items.length} texts${dry ? '  [DRY RUN: stub classifier]' : ''}`,
);
console.log(
  `Topic convention: praise → other changes ${changed} of the writer's ${items.length} topic labels.`,
);

function slices(key: Key) {
  line('overall', acc(rows, key));
  for (const lang of ['zh', 'en'] as const)
    line(
      `lang ${lang}`,
      acc(
        rows.filter((r) => r.it.lang === lang),
        key,
      ),
    );
  for (const d of ['easy', 'hard'] as const)
    line(
      `difficulty ${d}`,
      acc(
        rows.filter((r) => r.it.difficulty === d),
        key,
      ),
    );
  for (const lang of ['zh', 'en'] as const)
    for (const d of ['easy', 'hard'] as const)
      line(
        `${lang} ${d}`,
        acc(
          rows.filter((r) => r.it.lang === lang && r.it.difficulty === d),
          key,
        ),
      );
  line(
    'complaints (negative)',
    acc(
      rows.filter((r) => r.it.sentiment === 'negative'),
      key,
    ),
  );
  line(
    'non-negative texts',
    acc(
      rows.filter((r) => r.it.sentiment !== 'negative'),
      key,
    ),
  );
}

function perClass(key: 'topic' | 'aspect') {
  console.log(
    `\n## Per class (${key})${' '.repeat(14 - key.length)}precision            recall               F1`,
  );
  let f1Sum = 0;
  for (const t of REASON_CODES) {
    const tp = rows.filter((r) => r.want[key] === t && r.have[key] === t).length;
    const predicted = rows.filter((r) => r.have[key] === t).length;
    const actual = rows.filter((r) => r.want[key] === t).length;
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
  console.log(`\n## Confusion (${key}; rows = expected, columns = got)`);
  console.log(
    `${'expected \\ got'.padEnd(18)}${REASON_CODES.map((t) => short[t].padStart(7)).join('')}  total`,
  );
  for (const e of REASON_CODES) {
    const cells = REASON_CODES.map((g) => rows.filter((r) => r.want[key] === e && r.have[key] === g).length);
    console.log(
      `${e.padEnd(18)}${cells.map((c) => String(c).padStart(7)).join('')}  ${String(cells.reduce((a, b) => a + b, 0)).padStart(5)}`,
    );
  }
}

console.log('\n## Topic accuracy (product convention: praise → other)');
slices('topic');
perClass('topic');
console.log("\n## Aspect accuracy (the writer's labels: praise labelled with the praised aspect)");
slices('aspect');
perClass('aspect');

console.log('\n## Sentiment accuracy');
slices('sentiment');
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
const both = rows.filter((r) => right(r, 'sentiment') && right(r, 'topic')).length;
line('topic AND sentiment right', `${pct(both, rows.length)} (${both}/${rows.length})`);

console.log('\n## Language detection (no hint given)');
for (const lang of ['zh', 'en'] as const) {
  const counts = new Map<string, number>();
  for (const r of rows.filter((x) => x.it.lang === lang))
    counts.set(r.got.language, (counts.get(r.got.language) ?? 0) + 1);
  line(`labelled ${lang}`, [...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
}

if (args.includes('--errors')) {
  console.log('\n## Topic errors (id | lang | difficulty | expected -> got (score) | text)');
  for (const r of rows.filter((x) => !right(x, 'topic')))
    console.log(
      `${r.it.id} | ${r.it.lang} | ${r.it.difficulty} | ${r.want.topic} -> ${r.got.topic} (${r.got.topicScore.toFixed(2)}) | ${r.it.text}`,
    );
  console.log('\n## Sentiment errors (id | lang | expected -> got (score) | text)');
  for (const r of rows.filter((x) => !right(x, 'sentiment')))
    console.log(
      `${r.it.id} | ${r.it.lang} | ${r.it.sentiment} -> ${r.got.sentiment} (${r.got.sentimentScore.toFixed(2)}) | ${r.it.text}`,
    );
}
