/**
 * Embedded PGlite paced on the event loop (issue 21 §1). Inline PGlite runs each statement synchronously in
 * WebAssembly and resolves it without the event loop turning, so the statements of many requests (50 askers'
 * session checks, conversation reads and appended turns) ran back to back in one turn and held every other
 * request (`/api/health`) for up to a second. Here statements run one after another in arrival order, as PGlite
 * runs them, and before each the event loop gets a turn once the work chained since its last turn passes
 * `yieldIfHeld`'s budget. Results and errors are PGlite's own.
 */
import type { PGlite } from '@electric-sql/pglite';
import { yieldIfHeld } from '../loop/yield-turn.ts';

const PACED = new Set<PropertyKey>(['query', 'exec', 'transaction']);

/** `client` with its statements (`query`, `exec`, `transaction`) paced; everything else unchanged. */
export function pacedPglite(client: PGlite): PGlite {
  let tail: Promise<unknown> = Promise.resolve();
  const paced = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(async () => {
      await yieldIfHeld();
      return work();
    });
    tail = run.catch(() => {});
    return run;
  };
  return new Proxy(client, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      if (!PACED.has(key)) return value.bind(target);
      return (...args: unknown[]) => paced(() => value.apply(target, args));
    },
  });
}
