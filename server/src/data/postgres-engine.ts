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
  capRows,
  describeColumns,
  type EngineResult,
  type OnRows,
  type QueryOptions,
  QueryTimeoutError,
  type RunStatement,
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

/** PostgreSQL's type oids of each result column kind. */
const POSTGRES_KINDS = {
  number: new Set([20, 21, 23, 26, 700, 701, 1700]),
  date: new Set([1082, 1114, 1184]),
  boolean: 16,
};
/** Rows a streamed read fetches at a time (DuckDB's chunk size). */
const STREAM_ROWS = 2048;
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

export class PostgresEngine extends CachedReads implements AnalyticsEngine {
  protected readonly tableSchema = 'current_schema()';
  readonly dialect = 'postgres' as const;
  protected readonly timeouts: { read?: number; write?: number };
  private closed = false;

  private constructor(
    private readonly sql: Sql,
    private readonly opts: PostgresEngineOptions,
    /** Runs when the engine closes (a sandbox drops its schema). */
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    super();
    this.timeouts = { read: opts.defaultTimeoutMs, write: opts.writeTimeoutMs };
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
    const result = await this.within(opts.timeoutMs ?? this.timeouts.read, (tx) =>
      tx.unsafe(sql, params as never[]),
    );
    return {
      columns: describeColumns(result.columns ?? [], POSTGRES_KINDS),
      ...capRows([...result] as Record<string, unknown>[], opts.maxRows),
      elapsedMs: performance.now() - started,
    };
  }

  protected async streamRows(
    sql: string,
    params: unknown[],
    onRows: OnRows,
    timeoutMs: number | undefined,
  ): Promise<void> {
    if (this.closed) throw new Error('engine closed');
    // A cursor: the server sends STREAM_ROWS rows at a time, the next batch after `onRows` returns.
    await this.within(timeoutMs, (tx) =>
      tx.unsafe(sql, params as never[]).cursor(STREAM_ROWS, async (rows) => {
        await onRows(rows as unknown as Record<string, unknown>[]);
      }),
    );
  }

  /** Statements one after another, in one transaction (PostgreSQL's DDL is transactional). */
  protected inOrder(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<void>,
  ): Promise<void> {
    return this.atomically(timeoutMs, work);
  }

  protected atomically<T>(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<T>,
  ): Promise<T> {
    return this.within(timeoutMs, (tx) =>
      work(async (sql, params = []) => {
        await tx.unsafe(sql, params as never[]);
      }),
    );
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
