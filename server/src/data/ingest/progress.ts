import type { DuckDBConnection } from '@duckdb/node-api';

/** A progress event: per table and phase, with rows/s once a phase is done. */
export interface IngestProgress {
  table: string;
  phase: 'sources' | 'stage' | 'rejects' | 'load' | 'checks' | 'classify' | 'done';
  /** DuckDB's estimate for the running statement, 0-100. */
  percent?: number;
  rows?: number;
  seconds?: number;
  rowsPerSecond?: number;
}

export type ProgressListener = (event: IngestProgress) => void;

const POLL_MS = 500;

/** Runs one statement, reporting DuckDB's progress estimate while it runs longer than a poll. */
export async function runWithProgress(
  con: DuckDBConnection,
  sql: string,
  report: ((percent: number) => void) | undefined,
): Promise<void> {
  if (!report) {
    await con.run(sql);
    return;
  }
  const timer = setInterval(() => {
    const p = con.progress;
    if (p.percentage >= 0) report(Math.round(p.percentage));
  }, POLL_MS);
  try {
    await con.run(sql);
  } finally {
    clearInterval(timer);
  }
}
