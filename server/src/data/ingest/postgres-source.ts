/**
 * Copies a table or query of a CRM's own PostgreSQL database into a DuckDB temp table, every
 * column as text (PostgreSQL renders it; the mapping coerces it like CSV text), with a record
 * ordinal `__row` so rejects can name the record they came from.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import postgres from 'postgres';
import { ident } from './sql-text.ts';

const BATCH_ROWS = 10_000;

export interface PostgresRead {
  url: string;
  /** `schema.table` or `table`. */
  table?: string;
  query?: string;
}

/** Reads the PostgreSQL source into temp table `target`; returns the number of records copied. */
export async function copyPostgresSource(
  con: DuckDBConnection,
  target: string,
  read: PostgresRead,
): Promise<number> {
  const sql = postgres(read.url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const base = read.table ? `SELECT * FROM ${read.table.split('.').map(ident).join('.')}` : read.query!;
    const described = await sql.unsafe(`SELECT * FROM (${base}) AS src`).describe();
    const names = described.columns.map((c) => c.name);
    const asText = names.map((n) => `${ident(n)}::text AS ${ident(n)}`).join(', ');
    await con.run(
      `CREATE OR REPLACE TEMP TABLE ${ident(target)} (__row BIGINT, ${names.map((n) => `${ident(n)} VARCHAR`).join(', ')})`,
    );
    const appender = await con.createAppender(target, 'main', 'temp');
    let row = 0;
    // The copy loops rows in JS because DuckDB's postgres extension is not available offline;
    // the mapping itself still runs as one SQL statement over the copied table.
    for await (const batch of sql.unsafe(`SELECT ${asText} FROM (${base}) AS src`).cursor(BATCH_ROWS)) {
      for (const record of batch as Record<string, string | null>[]) {
        appender.appendBigInt(BigInt(++row));
        for (const n of names) {
          const v = record[n];
          if (v === null || v === undefined) appender.appendNull();
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
    }
    appender.closeSync();
    return row;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
