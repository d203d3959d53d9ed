/**
 * The opt-in memory log (CHATBI_MEMORY_LOG_MS): the period parsed from the environment, and snapshots with V8's,
 * DuckDB's and PGlite's figures read from a real engine.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { DuckDbEngine } from '../data/duckdb-engine.ts';
import { memoryLogPeriodMs, memorySnapshot, startMemoryLog } from './memory-log.ts';

const engines: DuckDbEngine[] = [];
afterAll(async () => {
  for (const e of engines) await e.close();
});

async function engineWithTable(): Promise<DuckDbEngine> {
  const engine = await DuckDbEngine.open({ path: ':memory:', memoryLimit: '300MB' });
  engines.push(engine);
  await engine.exec('CREATE TABLE t AS SELECT range AS id, md5(range::VARCHAR) AS s FROM range(300000)');
  return engine;
}

describe('memory log', () => {
  it('is off unless CHATBI_MEMORY_LOG_MS is a whole number of milliseconds ≥ 100', () => {
    expect(memoryLogPeriodMs({})).toBeUndefined();
    expect(memoryLogPeriodMs({ CHATBI_MEMORY_LOG_MS: '0' })).toBeUndefined();
    expect(memoryLogPeriodMs({ CHATBI_MEMORY_LOG_MS: ' 2000 ' })).toBe(2000);
    expect(() => memoryLogPeriodMs({ CHATBI_MEMORY_LOG_MS: '50' })).toThrow(/≥ 100/);
    expect(() => memoryLogPeriodMs({ CHATBI_MEMORY_LOG_MS: '2s' })).toThrow(/CHATBI_MEMORY_LOG_MS/);
  });

  it('reports the process, each DuckDB engine (used, by tag, limit) and the PGlite memory', async () => {
    const engine = await engineWithTable();
    const snapshot = await memorySnapshot(
      new Map<string, AnalyticsEngine>([['retail', engine]]),
      () => 128 * 2 ** 20,
    );
    expect(snapshot.rssMB).toBeGreaterThan(snapshot.heapUsedMB);
    expect(snapshot.heapTotalMB).toBeGreaterThanOrEqual(snapshot.heapUsedMB);
    expect(snapshot.pgliteWasmMB).toBe(128);
    const duck = snapshot.duckdb.retail!;
    expect(duck.limit).toBe('286.1 MiB');
    expect(duck.usedMB).toBeGreaterThan(1);
    expect(duck.tags.IN_MEMORY_TABLE).toBeGreaterThan(1);
    expect(duck.spilledMB).toBe(0);
    expect(Object.values(duck.tags).reduce((a, b) => a + b, 0)).toBeCloseTo(duck.usedMB, 0);
  });

  it('logs one `memory {json}` line per period with the collector’s time, and stops', async () => {
    const engine = await engineWithTable();
    const lines: string[] = [];
    const stop = startMemoryLog({
      periodMs: 100,
      engines: new Map([['retail', engine]]),
      log: (l) => lines.push(l),
    });
    await new Promise((resolve) => setTimeout(resolve, 450));
    stop();
    const seen = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(lines.length).toBe(seen);
    expect(seen).toBeGreaterThanOrEqual(2);
    const first = JSON.parse(lines[0]!.replace(/^memory /, ''));
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['t', 'rssMB', 'heapUsedMB', 'externalMB', 'arrayBuffersMB', 'duckdb', 'gcMs']),
    );
    expect(first.duckdb.retail.limit).toBe('286.1 MiB');
    expect(first.pgliteWasmMB).toBeUndefined();
  });
});
