/**
 * Drill-down: a clicked bar, point or row becomes the natural next question — filter to that member and
 * break down by the next dimension of the model's drill path (region → city), or, for a point of a trend,
 * that period broken down by the head of the first drill path. Pure: the query in, the next query out.
 */
import type { SemanticQuery } from './api/types.ts';
import type { CatalogIndex } from './catalog-store.ts';
import { t } from './i18n/i18n.ts';
import { addMonth, monthLabel } from './period-label.ts';

export interface DrillStep {
  query: SemanticQuery;
  /** The turn label: "流失率 · 华南 · 按城市". */
  label: string;
}

const GRAIN_MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/** The stored value of a dimension cell: tables and charts show labels (华南 / South China), filters need codes. */
export function storedValue(catalog: CatalogIndex, dimension: string, shown: unknown): string | null {
  if (shown === null || shown === undefined || shown === '') return null;
  const text = String(shown);
  const values = catalog.dimension(dimension)?.values ?? [];
  const found = values.find((v) => v.value === text || v.label.zh === text || v.label.en === text);
  return found ? found.value : values.length === 0 ? text : null;
}

/** The dimension after `dimension` on a drill path of the model, or null at the end of every path. */
export function nextDimension(catalog: CatalogIndex, dimension: string, used: string[]): string | null {
  for (const path of catalog.catalog.drillPaths ?? []) {
    const at = path.indexOf(dimension);
    if (at < 0) continue;
    const next = path.slice(at + 1).find((d) => !used.includes(d));
    if (next) return next;
  }
  return null;
}

/** Whether clicks on this answer can drill: a grouping with a next dimension, or a trend. */
export function canDrill(query: SemanticQuery, catalog: CatalogIndex): boolean {
  const dimension = query.dimensions[0];
  if (dimension) return nextDimension(catalog, dimension, query.dimensions) !== null;
  return Boolean(query.time && (catalog.catalog.drillPaths ?? [])[0]?.[0]);
}

/** The next question for a clicked datum (a row of the answer's table), or null when there is none. */
export function drillStep(
  query: SemanticQuery,
  catalog: CatalogIndex,
  datum: Record<string, unknown>,
): DrillStep | null {
  const metric = catalog.label(query.metrics[0] ?? '');
  const dimension = query.dimensions[0];
  if (dimension) {
    const value = storedValue(catalog, dimension, datum[dimension]);
    if (value === null) return null;
    const filtered = query.filters.filter((f) => f.member !== dimension).map((f) => f.member);
    const next = nextDimension(catalog, dimension, [...query.dimensions, ...filtered]);
    if (!next) return null;
    return {
      query: {
        ...query,
        dimensions: [next, ...query.dimensions.slice(1)],
        filters: [
          ...query.filters.filter((f) => f.member !== dimension),
          { member: dimension, op: 'eq', values: [value] },
        ],
        order: [],
        limit: undefined,
      },
      label: t('drill.question', {
        metric,
        member: catalog.valueLabel(dimension, value),
        next: catalog.label(next),
      }),
    };
  }
  if (query.time && typeof datum.period === 'string') {
    const months = GRAIN_MONTHS[query.time.grain];
    const head = (catalog.catalog.drillPaths ?? [])[0]?.[0];
    if (!months || !head) return null;
    const start = datum.period.slice(0, 10);
    return {
      query: {
        ...query,
        time: undefined,
        compare: undefined,
        dimensions: [head],
        timeRange: { start, end: addMonth(start, months) },
        order: [],
        limit: undefined,
      },
      label: t('drill.question', {
        metric,
        member: monthLabel(start) ?? start,
        next: catalog.label(head),
      }),
    };
  }
  return null;
}
