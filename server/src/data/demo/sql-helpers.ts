/**
 * Small SQL builders for the demo generator. Every random draw goes through the `rnd` macro,
 * a hash of (seed, key1, key2, salt) mapped to [0,1), so a seed fully determines the data.
 */
import type { Weighted } from './vocabulary.ts';

/** SQL string literal with quotes doubled. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** SQL DATE literal for an ISO date (validated upstream). */
export function dateLit(iso: string): string {
  return `DATE ${lit(iso)}`;
}

/** `CREATE TEMP MACRO rnd(k1, k2, salt)`: uniform [0,1) from a 53-bit slice of the seeded hash. */
export function randomMacroSql(seed: number): string {
  return `CREATE OR REPLACE TEMP MACRO rnd(k1, k2, salt) AS
    (hash(hash(${Math.trunc(seed)}::BIGINT, k1, k2, salt)) >> 11)::DOUBLE / 9007199254740992.0`;
}

/** CASE expression choosing a value by weight from a uniform draw `u` (an SQL expression). */
export function pickSql(u: string, choices: Weighted, quote = true): string {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const arms = choices.slice(0, -1).map(([value, w]) => {
    acc += w / total;
    return `WHEN ${u} < ${acc.toFixed(6)} THEN ${quote ? lit(value) : value}`;
  });
  const last = choices[choices.length - 1]![0];
  return `CASE ${arms.join(' ')} ELSE ${quote ? lit(last) : last} END`;
}

/** `x IN ('a','b')` for a list of stored values. */
export function inList(column: string, values: readonly string[]): string {
  return `${column} IN (${values.map(lit).join(', ')})`;
}

/** Approximately standard-normal draw from three uniforms (Irwin-Hall, cheap and bounded). */
export function normalSql(u1: string, u2: string, u3: string): string {
  return `((${u1} + ${u2} + ${u3} - 1.5) * 2.0)`;
}
