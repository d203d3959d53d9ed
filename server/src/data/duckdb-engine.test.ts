import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from './analytics-engine.ts';
import { QueryTimeoutError } from './analytics-engine.ts';
import { DuckDbEngine } from './duckdb-engine.ts';

describe('the analytic engine', () => {
  const allowed = mkdtempSync(join(tmpdir(), 'engine-allowed-'));
  const outside = mkdtempSync(join(tmpdir(), 'engine-outside-'));
  writeFileSync(join(allowed, 'in.csv'), 'a,b\n1,x\n2,y\n');
  writeFileSync(join(outside, 'secret.csv'), 'password\nhunter2\n');
  const engines: AnalyticsEngine[] = [];
  afterAll(async () => {
    for (const e of engines) await e.close();
    rmSync(allowed, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('locked down, reads only its own database file, whatever the statement', async () => {
    const db = join(allowed, 'a.duckdb');
    const engine = await DuckDbEngine.open({
      path: db,
      connections: 2,
      lockdown: { allowedPaths: [db] },
    });
    engines.push(engine);
    await engine.exec('CREATE TABLE t AS SELECT 1 AS v');
    // The database file itself is the one readable path (the analytic data it serves anyway).
    expect((await engine.query(`SELECT count(*) AS n FROM read_blob('${db}')`)).rows).toEqual([{ n: 1 }]);
    const refused =
      /Permission Error|disabled|not allowed|locked|does not exist|Catalog Error|Parser Error|multiple statements|prepared/i;
    // Beside the database (truth files, app state in an old layout) and elsewhere: nothing.
    const beside = join(allowed, 'in.csv');
    const secret = join(outside, 'secret.csv');
    const statements = [
      `SELECT * FROM read_blob('${beside}')`,
      `SELECT * FROM read_text('${allowed}/*')`,
      `SELECT * FROM read_csv('${secret}')`,
      `SELECT * FROM read_parquet('${beside}')`,
      `SELECT * FROM read_json('${beside}')`,
      `SELECT * FROM glob('${allowed}/*')`,
      `ATTACH '${join(allowed, 'other.duckdb')}' AS other`,
      `COPY t TO '${join(allowed, 'out.csv')}'`,
      `EXPORT DATABASE '${join(allowed, 'export')}'`,
      'INSTALL httpfs',
      'LOAD httpfs',
      'SET enable_external_access = true',
      "SET allowed_directories = ['/']",
      'PRAGMA threads = 1',
      "SELECT getenv('HOME')",
      `SELECT 1; SELECT * FROM read_blob('${secret}')`,
    ];
    for (const sql of statements) await expect(engine.query(sql), sql).rejects.toThrow(refused);
    // Still serving after every refusal.
    expect((await engine.query('SELECT v FROM t')).rows).toEqual([{ v: 1 }]);
  });

  it('holds its memory limit and spills a larger statement to its own directory, removed at close', async () => {
    const db = join(allowed, 'spill.duckdb');
    const spill = join(outside, 'spill');
    const engine = await DuckDbEngine.open({
      path: db,
      connections: 1,
      threads: 1,
      memoryLimit: '64MiB',
      tempDirectory: spill,
      lockdown: { allowedPaths: [db] },
    });
    engines.push(engine);
    const settings = await engine.query(
      "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t",
    );
    expect(settings.rows).toEqual([{ m: '64.0 MiB', t: spill }]);
    expect(existsSync(spill)).toBe(false);
    // A table of 1M 32-character keys (~70 MB) sorted: beyond the limit, so blocks go to the spill directory.
    await engine.exec('CREATE TABLE keys AS SELECT md5(i::VARCHAR) AS h, i FROM range(1000000) t(i)');
    const sorted = await engine.query(
      'SELECT count(*) AS n, max(r) AS last FROM (SELECT i, row_number() OVER (ORDER BY h) AS r FROM keys)',
    );
    expect(sorted.rows).toEqual([{ n: 1_000_000, last: 1_000_000 }]);
    expect(existsSync(spill)).toBe(true);
    // DuckDB opens its spill directory to queries when external access is off (so it must hold nothing but
    // spill blocks of this database, whose file is readable anyway); nothing else became readable.
    expect((await engine.query("SELECT current_setting('allowed_directories') AS d")).rows).toEqual([
      { d: [`${spill}/`] },
    ]);
    await expect(engine.query(`SELECT * FROM read_csv('${join(outside, 'secret.csv')}')`)).rejects.toThrow(
      /Permission Error/,
    );
    await engine.close();
    expect(existsSync(spill)).toBe(false);
  });

  it('interrupts a runaway write and rolls it back', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:', connections: 2, writeTimeoutMs: 300 });
    engines.push(engine);
    await engine.exec('CREATE TABLE t AS SELECT 1 AS v', { timeoutMs: 10_000 });
    await expect(
      engine.transaction(async (run) => {
        await run('CREATE OR REPLACE TABLE t AS SELECT 2 AS v');
        await run('CREATE TABLE slow AS SELECT count(*) AS n FROM range(100000000000) a');
      }),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    await expect(
      engine.exec('CREATE TABLE slow AS SELECT count(*) AS n FROM range(100000000000) a'),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    expect((await engine.query('SELECT v FROM t')).rows).toEqual([{ v: 1 }]);
  });

  it('returns JSON-safe rows (BIGINT as numbers), caps rows and interrupts slow queries', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:', connections: 1 });
    engines.push(engine);
    const r = await engine.query('SELECT count(*) AS n, 9007199254740993::BIGINT AS big FROM range(5)');
    expect(r.rows[0]!.n).toBe(5);
    expect(() => JSON.stringify(r.rows)).not.toThrow();
    const capped = await engine.query('SELECT * FROM range(100) t(i)', [], { maxRows: 10 });
    expect([capped.rows.length, capped.truncated]).toEqual([10, true]);
    const params = await engine.query('SELECT $1::VARCHAR AS v', ["华南' OR 1=1 --"]);
    expect(params.rows).toEqual([{ v: "华南' OR 1=1 --" }]);
    await expect(
      engine.query('SELECT count(*) FROM range(100000000000) a', [], { timeoutMs: 200 }),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    // The connection is usable again after the interrupt.
    expect((await engine.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('streams a read chunk by chunk: every row once, in chunks, parameters bound, interrupted on time', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:', connections: 1 });
    engines.push(engine);
    const sizes: number[] = [];
    let sum = 0;
    const r = await engine.stream('SELECT i, $1::VARCHAR AS v FROM range(5000) t(i)', ['华南'], (rows) => {
      sizes.push(rows.length);
      for (const row of rows) {
        sum += row.i as number;
        expect(row.v).toBe('华南');
      }
    });
    expect(r.rows).toBe(5000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(sizes.length).toBeGreaterThan(1);
    expect(sum).toBe((4999 * 5000) / 2);
    await expect(
      engine.stream('SELECT count(*) FROM range(100000000000) a', [], () => {}, { timeoutMs: 200 }),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    expect((await engine.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('runs a transaction that others see only once it commits, and rolls back on error', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:', connections: 2 });
    engines.push(engine);
    await engine.exec('CREATE TABLE t AS SELECT 1 AS v');
    let seenInside: unknown;
    await engine.transaction(async (run) => {
      await run('CREATE OR REPLACE TABLE t AS SELECT 2 AS v');
      seenInside = (await engine.query('SELECT v FROM t')).rows[0]!.v;
    });
    expect(seenInside).toBe(1);
    expect((await engine.query('SELECT v FROM t')).rows).toEqual([{ v: 2 }]);
    await expect(
      engine.transaction(async (run) => {
        await run('CREATE OR REPLACE TABLE t AS SELECT 3 AS v');
        await run('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect((await engine.query('SELECT v FROM t')).rows).toEqual([{ v: 2 }]);
  });
});
