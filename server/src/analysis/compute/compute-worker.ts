/** A compute worker thread: runs the task named in each message (compute-tasks.ts) and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { COMPUTE_TASKS, type ComputeTask } from './compute-tasks.ts';

interface Job {
  id: number;
  task: ComputeTask;
  args: unknown[];
}

parentPort?.on('message', ({ id, task, args }: Job) => {
  try {
    const fn = COMPUTE_TASKS[task] as (...a: unknown[]) => unknown;
    parentPort?.postMessage({ id, ok: true, value: fn(...args) });
  } catch (e) {
    parentPort?.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
