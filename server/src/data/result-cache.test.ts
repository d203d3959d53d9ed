import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from './analytics-engine.ts';
import { DuckDbEngine } from './duckdb-engine.ts';
import { ResultCache } from './result-cache.ts';

describe('ResultCache', () => {
  it('evicts the least recently used results beyond its row budget and skips results too big to keep', () => {
    const cache = new ResultCache<string>(10, 6);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    expect(cache.get('a')).toBe('A'); // a is now the most recent
    cache.set('c', 'C', 4); // 12 rows > 10: b goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
    cache.set('big', 'X', 7);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe('the engine result cache', () => {
  const engines: AnalyticsEngine[] = [];
  afterAll(async () => {
    for (const e of engines) await e.close();
  });

  it('serves a repeated query from the cache until the store changes, and hands out copies', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:', connections: 2 });
    engines.push(engine);
    await engine.exec('CREATE TABLE t AS SELECT 1 AS v');
    const sql = 'SELECT v FROM t WHERE v >= $1';
    const first = await engine.query(sql, [0], { cache: true });
    first.rows[0]!.v = 99; // a caller changing its rows does not change the cache
    const second = await engine.query(sql, [0], { cache: true });
    expect([first.cached, second.cached, second.rows]).toEqual([undefined, true, [{ v: 1 }]]);
    // Other parameters are another entry; an uncached query never reads the cache.
    expect((await engine.query(sql, [5], { cache: true })).rows).toEqual([]);
    expect((await engine.query(sql, [0])).cached).toBeUndefined();
    await engine.transaction(async (run) => run('CREATE OR REPLACE TABLE t AS SELECT 2 AS v'));
    const after = await engine.query(sql, [0], { cache: true });
    expect([after.cached, after.rows]).toEqual([undefined, [{ v: 2 }]]);
    await engine.exec('INSERT INTO t VALUES (3)');
    expect((await engine.query(sql, [0], { cache: true })).rows).toEqual([{ v: 2 }, { v: 3 }]);
  });
});
