/**
 * Opt-in memory log (issue 21 §3, for benchmarks): with `CHATBI_MEMORY_LOG_MS=<ms>` the server logs, every that
 * many milliseconds, one line `memory {json}` with where its memory is — V8 (`process.memoryUsage()`), each DuckDB
 * engine's own accounting (`duckdb_memory()`: buffer pool by tag, spilled bytes, `memory_limit`) and the inline
 * PGlite's WebAssembly memory. evals/bench/load-test.ts reads these lines at boot, after the askers and at the
 * peak. Off by default; nothing of it is served over HTTP.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';

const MB = 1024 * 1024;

/** One model's DuckDB memory: bytes its buffer manager holds (total and by tag), spilled bytes, its limit. */
export interface DuckDbMemory {
  usedMB: number;
  spilledMB: number;
  limit: string;
  /** Non-empty tags (BASE_TABLE, HASH_TABLE, ORDER_BY…) in MB. */
  tags: Record<string, number>;
}

export interface MemorySnapshot {
  rssMB: number;
  heapUsedMB: number;
  heapTotalMB: number;
  externalMB: number;
  arrayBuffersMB: number;
  /** Per served model with a DuckDB engine. */
  duckdb: Record<string, DuckDbMemory>;
  /** The inline PGlite's WebAssembly memory (it only grows); absent with PostgreSQL or the PGlite worker. */
  pgliteWasmMB?: number;
}

const round = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** The logging period from the environment: a positive integer of milliseconds, or undefined (off). */
export function memoryLogPeriodMs(env: Record<string, string | undefined> = process.env): number | undefined {
  const raw = env.CHATBI_MEMORY_LOG_MS?.trim();
  if (!raw || raw === '0') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100)
    throw new Error(`CHATBI_MEMORY_LOG_MS must be a whole number of milliseconds ≥ 100, got ${raw}`);
  return ms;
}

async function duckdbMemory(engine: AnalyticsEngine): Promise<DuckDbMemory> {
  const { rows } = await engine.query(
    `SELECT tag, memory_usage_bytes::DOUBLE AS used, temporary_storage_bytes::DOUBLE AS spilled,
            current_setting('memory_limit') AS lim
       FROM duckdb_memory()`,
  );
  const tags: Record<string, number> = {};
  let used = 0;
  let spilled = 0;
  for (const r of rows) {
    used += Number(r.used);
    spilled += Number(r.spilled);
    if (Number(r.used) > 0) tags[String(r.tag)] = round(Number(r.used));
  }
  return { usedMB: round(used), spilledMB: round(spilled), limit: String(rows[0]?.lim ?? ''), tags };
}

/** Where the memory is now. */
export async function memorySnapshot(
  engines: Map<string, AnalyticsEngine>,
  pgliteWasmBytes?: () => number | undefined,
): Promise<MemorySnapshot> {
  const duckdb: Record<string, DuckDbMemory> = {};
  for (const [id, engine] of engines)
    if (engine.dialect === 'duckdb') duckdb[id] = await duckdbMemory(engine).catch(() => unreadable());
  const m = process.memoryUsage();
  const wasm = pgliteWasmBytes?.();
  return {
    rssMB: round(m.rss),
    heapUsedMB: round(m.heapUsed),
    heapTotalMB: round(m.heapTotal),
    externalMB: round(m.external),
    arrayBuffersMB: round(m.arrayBuffers),
    duckdb,
    ...(wasm === undefined ? {} : { pgliteWasmMB: round(wasm) }),
  };
}

function unreadable(): DuckDbMemory {
  return { usedMB: Number.NaN, spilledMB: Number.NaN, limit: '', tags: {} };
}

/** Logs a snapshot every `periodMs` (one at a time; the timer does not keep the process alive); returns stop. */
export function startMemoryLog(opts: {
  periodMs: number;
  engines: Map<string, AnalyticsEngine>;
  pgliteWasmBytes?: () => number | undefined;
  log: (line: string) => void;
}): () => void {
  // Time spent in V8's garbage collector since the log started (a smaller heap costs collections).
  let gcMs = 0;
  let gcCount = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcCount++;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  let busy = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    memorySnapshot(opts.engines, opts.pgliteWasmBytes)
      .then((s) => {
        if (!stopped)
          opts.log(`memory ${JSON.stringify({ t: Date.now(), ...s, gcMs: Math.round(gcMs), gcCount })}`);
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, opts.periodMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    gc.disconnect();
  };
}
