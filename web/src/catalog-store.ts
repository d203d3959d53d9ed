import { api, query } from './api/client.ts';
import type { CatalogDimension, CatalogMetric, CatalogResponse } from './api/types.ts';
import { pick } from './i18n/i18n.ts';

const cache = new Map<string, Promise<CatalogResponse>>();

/** The model's catalog (GET /api/catalog), fetched once per model; labels are bilingual. */
export function loadCatalog(model = ''): Promise<CatalogResponse> {
  let found = cache.get(model);
  if (!found) {
    found = api<CatalogResponse>('GET', `/api/catalog${query({ model })}`);
    found.catch(() => cache.delete(model));
    cache.set(model, found);
  }
  return found;
}

/** Forgets cached catalogs (after a definition is published, or on sign-out). */
export function clearCatalogCache(): void {
  cache.clear();
}

/** Looks members up by id and gives their labels in the current language. */
export class CatalogIndex {
  private readonly metrics: Map<string, CatalogMetric>;
  private readonly dimensions: Map<string, CatalogDimension>;

  constructor(readonly catalog: CatalogResponse) {
    this.metrics = new Map(catalog.metrics.map((m) => [m.id, m]));
    this.dimensions = new Map(catalog.dimensions.map((d) => [d.id, d]));
  }

  metric(id: string): CatalogMetric | undefined {
    return this.metrics.get(id);
  }

  dimension(id: string): CatalogDimension | undefined {
    return this.dimensions.get(id);
  }

  /** A member's label, or its id when unknown (`metric_time` reads as "time"). */
  label(id: string): string {
    const member = this.metrics.get(id) ?? this.dimensions.get(id);
    return member ? pick(member.label) : id;
  }

  /** A dimension value's label (华南, 高价值…), or the value itself. */
  valueLabel(dimensionId: string, value: unknown): string {
    const found = this.dimensions.get(dimensionId)?.values.find((v) => v.value === String(value));
    return found ? pick(found.label) : String(value);
  }

  /** Dimensions that can group `metricIds` (every metric allows them), time dimensions excluded. */
  groupable(metricIds: string[]): CatalogDimension[] {
    const allowed = metricIds
      .map((id) => this.metrics.get(id)?.dimensions)
      .filter((list): list is string[] => Array.isArray(list));
    return this.catalog.dimensions.filter(
      (d) => d.type !== 'time' && allowed.every((list) => list.length === 0 || list.includes(d.id)),
    );
  }
}
