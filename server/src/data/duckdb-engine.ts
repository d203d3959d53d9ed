import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId } from '@duckdb/node-api';
import { ResultCache } from './result-cache.ts';

/**
 * The analytic engine: one DuckDB instance and a pool of connections (a connection runs one query at a
 * time). Questions run on `query` with parameters, a timeout (DuckDB has no setting: we interrupt) and a
 * row cap; rows come back as JSON-safe values (BIGINT and DECIMAL as numbers, dates as ISO strings).
 */

export interface EngineOptions {
  path: string;
  /** Connections in the pool (default 4). */
  connections?: number;
  threads?: number;
  memoryLimit?: string;
  /**
   * Lock the instance down for serving questions: no file access except the exact `allowedPaths`
   * (the analytic database files; DuckDB adds their write-ahead log) and `allowedDirectories`, no
   * extension install or load, configuration locked afterwards.
   */
  lockdown?: { allowedPaths?: string[]; allowedDirectories?: string[] };
  /** Timeout of every read query that does not give its own; none by default. */
  defaultTimeoutMs?: number;
  /** Timeout of every write (exec, a whole transaction) that does not give its own; none by default. */
  writeTimeoutMs?: number;
}

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

/** A query that ran out of time; a user-facing error says so in their language. */
export class QueryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`query interrupted after ${timeoutMs} ms`);
  }
}

const NUMERIC = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
]);
const DATES = new Set([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
]);

export class AnalyticsEngine {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private closed = false;
  /** Results of cacheable queries; every write (exec, transaction) clears it. */
  readonly results = new ResultCache<EngineResult>();
  /** Bumped by every write, so a read that started before it never fills the cache afterwards. */
  private writes = 0;

  /** How many writes the store has seen: a cache key part that changes whenever the data may have. */
  get writeCount(): number {
    return this.writes;
  }

  private constructor(
    readonly instance: DuckDBInstance,
    private readonly all: DuckDBConnection[],
    readonly timeouts: { read?: number; write?: number } = {},
  ) {
    this.idle.push(...all);
  }

  /** Opens the DuckDB file and its connection pool. */
  static async open(opts: EngineOptions): Promise<AnalyticsEngine> {
    const config: Record<string, string> = {};
    if (opts.threads) config.threads = String(opts.threads);
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.lockdown) {
      config.autoinstall_known_extensions = 'false';
      config.autoload_known_extensions = 'false';
    }
    const instance = await DuckDBInstance.create(opts.path, config);
    const conns: DuckDBConnection[] = [];
    for (let i = 0; i < (opts.connections ?? 4); i++) conns.push(await instance.connect());
    if (opts.lockdown) {
      // allowed_directories cannot be passed at creation; it must be set before external access is off.
      const list = (paths: string[] = []) => paths.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
      await conns[0]!.run(`SET allowed_paths = [${list(opts.lockdown.allowedPaths)}]`);
      await conns[0]!.run(`SET allowed_directories = [${list(opts.lockdown.allowedDirectories)}]`);
      await conns[0]!.run('SET enable_external_access = false');
      await conns[0]!.run('SET lock_configuration = true');
    }
    return new AnalyticsEngine(instance, conns, {
      read: opts.defaultTimeoutMs,
      write: opts.writeTimeoutMs,
    });
  }

  private async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('engine closed');
    const c = this.idle.pop();
    if (c) return c;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(c: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  /** Runs one read query with parameters, a timeout and a row cap (served from the cache when asked). */
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

  private async run(sql: string, params: unknown[], opts: QueryOptions): Promise<EngineResult> {
    const conn = await this.acquire();
    const started = performance.now();
    const timeoutMs = opts.timeoutMs ?? this.timeouts.read;
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, timeoutMs)
      : undefined;
    try {
      const max = opts.maxRows ?? 100_000;
      const reader = await conn.runAndReadUntil(sql, max + 1, params as never);
      const names = reader.columnNames();
      const ids = names.map((_, i) => reader.columnTypeId(i));
      const columns: EngineColumn[] = names.map((name, i) => ({
        name,
        type: NUMERIC.has(ids[i]!)
          ? 'number'
          : DATES.has(ids[i]!)
            ? 'date'
            : ids[i] === DuckDBTypeId.BOOLEAN
              ? 'boolean'
              : 'string',
      }));
      const raw = reader.getRowsJson();
      const truncated = raw.length > max;
      const rows = (truncated ? raw.slice(0, max) : raw).map((r) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) {
          const v = r[i];
          o[names[i]!] = v !== null && columns[i]!.type === 'number' ? Number(v) : v;
        }
        return o;
      });
      return { columns, rows, truncated, elapsedMs: performance.now() - started };
    } catch (err) {
      if (timedOut) throw new QueryTimeoutError(timeoutMs!);
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
      this.release(conn);
    }
  }

  /**
   * Runs `work` on `conn` under a deadline: when it passes, the running statement is interrupted and
   * no further statement starts; the caller sees a {@link QueryTimeoutError}.
   */
  private async withDeadline<T>(
    conn: DuckDBConnection,
    timeoutMs: number | undefined,
    work: (run: (sql: string) => Promise<void>) => Promise<T>,
  ): Promise<T> {
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, timeoutMs)
      : undefined;
    try {
      return await work(async (sql) => {
        if (timedOut) throw new QueryTimeoutError(timeoutMs!);
        await conn.run(sql);
      });
    } catch (err) {
      if (timedOut) throw new QueryTimeoutError(timeoutMs!);
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Runs statements that change the analytic store (materialisation), one after another. */
  async exec(statements: string | string[], opts: WriteOptions = {}): Promise<void> {
    this.forgetResults();
    const conn = await this.acquire();
    try {
      await this.withDeadline(conn, opts.timeoutMs ?? this.timeouts.write, async (run) => {
        for (const s of Array.isArray(statements) ? statements : [statements]) await run(s);
      });
    } finally {
      this.release(conn);
    }
  }

  /**
   * Runs statements with parameters in one transaction (app-recorded rows such as the product's own
   * `communications`): values always travel as parameters; the result cache is cleared.
   */
  async write(statements: { sql: string; params: unknown[] }[]): Promise<void> {
    const conn = await this.acquire();
    try {
      this.forgetResults();
      await conn.run('BEGIN TRANSACTION');
      try {
        for (const s of statements) await conn.run(s.sql, s.params as never);
        await conn.run('COMMIT');
      } catch (err) {
        await conn.run('ROLLBACK');
        throw err;
      }
      this.forgetResults();
    } finally {
      this.release(conn);
    }
  }

  /**
   * Runs `work` in one transaction on one connection: other connections keep reading the state
   * before it until it commits; an error rolls everything back and is rethrown.
   */
  async transaction<T>(
    work: (run: (sql: string) => Promise<void>) => Promise<T>,
    opts: WriteOptions = {},
  ): Promise<T> {
    const conn = await this.acquire();
    try {
      this.forgetResults();
      await conn.run('BEGIN TRANSACTION');
      try {
        const result = await this.withDeadline(conn, opts.timeoutMs ?? this.timeouts.write, work);
        await conn.run('COMMIT');
        this.forgetResults();
        return result;
      } catch (err) {
        await conn.run('ROLLBACK');
        throw err;
      }
    } finally {
      this.release(conn);
    }
  }

  private forgetResults(): void {
    this.writes++;
    this.results.clear();
  }

  /** Names of the tables in the main schema. */
  async tables(): Promise<Set<string>> {
    const r = await this.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
    );
    return new Set(r.rows.map((x) => String(x.table_name)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.all) c.closeSync();
    this.instance.closeSync();
  }
}
