import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalyticsEngine, QueryTimeoutError } from './duckdb-engine.ts';

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

  it('locked down, reads only its data folder and cannot be unlocked', async () => {
    const engine = await AnalyticsEngine.open({
      path: join(allowed, 'a.duckdb'),
      connections: 2,
      lockdown: { allowedDirectories: [allowed] },
    });
    engines.push(engine);
    const ok = await engine.query(`SELECT count(*) AS n FROM read_csv('${join(allowed, 'in.csv')}')`);
    expect(ok.rows).toEqual([{ n: 2 }]);
    await expect(engine.query(`SELECT * FROM read_csv('${join(outside, 'secret.csv')}')`)).rejects.toThrow(
      /Permission Error|not allowed|disabled/i,
    );
    await expect(engine.query('SET enable_external_access = true')).rejects.toThrow(/lock|configuration/i);
  });

  it('returns JSON-safe rows (BIGINT as numbers), caps rows and interrupts slow queries', async () => {
    const engine = await AnalyticsEngine.open({ path: ':memory:', connections: 1 });
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

  it('runs a transaction that others see only once it commits, and rolls back on error', async () => {
    const engine = await AnalyticsEngine.open({ path: ':memory:', connections: 2 });
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
