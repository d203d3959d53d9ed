import type { Catalog } from '../../../semantic-layer/src/catalog.ts';

/** True when the model has dates at all (telco has none). */
export function modelHasTime(catalog: Catalog): boolean {
  return (
    catalog.dimensions.some((d) => d.type === 'time') ||
    catalog.metrics.some((m) => m.timeDimensions.length > 0)
  );
}

/** True when a metric is measured over a period. */
export function isTimeBased(catalog: Catalog, metricId: string): boolean {
  const m = catalog.metrics.find((x) => x.id === metricId);
  return m !== undefined && (m.requiresPeriod || m.timeDimensions.length > 0);
}
