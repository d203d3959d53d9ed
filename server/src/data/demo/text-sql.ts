/**
 * Verbatim texts in DuckDB: `_demo_texts(bucket, idx, text)` holds the bank (bucket
 * `bank:<topic>:<sentiment>:<language>`) and each effect's sample texts (`effect:<i>:<language>`);
 * `_demo_text_n` counts each bucket so a uniform draw picks a text by index.
 */
import type { Scenario } from './scenario.ts';
import { lit } from './sql-helpers.ts';
import { textBankRows } from './text-bank.ts';

/** SQL creating the text tables for the bank plus the scenario's effect samples. */
export function textTablesSql(scenario: Scenario): string[] {
  const groups = new Map<string, string[]>();
  const add = (bucket: string, text: string) => {
    const list = groups.get(bucket) ?? [];
    list.push(text);
    groups.set(bucket, list);
  };
  for (const row of textBankRows()) add(`bank:${row.topic}:${row.sentiment}:${row.language}`, row.text);
  scenario.effects.forEach((e, i) => {
    for (const language of ['zh', 'en'] as const) {
      for (const text of e.signal?.texts?.[language] ?? []) add(`effect:${i}:${language}`, text);
    }
  });
  const values = [...groups].flatMap(([bucket, texts]) =>
    texts.map((t, idx) => `(${lit(bucket)}, ${idx}, ${lit(t)})`),
  );
  return [
    `CREATE OR REPLACE TABLE _demo_texts AS SELECT * FROM (VALUES ${values.join(', ')}) t(bucket, idx, text)`,
    'CREATE OR REPLACE TABLE _demo_text_n AS SELECT bucket, count(*)::INTEGER AS n FROM _demo_texts GROUP BY bucket',
  ];
}

/** Bank bucket expression from topic, sentiment and language expressions. */
export function bankBucket(topic: string, sentiment: string, language: string): string {
  return `'bank:' || ${topic} || ':' || ${sentiment} || ':' || ${language}`;
}

/** Effect-sample bucket expression (NULL when `effect` is NULL). */
export function effectBucket(effect: string, language: string): string {
  return `'effect:' || ${effect} || ':' || ${language}`;
}

/**
 * SELECT over `rel` adding `text`: from the preferred bucket when it has texts, else from the bank
 * bucket; rows whose `has_text` is false get NULL. `rel` needs bucket_pref, bucket_bank, u_text, has_text.
 */
export function withTextSql(rel: string, alias = 'x'): string {
  return `SELECT ${alias}.*, CASE WHEN ${alias}.has_text THEN tx.text END AS text
    FROM ${rel} ${alias}
    LEFT JOIN _demo_text_n n1 ON n1.bucket = ${alias}.bucket_pref
    LEFT JOIN _demo_text_n n2 ON n2.bucket = ${alias}.bucket_bank
    LEFT JOIN _demo_texts tx
      ON tx.bucket = CASE WHEN n1.n IS NOT NULL THEN ${alias}.bucket_pref ELSE ${alias}.bucket_bank END
      AND tx.idx = floor(${alias}.u_text * coalesce(n1.n, n2.n))::INTEGER`;
}
