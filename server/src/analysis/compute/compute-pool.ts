/**
 * Off the event loop (issue 21 §1): CPU-heavy pure functions (model fitting, scoring arrays) run in worker
 * threads, so one user's whole-population analysis never stalls every other request. A small pool (one worker by
 * default: the analytics engine uses the other core; `CHATBI_COMPUTE_WORKERS` to change), started on first use,
 * jobs queued in order; workers are unref'd so they never keep the process alive. `CHATBI_COMPUTE_WORKERS=0` runs
 * the tasks inline (same results, on the event loop).
 */
import { Worker } from 'node:worker_threads';
import { COMPUTE_TASKS, type ComputeTask, type ComputeTasks } from './compute-tasks.ts';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}
interface Queued {
  id: number;
  task: ComputeTask;
  args: unknown[];
  transfer: ArrayBuffer[];
}

const BOOT = new URL('./compute-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./compute-worker.ts', import.meta.url).href;

class ComputePool {
  private readonly idle: Worker[] = [];
  private readonly queue: Queued[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly busy = new Map<Worker, number>();
  private started = 0;
  private nextId = 1;

  constructor(private readonly size: number) {}

  run(task: ComputeTask, args: unknown[], transfer: ArrayBuffer[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, task, args, transfer });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.started < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job.id);
      worker.ref();
      worker.postMessage({ id: job.id, task: job.task, args: job.args }, job.transfer);
    }
  }

  private spawn(): Worker {
    this.started++;
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    worker.unref();
    worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
      this.dispatch();
    });
    worker.on('error', (e) => this.lost(worker, e));
    worker.on('exit', (code) => this.lost(worker, new Error(`compute worker exited (${code})`)));
    return worker;
  }

  /** A worker died: its job fails, a fresh worker may start for the rest. */
  private lost(worker: Worker, e: Error): void {
    const id = this.busy.get(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    if (id === undefined && idleAt < 0) return;
    this.started--;
    this.busy.delete(worker);
    if (id !== undefined) {
      this.pending.get(id)?.reject(e);
      this.pending.delete(id);
    }
    this.dispatch();
  }
}

const configured = Number(process.env.CHATBI_COMPUTE_WORKERS ?? 1);
const pool = configured > 0 ? new ComputePool(Math.floor(configured)) : null;

/** The typed arrays' buffers among `args` (moved to the worker, not copied; the caller must not reuse them). */
function transferable(args: unknown[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteLength === v.buffer.byteLength)
      out.add(v.buffer);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  args.forEach(visit);
  return [...out];
}

/**
 * Runs `COMPUTE_TASKS[task](...args)` in a worker thread. Typed arrays in `args` are transferred: the caller
 * must not read them afterwards.
 */
export async function compute<T extends ComputeTask>(
  task: T,
  ...args: Parameters<ComputeTasks[T]>
): Promise<ReturnType<ComputeTasks[T]>> {
  if (!pool) return (COMPUTE_TASKS[task] as (...a: unknown[]) => ReturnType<ComputeTasks[T]>)(...args);
  return (await pool.run(task, args, transferable(args))) as ReturnType<ComputeTasks[T]>;
}
