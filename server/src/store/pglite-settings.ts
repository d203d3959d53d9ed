/**
 * Startup settings of the embedded PGlite (issue 21 §3). Postgres' default `shared_buffers` (128MB) makes PGlite's
 * WebAssembly memory grow from 128 to ~190 MB (it never shrinks); `CHATBI_PGLITE_SHARED_BUFFERS=16MB` keeps it at
 * 128 MB. Opt-in: at 1M customers every run with 16MB or 64MB answered ~33 single questions/s against ~48–54 with
 * the default (evals/bench/RESULTS.md, perfmem2), a cost not explained yet.
 */
import { PGlite } from '@electric-sql/pglite';

const SIZE = /^\d+(kB|MB|GB)$/;

/** `shared_buffers` from the environment (a Postgres size such as `16MB`), or undefined: Postgres' default. */
export function pgliteSharedBuffers(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const raw = env.CHATBI_PGLITE_SHARED_BUFFERS?.trim();
  if (!raw) return undefined;
  if (!SIZE.test(raw))
    throw new Error(`CHATBI_PGLITE_SHARED_BUFFERS must be a size such as 16MB (kB, MB or GB), got ${raw}`);
  return raw;
}

/** PGlite's start parameters: its defaults plus `shared_buffers` when set, else undefined (PGlite's own). */
export function pgliteStartParams(sharedBuffers = pgliteSharedBuffers()): string[] | undefined {
  return sharedBuffers ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] : undefined;
}
