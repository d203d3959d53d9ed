/**
 * The scored active population behind at-risk lists and action plans, kept per analytic store so a
 * second question on the same scope and filters scores nothing again. An entry belongs to one model
 * version, as-of date, store state (the engine's write count), row-level-security scope and filter
 * set; it is bounded by the customers it holds. Concurrent questions share one scoring.
 */
import type { AnalyticsEngine } from '../../data/analytics-engine.ts';
import { ResultCache } from '../../data/result-cache.ts';

/** At most this many scored customers are kept across entries (a few full populations at 1M). */
const MAX_CUSTOMERS = 1_500_000;

const caches = new WeakMap<AnalyticsEngine, ResultCache<Promise<unknown>>>();

/** `compute()` once per key while the store is unchanged; a failure is not kept. */
export async function cachedPopulation<T extends { size: number }>(
  engine: AnalyticsEngine,
  key: string,
  compute: () => Promise<T>,
): Promise<{ value: T; cached: boolean }> {
  let cache = caches.get(engine);
  if (!cache) {
    cache = new ResultCache(MAX_CUSTOMERS, MAX_CUSTOMERS);
    caches.set(engine, cache);
  }
  const fullKey = `${engine.writeCount}|${key}`;
  const existing = cache.get(fullKey) as Promise<T> | undefined;
  if (existing) return { value: await existing, cached: true };
  const pending = compute();
  cache.set(fullKey, pending, 0);
  try {
    const value = await pending;
    cache.set(fullKey, pending, value.size);
    return { value, cached: false };
  } catch (err) {
    cache.delete(fullKey);
    throw err;
  }
}
