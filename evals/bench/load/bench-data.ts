/**
 * The data a load run serves: the benchmark demo database .data/bench/retail-<N>.duckdb (generated like
 * ask-latency-bench.ts does when absent, never at 1M), copied into a fresh temporary data folder so the
 * server's derived tables and the PGlite app state never touch the shared file.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateDemo } from '../../../server/src/data/demo/generate-demo.ts';

const NEVER_GENERATE_FROM = 1_000_000;

/** The benchmark database for `customers`, generated (seed 42) when absent and small enough. */
export async function benchDatabase(root: string, customers: number): Promise<string> {
  const db = join(root, `.data/bench/retail-${customers}.duckdb`);
  if (existsSync(db)) return db;
  if (customers >= NEVER_GENERATE_FROM)
    throw new Error(`${db} is missing; generate it with evals/bench/generate-bench.ts first`);
  mkdirSync(dirname(db), { recursive: true });
  console.log(`generating ${customers.toLocaleString('en-US')} customers → ${db}…`);
  const result = await generateDemo({ dbPath: db, customers, seed: 42 });
  console.log(`  generated in ${result.seconds.toFixed(1)} s`);
  return db;
}

/** A temporary data folder holding a copy of `db` as retail.duckdb; `remove()` deletes it. */
export function scratchDataDir(db: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-load-'));
  copyFileSync(db, join(dir, 'retail.duckdb'));
  if (existsSync(`${db}.wal`)) copyFileSync(`${db}.wal`, join(dir, 'retail.duckdb.wal'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
