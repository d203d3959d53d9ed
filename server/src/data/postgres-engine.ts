/**
 * PostgreSQL as the analytics engine (`ANALYTICS_DATABASE_URL=postgres://…`): the canonical and
 * derived tables live in one schema of the server (`search_path`), statements are compiled for the
 * `postgres` dialect, and rows come back as the DuckDB engine returns them (counts and decimals as
 * numbers, dates and timestamps as ISO text). Timeouts are PostgreSQL's `statement_timeout`, set per
 * transaction; a cancelled statement is a {@link QueryTimeoutError}. Statements are not prepared:
 * materialisation replaces tables, which would invalidate cached plans.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import {
  type AnalyticsEngine,
  CachedReads,
  type EngineColumn,
  type EngineResult,
  type QueryOptions,
  QueryTimeoutError,
  type WriteOptions,
} from './analytics-engine.ts';

export interface PostgresEngineOptions {
  /** `postgres://user@host:port/database`. */
  url: string;
  /** The schema holding this store's tables (created when missing); lower-case letters, digits, `_`. */
  schema: string;
  /** Connections in the pool (default 4). */
  connections?: number;
  /** Timeout of every read query that does not give its own; none by default. */
  defaultTimeoutMs?: number;
  /** Timeout of every write statement that does not give its own; none by default. */
  writeTimeoutMs?: number;
}

type Sql = postgres.Sql<Record<string, never>>;

const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const DATE_TYPES = new Set([1082, 1114, 1184]);
const BOOLEAN = 16;
/** SQLSTATE of a statement cancelled by `statement_timeout`. */
const QUERY_CANCELED = '57014';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function checkSchema(name: string): string {
  if (!SCHEMA_NAME.test(name)) throw new Error(`invalid analytics schema name: ${name}`);
  return name;
}

/** A client whose results match the DuckDB engine's JSON values, reading `searchPath` first. */
function client(url: string, searchPath: string, max: number): Sql {
  return postgres(url, {
    max,
    prepare: false,
    onnotice: () => {},
    connection: { search_path: searchPath, application_name: 'chatbi-analytics' },
    types: {
      // int8 and numeric (counts, sums, rounded money) as numbers, like DuckDB's BIGINT and DECIMAL.
      count: {
        to: 20,
        from: [20, 1700],
        serialize: (x: unknown) => String(x),
        parse: (x: string) => Number(x),
      },
      // Dates and timestamps as the server's ISO text, like DuckDB's JSON rows.
      day: {
        to: 1082,
        from: [1082, 1114, 1184],
        serialize: (x: unknown) => String(x),
        parse: (x: string) => x,
      },
    },
  }) as unknown as Sql;
}

const columnType = (oid: number): EngineColumn['type'] =>
  NUMBER_TYPES.has(oid) ? 'number' : DATE_TYPES.has(oid) ? 'date' : oid === BOOLEAN ? 'boolean' : 'string';

export class PostgresEngine extends CachedReads implements AnalyticsEngine {
  protected readonly tableSchema = 'current_schema()';
  readonly dialect = 'postgres' as const;
  private closed = false;

  private constructor(
    private readonly sql: Sql,
    private readonly opts: PostgresEngineOptions,
    /** Runs when the engine closes (a sandbox drops its schema). */
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    super();
  }

  /** The schema this store's tables live in. */
  get schema(): string {
    return this.opts.schema;
  }

  /** Connects to the server and creates the store's schema when missing. */
  static async open(opts: PostgresEngineOptions): Promise<PostgresEngine> {
    const schema = checkSchema(opts.schema);
    const admin = postgres(opts.url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      await admin.end();
    }
    return new PostgresEngine(client(opts.url, schema, opts.connections ?? 4), opts);
  }

  /** Drops the store's schema and everything in it (tests and throwaway stores), then closes. */
  async drop(): Promise<void> {
    await this.sql.unsafe(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.close();
  }

  /** Runs `work` in a transaction with `statement_timeout` set when a timeout applies. */
  private async within<T>(timeoutMs: number | undefined, work: (tx: Sql) => Promise<T>): Promise<T> {
    try {
      return (await this.sql.begin(async (tx) => {
        if (timeoutMs) await tx.unsafe(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
        return work(tx as unknown as Sql);
      })) as T;
    } catch (err) {
      if ((err as { code?: string }).code === QUERY_CANCELED && timeoutMs)
        throw new QueryTimeoutError(timeoutMs);
      throw err;
    }
  }

  protected async run(sql: string, params: unknown[], opts: QueryOptions): Promise<EngineResult> {
    if (this.closed) throw new Error('engine closed');
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? this.opts.defaultTimeoutMs;
    const result = await this.within(timeoutMs, (tx) => tx.unsafe(sql, params as never[]));
    const columns: EngineColumn[] = (result.columns ?? []).map((c) => ({
      name: c.name,
      type: columnType(c.type),
    }));
    const max = opts.maxRows ?? 100_000;
    const all = [...result] as Record<string, unknown>[];
    const truncated = all.length > max;
    return {
      columns,
      rows: truncated ? all.slice(0, max) : all,
      truncated,
      elapsedMs: performance.now() - started,
    };
  }

  async exec(statements: string | string[], opts: WriteOptions = {}): Promise<void> {
    this.forgetResults();
    await this.within(opts.timeoutMs ?? this.opts.writeTimeoutMs, async (tx) => {
      for (const s of Array.isArray(statements) ? statements : [statements]) await tx.unsafe(s);
    });
  }

  async write(statements: { sql: string; params: unknown[] }[]): Promise<void> {
    this.forgetResults();
    try {
      await this.within(this.opts.writeTimeoutMs, async (tx) => {
        for (const s of statements) await tx.unsafe(s.sql, s.params as never[]);
      });
    } finally {
      this.forgetResults();
    }
  }

  async transaction<T>(
    work: (run: (sql: string) => Promise<void>) => Promise<T>,
    opts: WriteOptions = {},
  ): Promise<T> {
    this.forgetResults();
    try {
      return await this.within(opts.timeoutMs ?? this.opts.writeTimeoutMs, (tx) =>
        work(async (s) => {
          await tx.unsafe(s);
        }),
      );
    } finally {
      this.forgetResults();
    }
  }

  /** Appends a CSV file with a header row to `table` (COPY FROM STDIN: ingest's bulk load). */
  async copyCsv(table: string, file: string): Promise<void> {
    this.forgetResults();
    const into = await this.sql
      .unsafe(`COPY "${table.replaceAll('"', '""')}" FROM STDIN (FORMAT csv, HEADER true)`)
      .writable();
    await pipeline(createReadStream(file), into);
  }

  /**
   * A private schema first on the search path: table builds land there, reads of other tables fall
   * through to this store's schema; the schema is dropped afterwards.
   */
  async sandbox<T>(
    work: (sandbox: AnalyticsEngine) => Promise<T>,
    timeouts: { read?: number; write?: number } = {},
  ): Promise<T> {
    const name = `draft_preview_${randomBytes(6).toString('hex')}`;
    await this.sql.unsafe(`CREATE SCHEMA "${name}"`);
    const sandbox = new PostgresEngine(
      client(this.opts.url, `${name},${this.schema}`, 1),
      { ...this.opts, schema: name, defaultTimeoutMs: timeouts.read, writeTimeoutMs: timeouts.write },
      async () => {
        await this.sql.unsafe(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      },
    );
    try {
      return await work(sandbox);
    } finally {
      await sandbox.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sql.end();
    await this.onClose();
  }
}
