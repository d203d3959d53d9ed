/**
 * Which analytics engine a model's data lives on. Ingest and the demo generator write a DuckDB file
 * (DuckDB reads the CSVs, checks quality and builds the canonical tables); without
 * `ANALYTICS_DATABASE_URL` that file is the store. With `ANALYTICS_DATABASE_URL=postgres://…` the
 * canonical tables are loaded from that file into PostgreSQL (schema `<ANALYTICS_SCHEMA_PREFIX><model>`,
 * default prefix `chatbi_`) by COPY, and everything after (materialisation, questions, analyses) runs
 * on PostgreSQL. A reload happens when the file changed since the last load.
 */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLLUP_TABLE_PREFIX } from '../../../semantic-layer/src/rollup/rollup-layout.ts';
import type { AnalyticsEngine } from './analytics-engine.ts';
import { DuckDbEngine, type EngineOptions } from './duckdb-engine.ts';
import { PostgresEngine } from './postgres-engine.ts';

/** The PostgreSQL analytics database, when one is configured. */
export const analyticsDatabaseUrl = (): string | undefined => process.env.ANALYTICS_DATABASE_URL || undefined;

/** The schema a model's store uses on the PostgreSQL analytics database. */
export function analyticsSchema(name: string): string {
  const prefix = process.env.ANALYTICS_SCHEMA_PREFIX ?? 'chatbi_';
  return `${prefix}${name}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}

/** Records which DuckDB file (and version of it) the canonical tables were loaded from. */
const LOADED_TABLE = '_loaded_from';

/** DuckDB column types → PostgreSQL (anything else travels as text). */
const PG_TYPES: Record<string, string> = {
  VARCHAR: 'text',
  BOOLEAN: 'boolean',
  TINYINT: 'smallint',
  SMALLINT: 'smallint',
  INTEGER: 'integer',
  BIGINT: 'bigint',
  HUGEINT: 'numeric',
  UBIGINT: 'numeric',
  UINTEGER: 'bigint',
  FLOAT: 'real',
  DOUBLE: 'double precision',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
};
const pgType = (duck: string) => PG_TYPES[duck] ?? (duck.startsWith('DECIMAL') ? 'numeric' : 'text');

/**
 * Copies every table of `source` (a DuckDB store: canonical tables, no derived ones needed) into
 * `target`, replacing tables of the same name: DuckDB writes each as CSV, PostgreSQL COPYs it in.
 */
export async function copyTables(
  source: DuckDbEngine,
  target: PostgresEngine,
  opts: { skip?: (table: string) => boolean } = {},
): Promise<string[]> {
  const cols = await source.query(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
    [],
    { maxRows: 1_000_000 },
  );
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const c of cols.rows) {
    const table = String(c.table_name);
    if (opts.skip?.(table)) continue;
    const list = tables.get(table) ?? [];
    list.push({ name: String(c.column_name), type: pgType(String(c.data_type)) });
    tables.set(table, list);
  }
  const dir = await mkdtemp(join(tmpdir(), 'chatbi-copy-'));
  try {
    for (const [table, columns] of tables) {
      const file = join(dir, `${table}.csv`);
      const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
      await source.exec(
        `COPY (SELECT * FROM ${q(table)}) TO '${file.replaceAll("'", "''")}' (FORMAT csv, HEADER true)`,
      );
      await target.exec([
        `DROP TABLE IF EXISTS ${q(table)} CASCADE`,
        `CREATE TABLE ${q(table)} (${columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`,
      ]);
      await target.copyCsv(table, file);
      await target.exec(`ANALYZE ${q(table)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return [...tables.keys()];
}

/** Tables a store derives itself (materialisation), never copied from the staging file. */
const isDerived = (table: string) =>
  table.startsWith('_') ||
  table.startsWith(ROLLUP_TABLE_PREFIX) ||
  ['customer_spells', 'churn_events', 'customer_snapshot', 'customer_history'].includes(table);

/**
 * Loads the canonical tables of the DuckDB file at `path` into `target` unless they were loaded from
 * the same file version already. Returns true when it loaded.
 */
export async function loadCanonicalTables(
  path: string,
  target: PostgresEngine,
  readOnly = false,
): Promise<boolean> {
  const st = statSync(path);
  const stamp = `${path}|${st.size}|${Math.round(st.mtimeMs)}`;
  const tables = await target.tables();
  if (tables.has(LOADED_TABLE)) {
    const r = await target.query(`SELECT stamp FROM ${LOADED_TABLE}`);
    if (r.rows[0]?.stamp === stamp) return false;
  }
  const source = await DuckDbEngine.open({ path, connections: 1, threads: 2, readOnly });
  try {
    for (const t of tables) if (t !== LOADED_TABLE) await target.exec(`DROP TABLE IF EXISTS "${t}" CASCADE`);
    await copyTables(source, target, { skip: isDerived });
  } finally {
    await source.close();
  }
  await target.exec([
    `DROP TABLE IF EXISTS ${LOADED_TABLE}`,
    `CREATE TABLE ${LOADED_TABLE} (stamp text)`,
    `INSERT INTO ${LOADED_TABLE} VALUES ('${stamp.replaceAll("'", "''")}')`,
  ]);
  return true;
}

export interface AnalyticsStoreOptions {
  /** The store's name (the model id): the PostgreSQL schema is derived from it. */
  name: string;
  /** The DuckDB file ingest or the demo wrote. */
  duckdbPath: string;
  /** DuckDB options (path excluded) when DuckDB is the engine. */
  duckdb?: Omit<EngineOptions, 'path'>;
  connections?: number;
  defaultTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** Overrides `ANALYTICS_DATABASE_URL` (tests). */
  databaseUrl?: string | null;
  /** Overrides the schema derived from the name (tests use a unique one). */
  schema?: string;
  /** Open the DuckDB file read-only to load from it (other processes may read it at the same time). */
  duckdbReadOnly?: boolean;
}

/** Opens a model's analytics store on the configured engine (see the file comment). */
export async function openAnalyticsStore(opts: AnalyticsStoreOptions): Promise<AnalyticsEngine> {
  const url = opts.databaseUrl === undefined ? analyticsDatabaseUrl() : (opts.databaseUrl ?? undefined);
  if (!url) {
    return DuckDbEngine.open({
      path: opts.duckdbPath,
      ...opts.duckdb,
      ...(opts.connections ? { connections: opts.connections } : {}),
      ...(opts.defaultTimeoutMs ? { defaultTimeoutMs: opts.defaultTimeoutMs } : {}),
      ...(opts.writeTimeoutMs ? { writeTimeoutMs: opts.writeTimeoutMs } : {}),
    });
  }
  const engine = await PostgresEngine.open({
    url,
    schema: opts.schema ?? analyticsSchema(opts.name),
    connections: opts.connections,
    defaultTimeoutMs: opts.defaultTimeoutMs,
    writeTimeoutMs: opts.writeTimeoutMs,
  });
  try {
    await loadCanonicalTables(opts.duckdbPath, engine, opts.duckdbReadOnly);
  } catch (err) {
    await engine.close();
    throw err;
  }
  return engine;
}
