/** Test helper: reads rows from a DuckDB file written by an ingest (JSON-safe values). */
import { DuckDBInstance } from '@duckdb/node-api';

/** Runs one query against a database file and closes it again. */
export async function queryDb(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(dbPath);
  const con = await instance.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
