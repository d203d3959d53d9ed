import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { DIALECTS } from '../src/dialect/index.ts';
import type { SemanticModel } from '../src/model.ts';
import { loadFixture } from './load-fixture.ts';

/** A database whose rows can be read (the DuckDB a copy is taken from). */
export interface RowSource {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A PostgreSQL to run compiled SQL on: a real server (in its own schema) or embedded PGlite. */
export interface PgTarget {
  name: string;
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const PG_TYPES: Record<string, string> = {
  VARCHAR: 'text',
  INTEGER: 'integer',
  BIGINT: 'bigint',
  HUGEINT: 'numeric',
  DOUBLE: 'double precision',
  FLOAT: 'real',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  BOOLEAN: 'boolean',
};

/** Copies every table of the DuckDB store (canonical and derived) into the target, types mapped. */
async function copyTables(engine: RowSource, exec: (sql: string, params?: unknown[]) => Promise<unknown>) {
  const cols = await engine.query(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
  );
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const c of cols.rows) {
    const list = tables.get(String(c.table_name)) ?? [];
    list.push({ name: String(c.column_name), type: PG_TYPES[String(c.data_type)] ?? 'text' });
    tables.set(String(c.table_name), list);
  }
  for (const [table, columns] of tables) {
    await exec(`CREATE TABLE "${table}" (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    const rows = (await engine.query(`SELECT * FROM "${table}"`)).rows;
    for (const row of rows) {
      const values = columns.map((c) => row[c.name] ?? null);
      const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
      await exec(`INSERT INTO "${table}" VALUES (${placeholders})`, values);
    }
  }
}

/** Embedded PostgreSQL (PGlite) holding a copy of the store. */
export async function pgliteCopy(engine: RowSource): Promise<PgTarget> {
  const db = new PGlite();
  await copyTables(engine, (sql, params) => db.query(sql, params as unknown[]));
  return {
    name: 'pglite',
    query: async (sql, params) => (await db.query<Record<string, unknown>>(sql, params)).rows,
    close: () => db.close(),
  };
}

/** The PostgreSQL server at `url`, in a fresh schema dropped on close. */
export async function postgresCopy(engine: RowSource, url: string): Promise<PgTarget> {
  const schema = `sl_test_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE SCHEMA "${schema}"`);
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { search_path: schema } });
  await copyTables(engine, (text, params) => sql.unsafe(text, (params ?? []) as never[]));
  return {
    name: 'postgres',
    query: async (text, params) =>
      [...(await sql.unsafe(text, params as never[]))] as Record<string, unknown>[],
    close: async () => {
      await sql.end();
      await admin.unsafe(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

/**
 * PostgreSQL as the analytics engine: the fixture CRM loaded into a fresh schema of the server at
 * `url` and the derived tables materialised there with the PostgreSQL materialisation SQL (not copied
 * from DuckDB). Dropped on close.
 */
export async function postgresMaterialized(url: string, model: SemanticModel): Promise<PgTarget> {
  const schema = `sl_native_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE SCHEMA "${schema}"`);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
  await loadFixture(
    {
      exec: async (statements) => {
        for (const s of Array.isArray(statements) ? statements : [statements]) await sql.unsafe(s);
      },
      tables: async () =>
        new Set(
          (
            await sql.unsafe(
              'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
            )
          ).map((r) => String(r.table_name)),
        ),
    },
    model,
    DIALECTS.postgres,
  );
  return {
    name: 'postgres (materialised natively)',
    query: async (text, params) =>
      [...(await sql.unsafe(text, params as never[]))] as Record<string, unknown>[],
    close: async () => {
      await sql.end();
      await admin.unsafe(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}

/** Rows as comparable plain values: numeric strings and bigints as numbers, dates as ISO dates. */
export function normalizeRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => {
        if (typeof v === 'bigint') return [k, Number(v)];
        if (v instanceof Date) return [k, v.toISOString().slice(0, 10)];
        if (typeof v === 'string' && /^-?\d+(\.\d+)?(e-?\d+)?$/.test(v) && k !== 'customer_id')
          return [k, Number(v)];
        if (typeof v === 'number') return [k, Math.round(v * 1e9) / 1e9];
        return [k, v];
      }),
    ),
  );
}

/**
 * The PostgreSQL targets of a suite: with ANALYTICS_DATABASE_URL (vitest project postgres-analytics)
 * the fixture materialised there by its own SQL; else copies of DuckDB's tables in PGlite and, when
 * DATABASE_URL is set, in the PostgreSQL server.
 */
export async function postgresTargets(duck: RowSource, model: SemanticModel): Promise<PgTarget[]> {
  if (process.env.ANALYTICS_DATABASE_URL)
    return [await postgresMaterialized(process.env.ANALYTICS_DATABASE_URL, model)];
  const targets = [await pgliteCopy(duck)];
  if (process.env.DATABASE_URL) targets.push(await postgresCopy(duck, process.env.DATABASE_URL));
  return targets;
}
