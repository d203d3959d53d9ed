/**
 * The scored active population behind at-risk lists and action plans, kept per analytic store so a
 * second question on the same scope and filters scores nothing again. An entry belongs to one model
 * version, as-of date, store state (the engine's write count), row-level-security scope and filter
 * set; it is bounded by the customers it holds. Concurrent questions share one scoring.
 */
import type { AnalyticsEngine } from '../../data/analytics-engine.ts';
import { StoreMemo } from '../../data/store-memo.ts';

/** At most this many scored customers are kept across entries (a few full populations at 1M). */
const MAX_CUSTOMERS = 1_500_000;

const populations = new StoreMemo<{ size: number }>((p) => p.size, MAX_CUSTOMERS);

/** `compute()` once per key while the store is unchanged; a failure is not kept. */
export async function cachedPopulation<T extends { size: number }>(
  engine: AnalyticsEngine,
  key: string,
  compute: () => Promise<T>,
): Promise<{ value: T; cached: boolean }> {
  return (await populations.get(engine, key, compute)) as { value: T; cached: boolean };
}

/** Forgets the kept populations of a store (benchmarks measuring a first run). */
export function forgetPopulations(engine: AnalyticsEngine): void {
  populations.clear(engine);
}
