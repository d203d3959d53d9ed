/**
 * Values computed from an analytic store (analysis results, scored populations), kept per store while
 * its data is unchanged: an entry's key names everything else the value depends on, and the first
 * lookup after a write to the store (ingest, materialisation, app-recorded rows) starts from an empty
 * memo. Bounded by the size each value declares (least recently used out first; a value over
 * `maxSizePerValue` is not kept). Concurrent callers of one key share one computation; a failure is not kept.
 */
import type { AnalyticsEngine } from './analytics-engine.ts';
import { ResultCache } from './result-cache.ts';

export class StoreMemo<T> {
  private readonly stores = new WeakMap<
    AnalyticsEngine,
    { writes: number; values: ResultCache<Promise<T>> }
  >();

  constructor(
    private readonly sizeOf: (value: T) => number,
    private readonly maxSize: number,
    private readonly maxSizePerValue = maxSize,
  ) {}

  /** `compute()` once per key while `engine`'s data is unchanged; `cached` says whether it was kept. */
  async get(
    engine: AnalyticsEngine,
    key: string,
    compute: () => Promise<T>,
  ): Promise<{ value: T; cached: boolean }> {
    let store = this.stores.get(engine);
    if (!store || store.writes !== engine.writeCount) {
      store = { writes: engine.writeCount, values: new ResultCache(this.maxSize, this.maxSize) };
      this.stores.set(engine, store);
    }
    const { values, writes } = store;
    const existing = values.get(key);
    if (existing) return { value: await existing, cached: true };
    const pending = compute();
    values.set(key, pending, 0);
    try {
      const value = await pending;
      const size = this.sizeOf(value);
      // A write while computing: the value may describe the old data (the next lookup empties the memo anyway).
      if (size > this.maxSizePerValue || engine.writeCount !== writes) values.delete(key);
      else values.set(key, pending, size);
      return { value, cached: false };
    } catch (err) {
      values.delete(key);
      throw err;
    }
  }

  /** How many values are kept for `engine` (0 after a write). */
  size(engine: AnalyticsEngine): number {
    const store = this.stores.get(engine);
    return store && store.writes === engine.writeCount ? store.values.size : 0;
  }

  /** Forgets every value of `engine`. */
  clear(engine: AnalyticsEngine): void {
    this.stores.delete(engine);
  }
}
