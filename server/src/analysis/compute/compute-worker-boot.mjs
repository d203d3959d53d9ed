// Entry of a compute worker thread: worker threads do not inherit the tsx loader of the main thread, so the
// worker registers it before loading the TypeScript task table (compute-worker.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
