/**
 * The analytics engine: where the canonical and derived tables live and every governed statement runs
 * (ingest loads it, materialisation builds it, questions and analyses read it). Two implementations:
 * `DuckDbEngine` (embedded, the default) and `PostgresEngine` (`ANALYTICS_DATABASE_URL=postgres://…`:
 * PostgreSQL or a PostgreSQL-compatible warehouse). Queries are compiled for `dialect`; rows come
 * back as JSON-safe values on both (counts and decimals as numbers, dates as ISO strings).
 */
import type { DialectName } from '../../../semantic-layer/src/dialect/index.ts';
import { ResultCache } from './result-cache.ts';

/** Options of a write (materialisation): a timeout interrupts it and rolls it back. */
export interface WriteOptions {
  timeoutMs?: number;
}

export interface QueryOptions {
  timeoutMs?: number;
  maxRows?: number;
  /** Serve a repeat of this query from the result cache while the store is unchanged. */
  cache?: boolean;
}

export interface EngineColumn {
  name: string;
  type: 'number' | 'string' | 'date' | 'boolean';
}

export interface EngineResult {
  columns: EngineColumn[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  elapsedMs: number;
  /** True when served from the result cache (elapsedMs is then the lookup). */
  cached?: boolean;
}

/** Receives one chunk of a streamed read (a few thousand rows); the next chunk is read after it returns. */
export type OnRows = (rows: Record<string, unknown>[]) => void | Promise<void>;

/** Options of a streamed read: no row cap (the caller keeps what it needs), never cached. */
export interface StreamOptions {
  timeoutMs?: number;
}

export interface StreamedResult {
  rows: number;
  elapsedMs: number;
}

/** Rows a read returns at the most when it does not name its own cap. */
export const MAX_ROWS = 100_000;

/** The first `maxRows` rows, and whether there were more. */
export function capRows<T>(rows: T[], maxRows = MAX_ROWS): { rows: T[]; truncated: boolean } {
  const truncated = rows.length > maxRows;
  return { rows: truncated ? rows.slice(0, maxRows) : rows, truncated };
}

/** Result columns from the engine's names and type ids, given the ids each kind has. */
export function describeColumns<T>(
  columns: { name: string; type: T }[],
  kinds: { number: Set<T>; date: Set<T>; boolean: T },
): EngineColumn[] {
  return columns.map(({ name, type }) => ({
    name,
    type: kinds.number.has(type)
      ? 'number'
      : kinds.date.has(type)
        ? 'date'
        : type === kinds.boolean
          ? 'boolean'
          : 'string',
  }));
}

/** One statement, with parameters, inside a transaction. */
export type RunStatement = (sql: string, params?: unknown[]) => Promise<void>;

/** A query that ran out of time; a user-facing error says so in their language. */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`query interrupted after ${timeoutMs} ms`);
  }
}

/** What ingest, materialisation, questions and analyses need of an analytics store. */
export interface AnalyticsEngine {
  /** The SQL dialect statements for this engine are compiled in. */
  readonly dialect: DialectName;
  /** How many writes the store has seen: a cache key part that changes whenever the data may have. */
  readonly writeCount: number;
  /** Runs one read query with parameters, a timeout and a row cap (served from the cache when asked). */
  query(sql: string, params?: unknown[], opts?: QueryOptions): Promise<EngineResult>;
  /**
   * Runs one read query and hands its rows to `onRows` chunk by chunk, keeping none (issue 21 §3: a read of
   * the whole flagged population, of which the caller keeps a few rows, never sits in memory at once).
   */
  stream(sql: string, params: unknown[], onRows: OnRows, opts?: StreamOptions): Promise<StreamedResult>;
  /**
   * Runs statements with parameters in one transaction (app-recorded rows such as the product's own
   * `communications`): values always travel as parameters; the result cache is cleared.
   */
  write(statements: { sql: string; params: unknown[] }[]): Promise<void>;
  /** Runs statements that change the store, one after another. */
  exec(statements: string | string[], opts?: WriteOptions): Promise<void>;
  /**
   * Runs `work` in one transaction: other readers see the state before it until it commits; an error
   * rolls everything back and is rethrown.
   */
  transaction<T>(work: (run: (sql: string) => Promise<void>) => Promise<T>, opts?: WriteOptions): Promise<T>;
  /**
   * Materialisation at start is done and questions follow: DuckDB lowers its memory limit to the serving
   * one and locks its configuration (`servingMemoryLimit`); nothing on PostgreSQL. Once per engine.
   */
  startServing(): Promise<void>;
  /** Names of the store's tables. */
  tables(): Promise<Set<string>>;
  /** Column names of one table, in order (empty when it does not exist). */
  columns(table: string): Promise<string[]>;
  /**
   * Runs `work` on an engine whose table builds land in a private place while reads of other tables
   * see this store (a draft's derived tables for a preview); the private tables are gone afterwards.
   */
  sandbox<T>(
    work: (sandbox: AnalyticsEngine) => Promise<T>,
    timeouts?: { read?: number; write?: number },
  ): Promise<T>;
  close(): Promise<void>;
}

/**
 * What both engines share: the read cache (cacheable queries are served again while the store is
 * unchanged; every write clears it, and a read that started before a write never fills it afterwards),
 * the catalog reads, and writes and transactions on top of each engine's `atomically`.
 */
export abstract class CachedReads {
  /** Results of cacheable queries; every write (exec, transaction) clears it. */
  readonly results = new ResultCache<EngineResult>();
  private writes = 0;

  get writeCount(): number {
    return this.writes;
  }

  /** Nothing to change once materialised (see DuckDbEngine). */
  async startServing(): Promise<void> {}

  /** Runs one read query, uncached. */
  protected abstract run(sql: string, params: unknown[], opts: QueryOptions): Promise<EngineResult>;

  /** Runs one read query and hands its rows to `onRows` chunk by chunk, each after the last returned. */
  protected abstract streamRows(
    sql: string,
    params: unknown[],
    onRows: OnRows,
    timeoutMs: number | undefined,
  ): Promise<void>;

  async stream(
    sql: string,
    params: unknown[],
    onRows: OnRows,
    opts: StreamOptions = {},
  ): Promise<StreamedResult> {
    const started = performance.now();
    let rows = 0;
    await this.streamRows(
      sql,
      params,
      (chunk) => {
        rows += chunk.length;
        return onRows(chunk);
      },
      opts.timeoutMs ?? this.timeouts.read,
    );
    return { rows, elapsedMs: performance.now() - started };
  }

  /** The SQL naming the schema this engine's tables live in (`'main'`, `current_schema()`). */
  protected abstract readonly tableSchema: string;

  /** Names of the tables in this engine's schema. */
  async tables(): Promise<Set<string>> {
    const r = await this.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = ${this.tableSchema}`,
    );
    return new Set(r.rows.map((x) => String(x.table_name)));
  }

  /** Column names of a table in this engine's schema, in order. */
  async columns(table: string): Promise<string[]> {
    const r = await this.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = ${this.tableSchema} AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return r.rows.map((x) => String(x.column_name));
  }

  async query(sql: string, params: unknown[] = [], opts: QueryOptions = {}): Promise<EngineResult> {
    if (!opts.cache) return this.run(sql, params, opts);
    const started = performance.now();
    const key = JSON.stringify([sql, params, opts.maxRows ?? null]);
    const hit = this.results.get(key);
    if (hit) {
      return {
        ...hit,
        rows: hit.rows.map((r) => ({ ...r })),
        cached: true,
        elapsedMs: performance.now() - started,
      };
    }
    const writes = this.writes;
    const result = await this.run(sql, params, opts);
    if (writes === this.writes)
      this.results.set(key, { ...result, rows: result.rows.map((r) => ({ ...r })) }, result.rows.length);
    return result;
  }

  /** Called by every write. */
  protected forgetResults(): void {
    this.writes++;
    this.results.clear();
  }

  /** Timeouts of the reads and writes that do not give their own. */
  protected abstract readonly timeouts: { read?: number; write?: number };

  /**
   * Runs `work` in one transaction under a deadline (a {@link QueryTimeoutError} when it passes); an
   * error rolls everything back and is rethrown.
   */
  protected abstract atomically<T>(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<T>,
  ): Promise<T>;

  /** Runs `work` under a deadline, statement after statement (DuckDB: outside a transaction). */
  protected abstract inOrder(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<void>,
  ): Promise<void>;

  /** Runs statements that change the store (materialisation), one after another. */
  async exec(statements: string | string[], opts: WriteOptions = {}): Promise<void> {
    this.forgetResults();
    await this.inOrder(opts.timeoutMs ?? this.timeouts.write, async (run) => {
      for (const s of Array.isArray(statements) ? statements : [statements]) await run(s);
    });
  }

  /**
   * Runs statements with parameters in one transaction (app-recorded rows such as the product's own
   * `communications`): values always travel as parameters; the result cache is cleared.
   */
  async write(statements: { sql: string; params: unknown[] }[]): Promise<void> {
    this.forgetResults();
    try {
      await this.atomically(this.timeouts.write, async (run) => {
        for (const s of statements) await run(s.sql, s.params);
      });
    } finally {
      this.forgetResults();
    }
  }

  /**
   * Runs `work` in one transaction: other readers see the state before it until it commits; an error
   * rolls everything back and is rethrown.
   */
  async transaction<T>(
    work: (run: (sql: string) => Promise<void>) => Promise<T>,
    opts: WriteOptions = {},
  ): Promise<T> {
    this.forgetResults();
    try {
      return await this.atomically(opts.timeoutMs ?? this.timeouts.write, (run) => work((sql) => run(sql)));
    } finally {
      this.forgetResults();
    }
  }
}
