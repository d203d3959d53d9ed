/** Helpers for the demo generator's tests: temp databases and read-only queries. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type DemoResult, generateDemo } from '../../src/data/demo/generate-demo.ts';

export interface GeneratedDemo {
  dir: string;
  dbPath: string;
  result: DemoResult;
}

/** Generates a demo into a fresh temp dir. */
export async function generateTemp(
  customers: number,
  seed: number,
  scenarioPath?: string,
): Promise<GeneratedDemo> {
  const dir = mkdtempSync(join(tmpdir(), 'demo-test-'));
  const dbPath = join(dir, 'retail.duckdb');
  const result = await generateDemo({ dbPath, customers, seed, scenarioPath });
  return { dir, dbPath, result };
}

/** Opens a generated database read-only. */
export async function openDemo(dbPath: string): Promise<{ con: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY', threads: '2' });
  const con = await instance.connect();
  return {
    con,
    close: () => {
      con.closeSync();
      instance.closeSync();
    },
  };
}

/** Rows of a query as JSON-safe objects. */
export async function query(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** First column of the first row as a number. */
export async function scalar(con: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await query(con, sql);
  return Number(Object.values(row ?? {})[0]);
}

/** Removes a temp dir made by `generateTemp`. */
export function removeTemp(demo: GeneratedDemo | undefined): void {
  if (demo) rmSync(demo.dir, { recursive: true, force: true });
}
