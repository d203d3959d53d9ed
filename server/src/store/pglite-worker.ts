/**
 * Embedded PGlite in a worker thread (issue 21 §1): the statements of every conversation write and history read
 * run there (pglite-thread.mjs) instead of on the server's event loop, which only receives the rows.
 * `PgliteThread` offers what drizzle's PGlite driver calls — `query` (with the text-keeping parsers drizzle
 * passes), `exec`, `transaction` and `close` — so the repositories run on it unchanged. A transaction keeps
 * PGlite's own lock in the worker until its callback here settles: other statements wait for it, as inline.
 */

import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { pgliteStartParams } from './pglite-settings.ts';

const THREAD = new URL('./pglite-thread.mjs', import.meta.url);
/** A value a parser that keeps the database's text unchanged returns as it is. */
const PROBE = '2024-01-02 03:04:05.678+00';

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  value?: unknown;
  error?: Record<string, unknown> & { message: string };
}
type Request =
  | {
      op: 'query';
      sql: string;
      params: unknown[];
      rowMode?: 'array' | 'object';
      textTypes: number[];
      txId?: number;
    }
  | { op: 'exec'; sql: string; txId?: number }
  | { op: 'begin' }
  | { op: 'end'; txId: number; commit: boolean }
  | { op: 'close' };

/** A driver error as the worker described it, with Postgres' fields (`code` '23505', …) on it. */
function driverError(plain: Reply['error']): Error {
  const error = new Error(plain?.message ?? 'PGlite worker failed');
  return Object.assign(error, plain);
}

/** The type ids of `options.parsers`, each of which must keep the text as it is (all drizzle passes). */
function textTypes(options: QueryOptions | undefined): number[] {
  const parsers = options?.parsers ?? {};
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse(PROBE, Number(oid)) !== PROBE)
      throw new Error(`the PGlite worker only takes parsers that keep the text (type ${oid})`);
    return Number(oid);
  });
}

export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  readonly waitReady: Promise<void>;

  /**
   * Starts the worker on `dataDir` (a folder, or `memory://`), optionally loading a dump of a data folder
   * (`PGlite.dumpDataDir`, as tests do); `waitReady` resolves once PGlite is open.
   */
  constructor(dataDir: string, loadDataDir?: Uint8Array) {
    this.worker = new Worker(THREAD, {
      workerData: { dataDir, loadDataDir, startParams: pgliteStartParams() },
    });
    this.worker.unref();
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.worker.on('message', (m: Reply) => {
        if (m.ready) return resolve();
        const waiter = this.pending.get(m.id!);
        if (!waiter) return;
        this.pending.delete(m.id!);
        if (this.pending.size === 0) this.worker.unref();
        if (m.ok) waiter.resolve(m.value);
        else waiter.reject(driverError(m.error));
      });
      const fail = (e: Error) => {
        this.failure ??= e;
        reject(e);
        for (const waiter of this.pending.values()) waiter.reject(e);
        this.pending.clear();
      };
      this.worker.on('error', fail);
      this.worker.on('exit', (code) => fail(new Error(`the PGlite worker exited (${code})`)));
    });
    this.waitReady.catch(() => {});
  }

  /** Opens a PGlite worker and waits until the database is ready. */
  static async open(dataDir: string, loadDataDir?: Uint8Array): Promise<PgliteThread> {
    const thread = new PgliteThread(dataDir, loadDataDir);
    try {
      await thread.waitReady;
    } catch (e) {
      await thread.worker.terminate();
      throw e;
    }
    return thread;
  }

  /** Posts `request`; its id (a transaction's id for `begin`) and its answer. */
  private send<T>(request: Request): { id: number; answer: Promise<T> } {
    const id = this.nextId++;
    if (this.failure) return { id, answer: Promise.reject(this.failure) };
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ ...request, id });
    });
    return { id, answer };
  }

  private call<T>(request: Request): Promise<T> {
    return this.send<T>(request).answer;
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions, txId?: number): Promise<Results<T>> {
    return this.call({
      op: 'query',
      sql,
      params,
      rowMode: options?.rowMode,
      textTypes: textTypes(options),
      txId,
    });
  }

  exec(sql: string, _options?: QueryOptions, txId?: number): Promise<Results[]> {
    return this.call({ op: 'exec', sql, txId });
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const { id: txId, answer: begun } = this.send({ op: 'begin' });
    await begun;
    let closed = false;
    const finish = async (commit: boolean) => {
      if (closed) return;
      closed = true;
      await this.call({ op: 'end', txId, commit });
    };
    const tx = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
        this.query<R>(sql, params, options, txId),
      exec: (sql: string, options?: QueryOptions) => this.exec(sql, options, txId),
      rollback: () => finish(false),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (e) {
      await finish(false).catch(() => {});
      throw e;
    }
    await finish(true);
    return result;
  }

  /** Closes the database, then stops the worker. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        if (!this.failure) await this.call({ op: 'close' });
      } finally {
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }

  /** This thread typed as the client drizzle's PGlite driver takes (it calls only the methods above). */
  asClient(): PGlite {
    return this as unknown as PGlite;
  }
}
