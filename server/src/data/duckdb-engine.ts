import { randomBytes } from 'node:crypto';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResult,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
} from '@duckdb/node-api';
import {
  type AnalyticsEngine,
  CachedReads,
  capRows,
  describeColumns,
  type EngineColumn,
  type EngineResult,
  MAX_ROWS,
  type OnRows,
  type QueryOptions,
  QueryTimeoutError,
  type RunStatement,
} from './analytics-engine.ts';

/**
 * The default analytics engine: one DuckDB instance and a pool of connections (a connection runs one query at a
 * time). Questions run on `query` with parameters, a timeout (DuckDB has no setting: we interrupt) and a
 * row cap; rows come back as JSON-safe values (BIGINT and DECIMAL as numbers, dates as ISO strings).
 */

export interface EngineOptions {
  path: string;
  /** Connections in the pool (default 4). */
  connections?: number;
  threads?: number;
  /**
   * DuckDB's memory limit (`memory_limit`, e.g. '512MB'): its buffer pool (cached table blocks, hash tables,
   * sorts) lives in this process's RSS and grows to the limit, 80% of the machine's RAM by default.
   */
  memoryLimit?: string;
  /**
   * Where a statement that needs more than `memoryLimit` spills (`temp_directory`; DuckDB creates it and
   * deletes its files at close). Keep it out of `lockdown.allowedDirectories`: a query must not read spill files.
   */
  tempDirectory?: string;
  /**
   * DuckDB's memory limit once `startServing()` is called (issue 21 §3): materialisation at start runs under
   * `memoryLimit` (a lower limit made it ~4× slower), questions under this one. With `lockdown`, the
   * configuration is then locked by `startServing()` rather than at open.
   */
  servingMemoryLimit?: string;
  /**
   * Lock the instance down for serving questions: no file access except the exact `allowedPaths`
   * (the analytic database files; DuckDB adds their write-ahead log) and `allowedDirectories`, no
   * extension install or load, configuration locked afterwards.
   */
  lockdown?: { allowedPaths?: string[]; allowedDirectories?: string[] };
  /** Timeout of every read query that does not give its own; none by default. */
  defaultTimeoutMs?: number;
  /** Open the file read-only (several processes may then read it at once). */
  readOnly?: boolean;
  /** Timeout of every write (exec, a whole transaction) that does not give its own; none by default. */
  writeTimeoutMs?: number;
}

/** DuckDB's type ids of each result column kind. */
const DUCKDB_KINDS = {
  number: new Set([
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
  ]),
  date: new Set([
    DuckDBTypeId.DATE,
    DuckDBTypeId.TIMESTAMP,
    DuckDBTypeId.TIMESTAMP_TZ,
    DuckDBTypeId.TIMESTAMP_S,
    DuckDBTypeId.TIMESTAMP_MS,
    DuckDBTypeId.TIMESTAMP_NS,
  ]),
  boolean: DuckDBTypeId.BOOLEAN,
};

export class DuckDbEngine extends CachedReads implements AnalyticsEngine {
  protected readonly tableSchema = "'main'";
  readonly dialect = 'duckdb' as const;
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private closed = false;

  private constructor(
    readonly instance: DuckDBInstance,
    private readonly all: DuckDBConnection[],
    protected readonly timeouts: { read?: number; write?: number } = {},
  ) {
    super();
    this.idle.push(...all);
  }

  /** Opens the DuckDB file and its connection pool. */
  static async open(opts: EngineOptions): Promise<DuckDbEngine> {
    const config: Record<string, string> = {};
    if (opts.threads) config.threads = String(opts.threads);
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.tempDirectory) config.temp_directory = opts.tempDirectory;
    if (opts.readOnly) config.access_mode = 'READ_ONLY';
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
      if (!opts.servingMemoryLimit) await conns[0]!.run('SET lock_configuration = true');
    }
    const engine = new DuckDbEngine(instance, conns, {
      read: opts.defaultTimeoutMs,
      write: opts.writeTimeoutMs,
    });
    if (opts.servingMemoryLimit)
      engine.serving = { memoryLimit: memorySize(opts.servingMemoryLimit), lock: Boolean(opts.lockdown) };
    return engine;
  }

  /** What `startServing()` still has to set (once). */
  private serving?: { memoryLimit: string; lock: boolean };

  /**
   * Materialisation at start is done: DuckDB's memory limit becomes the serving one (DuckDB evicts cached
   * blocks down to it) and, locked down, the configuration is locked. Later calls do nothing.
   */
  override async startServing(): Promise<void> {
    const serving = this.serving;
    if (!serving) return;
    this.serving = undefined;
    const conn = await this.acquire();
    try {
      await conn.run(`SET memory_limit = '${serving.memoryLimit}'`);
      if (serving.lock) await conn.run('SET lock_configuration = true');
    } finally {
      this.release(conn);
    }
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

  protected async run(sql: string, params: unknown[], opts: QueryOptions): Promise<EngineResult> {
    const conn = await this.acquire();
    const started = performance.now();
    try {
      const max = opts.maxRows ?? MAX_ROWS;
      return await this.withDeadline(conn, opts.timeoutMs ?? this.timeouts.read, async () => {
        const result = await conn.run(sql, params as never);
        const read: Record<string, unknown>[] = [];
        const columns = await readChunks(result, (rows) => {
          for (const r of rows) read.push(r);
          return read.length <= max;
        });
        const { rows, truncated } = capRows(read, max);
        return { columns, rows, truncated, elapsedMs: performance.now() - started };
      });
    } finally {
      this.release(conn);
    }
  }

  protected async streamRows(
    sql: string,
    params: unknown[],
    onRows: OnRows,
    timeoutMs: number | undefined,
  ): Promise<void> {
    const conn = await this.acquire();
    try {
      await this.withDeadline(conn, timeoutMs, async () => {
        // A streaming result: DuckDB produces each chunk when fetched, so neither side holds the whole result.
        const result = await conn.stream(sql, params as never);
        await readChunks(result, async (rows) => {
          await onRows(rows);
          return true;
        });
      });
    } finally {
      this.release(conn);
    }
  }

  /**
   * Runs `work` on `conn` under a deadline (DuckDB has no setting: we interrupt): when it passes, the
   * running statement is interrupted and no further statement starts; the caller sees a
   * {@link QueryTimeoutError}.
   */
  private async withDeadline<T>(
    conn: DuckDBConnection,
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<T>,
  ): Promise<T> {
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, timeoutMs)
      : undefined;
    try {
      return await work(async (sql, params) => {
        if (timedOut) throw new QueryTimeoutError(timeoutMs!);
        await conn.run(sql, params as never);
      });
    } catch (err) {
      if (timedOut) throw new QueryTimeoutError(timeoutMs!);
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  /** Statements one after another on one connection, outside a transaction (materialisation). */
  protected async inOrder(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<void>,
  ): Promise<void> {
    const conn = await this.acquire();
    try {
      await this.withDeadline(conn, timeoutMs, work);
    } finally {
      this.release(conn);
    }
  }

  /** One transaction on one connection: the pool's other connections read the state before it. */
  protected async atomically<T>(
    timeoutMs: number | undefined,
    work: (run: RunStatement) => Promise<T>,
  ): Promise<T> {
    const conn = await this.acquire();
    try {
      await conn.run('BEGIN TRANSACTION');
      try {
        const result = await this.withDeadline(conn, timeoutMs, work);
        await conn.run('COMMIT');
        return result;
      } catch (err) {
        await conn.run('ROLLBACK');
        throw err;
      }
    } finally {
      this.release(conn);
    }
  }

  /**
   * Runs `work` with a one-connection engine whose writes land in an in-memory database ATTACHed to
   * this instance under a unique name, first on its `search_path`: unqualified table builds land there
   * while reads of other tables fall through to the live database, which the pool's connections keep
   * seeing unchanged. Nothing is written to the live file; DETACH frees the memory.
   */
  async sandbox<T>(
    work: (sandbox: AnalyticsEngine) => Promise<T>,
    timeouts: { read?: number; write?: number } = {},
  ): Promise<T> {
    const connection = await this.instance.connect();
    const alias = `draft_preview_${randomBytes(6).toString('hex')}`;
    const catalog = String(
      (await connection.runAndReadAll('SELECT current_database() AS db')).getRowsJson()[0]![0],
    );
    let attached = false;
    try {
      await connection.run(`ATTACH ':memory:' AS ${alias}`);
      attached = true;
      await connection.run(`SET search_path = '${alias}.main,${catalog.replaceAll("'", "''")}.main'`);
      return await work(new DuckDbEngine(this.instance, [connection], timeouts));
    } finally {
      try {
        await connection.run('RESET search_path');
        if (attached) await connection.run(`DETACH ${alias}`);
      } finally {
        connection.closeSync();
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.all) c.closeSync();
    this.instance.closeSync();
  }
}

/** A DuckDB memory size such as `512MB` or `1.5GiB` (it is written into a SET statement). */
function memorySize(text: string): string {
  if (!/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(text.trim())) throw new Error(`invalid DuckDB memory size: ${text}`);
  return text.trim();
}

/**
 * Reads a result chunk by chunk (2,048 rows each) while `take` returns true: every fetch awaits, so a large
 * result never holds the event loop for more than one chunk's conversion (issue 21: one user's
 * whole-population read stalled every request). Returns the result's columns.
 */
async function readChunks(
  result: DuckDBResult,
  take: (rows: Record<string, unknown>[]) => boolean | Promise<boolean>,
): Promise<EngineColumn[]> {
  const names = result.columnNames();
  const columns = describeColumns(
    names.map((name, i) => ({ name, type: result.columnTypeId(i) })),
    DUCKDB_KINDS,
  );
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk?.rowCount) break;
    // Column by column: one array per column and chunk rather than one per row (less garbage to collect).
    const values = chunk.convertColumns(JsonDuckDBValueConverter);
    const rows: Record<string, unknown>[] = [];
    for (let r = 0; r < chunk.rowCount; r++) {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const v = values[i]![r] ?? null;
        o[names[i]!] = v !== null && columns[i]!.type === 'number' ? Number(v) : v;
      }
      rows.push(o);
    }
    if (!(await take(rows))) break;
  }
  return columns;
}
