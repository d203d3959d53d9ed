/**
 * Startup settings of the embedded PGlite (issue 21 §3). Postgres' default `shared_buffers` (128MB) makes PGlite's
 * WebAssembly memory grow from 128 to ~190 MB and keeps those pages resident, while app state (users, sessions,
 * conversations) is small and its pages stay in the OS file cache anyway: 16MB by default,
 * `CHATBI_PGLITE_SHARED_BUFFERS` to change it. WebAssembly memory never shrinks, so this bounds it for good.
 */
import { PGlite } from '@electric-sql/pglite';

export const DEFAULT_PGLITE_SHARED_BUFFERS = '16MB';
const SIZE = /^\d+(kB|MB|GB)$/;

/** `shared_buffers` from the environment (a Postgres size such as `16MB`), else the default. */
export function pgliteSharedBuffers(env: Record<string, string | undefined> = process.env): string {
  const raw = env.CHATBI_PGLITE_SHARED_BUFFERS?.trim();
  if (!raw) return DEFAULT_PGLITE_SHARED_BUFFERS;
  if (!SIZE.test(raw))
    throw new Error(`CHATBI_PGLITE_SHARED_BUFFERS must be a size such as 16MB (kB, MB or GB), got ${raw}`);
  return raw;
}

/** PGlite's start parameters: its defaults plus `shared_buffers`. */
export function pgliteStartParams(sharedBuffers = pgliteSharedBuffers()): string[] {
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`];
}
