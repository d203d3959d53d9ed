/**
 * Times every DuckDB statement a piece of code runs, by wrapping `DuckDBConnection.run` (which
 * `runAndReadAll` and friends go through). For benchmarks only: it patches the class for the
 * whole process until `stop()` is called.
 */
import { DuckDBConnection } from '@duckdb/node-api';

export interface StatementTiming {
  /** The statement, whitespace collapsed and cut to `SQL_CHARS`. */
  sql: string;
  ms: number;
}

const SQL_CHARS = 160;

/** Starts timing statements; `stop()` restores the class and returns the timings in run order. */
export function profileStatements(): { stop: () => StatementTiming[] } {
  const timings: StatementTiming[] = [];
  const original = DuckDBConnection.prototype.run;
  DuckDBConnection.prototype.run = async function (this: DuckDBConnection, ...args) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      const sql = args[0].replace(/\s+/g, ' ').trim().slice(0, SQL_CHARS);
      timings.push({ sql, ms: Math.round((performance.now() - started) * 10) / 10 });
    }
  } as typeof original;
  return {
    stop: () => {
      DuckDBConnection.prototype.run = original;
      return timings;
    },
  };
}

/** The slowest statements (at least `minMs`) as printable lines, with the total of all statements. */
export function formatProfile(timings: StatementTiming[], minMs = 5): string {
  const total = timings.reduce((s, t) => s + t.ms, 0);
  const lines = timings
    .filter((t) => t.ms >= minMs)
    .map((t) => `${t.ms.toFixed(0).padStart(7)} ms  ${t.sql}`);
  return [...lines, `${total.toFixed(0).padStart(7)} ms  (all ${timings.length} statements)`].join('\n');
}
