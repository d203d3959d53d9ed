/**
 * Paraphrase invariance of the rules interpreter (issue 13): every case of evals/questions and the blind
 * batches is interpreted as written and after each meaning-preserving rewrite (invariance-rewrites.ts); a
 * rewrite breaks a case when the interpretation (kind, intent, metrics, dimensions, filters, time range with
 * grain and comparison, order, limit) changes. Words newly left unread (a new "Not understood" in the
 * headline) are counted apart. Catalogs are the served ones (values indexed from the eval databases).
 *
 * Usage: npx tsx evals/invariance.ts [--rewrite id,…] [--list [--examples N]] [--dirs d1,d2] [--data-dir .data/eval]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Catalog } from '../semantic-layer/src/catalog.ts';
import { type ConversationState, nextConversationState } from '../server/src/ask/conversation.ts';
import type { Interpretation } from '../server/src/ask/interpretation.ts';
import { interpretWithRules } from '../server/src/ask/rules-interpreter.ts';
import { isEnglishWord } from '../server/src/ask/text/english-words.ts';
import { PROJECT_ROOT } from '../server/src/server/start-server.ts';
import { type LoadedEvalCase, loadEvalCases } from './eval-case.ts';
import { evalRuntimes } from './eval-runtimes.ts';
import { appliesTo, rewrites } from './invariance-rewrites.ts';

/** What an answer depends on: two interpretations with the same signature answer alike. */
export function signature(it: Interpretation): string {
  const q = it.query;
  const filters = (q?.filters ?? [])
    .map(
      (f) =>
        `${f.member} ${f.op} ${JSON.stringify(Array.isArray(f.values) ? [...f.values].sort() : f.values)}`,
    )
    .sort();
  return JSON.stringify({
    kind: it.kind,
    intent: it.intent,
    metrics: q?.metrics ?? [],
    dimensions: [...(q?.dimensions ?? [])].sort(),
    filters,
    time: [q?.timeRange ?? null, q?.time?.grain ?? null, q?.compare ?? null],
    order: q?.order ?? [],
    limit: q?.limit ?? null,
  });
}

/** Which parts of two signatures differ. */
function diffParts(a: string, b: string): string[] {
  const x = JSON.parse(a) as Record<string, unknown>;
  const y = JSON.parse(b) as Record<string, unknown>;
  return Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}

const DEFAULT_DIRS = [
  'evals/questions',
  ...Array.from({ length: 13 }, (_, i) => `evals/blind/batch-${i + 1}`),
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rewrite: { type: 'string' },
      list: { type: 'boolean' },
      examples: { type: 'string', default: '10' },
      dirs: { type: 'string' },
      'data-dir': { type: 'string', default: '.data/eval' },
    },
    allowPositionals: true,
  });
  const dirs = values.dirs?.split(',') ?? DEFAULT_DIRS;
  const cases: LoadedEvalCase[] = [];
  for (const d of dirs) {
    const dir = resolve(PROJECT_ROOT, d);
    if (!existsSync(dir)) continue;
    const loaded = loadEvalCases(dir);
    cases.push(...loaded.cases);
  }
  const only = values.rewrite?.split(',');
  const all = rewrites(isEnglishWord).filter((r) => !only || only.includes(r.id));
  const { runtimes, close } = await evalRuntimes(values['data-dir']!);
  const catalogOf = (c: LoadedEvalCase): { catalog: Catalog; asOf: string } => {
    const rt = runtimes.get(c.model);
    if (!rt) throw new Error(`no runtime for ${c.model}`);
    return c.asOf
      ? { catalog: { ...rt.catalog, asOf: c.asOf }, asOf: c.asOf }
      : { catalog: rt.catalog, asOf: rt.asOf };
  };
  const stats = new Map<string, { applied: number; changed: number; unread: number; examples: string[] }>();
  for (const r of all) stats.set(r.id, { applied: 0, changed: 0, unread: 0, examples: [] });
  try {
    for (const c of cases) {
      const { catalog, asOf } = catalogOf(c);
      let previous: ConversationState | undefined;
      for (const turn of c.conversation ?? []) {
        previous = nextConversationState(
          previous,
          interpretWithRules({ question: turn, catalog, asOf, previous }),
        );
      }
      const ask = (question: string) => interpretWithRules({ question, catalog, asOf, previous });
      const original = ask(c.question);
      const sig = signature(original);
      for (const r of all) {
        if (!appliesTo(r, c.question)) continue;
        const q = r.apply(c.question);
        if (q === null || q === c.question) continue;
        const s = stats.get(r.id)!;
        s.applied++;
        let got: Interpretation;
        try {
          got = ask(q);
        } catch (err) {
          s.changed++;
          s.examples.push(`${c.id}  [crash: ${String(err).slice(0, 80)}]\n    ${JSON.stringify(q)}`);
          continue;
        }
        const gotSig = signature(got);
        const newUnread = got.unknownTerms.filter((t) => !original.unknownTerms.includes(t));
        if (gotSig !== sig) {
          s.changed++;
          s.examples.push(
            `${c.id}  [${diffParts(sig, gotSig).join(',')}]\n    ${c.question}\n    ${JSON.stringify(q)}\n    ${sig}\n  → ${gotSig}`,
          );
        } else if (newUnread.length) {
          s.unread++;
          s.examples.push(`${c.id}  [unread: ${newUnread.join(' | ')}]\n    ${JSON.stringify(q)}`);
        }
      }
    }
  } finally {
    await close();
  }
  let applied = 0;
  let changed = 0;
  let unread = 0;
  console.log(`${cases.length} cases\nrewrite                     applied  changed  invariant  +unread`);
  for (const [id, s] of stats) {
    applied += s.applied;
    changed += s.changed;
    unread += s.unread;
    const rate = s.applied ? (1 - s.changed / s.applied) * 100 : 100;
    console.log(
      `${id.padEnd(28)}${String(s.applied).padStart(7)}${String(s.changed).padStart(9)}${`${rate.toFixed(1)}%`.padStart(11)}${String(s.unread).padStart(9)}`,
    );
  }
  console.log(
    `${'all'.padEnd(28)}${String(applied).padStart(7)}${String(changed).padStart(9)}${`${((1 - changed / Math.max(applied, 1)) * 100).toFixed(1)}%`.padStart(11)}${String(unread).padStart(9)}`,
  );
  if (values.list) {
    const n = Number(values.examples);
    for (const [id, s] of stats) {
      if (!s.examples.length) continue;
      console.log(`\n== ${id} (${s.changed} changed, ${s.unread} newly unread)`);
      for (const e of s.examples.slice(0, n)) console.log(`  ${e}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
