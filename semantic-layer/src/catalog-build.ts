import type { Catalog, CatalogDimension, CatalogMetric, MemberFormat } from './catalog.ts';
import { catalogCalendar } from './catalog-calendar.ts';
import { MAX_INDEXED_VALUES } from './catalog-values.ts';
import { dimensionExpression } from './compile/compile-group.ts';
import type { Dialect } from './dialect/dialect.ts';
import { findJoinPath, joinEdges } from './join-graph.ts';
import { type MetricDef, measureOf, metricDependencies, type SemanticModel } from './model.ts';

/** Distinct stored values of a dimension with their row counts, as indexed from the data. */
export type ValueIndex = Record<string, { value: string; count: number }[]>;

/** SQL listing the distinct values of a categorical dimension (most frequent first), or null if not indexed. */
export function valueIndexSql(model: SemanticModel, dimensionId: string, dialect: Dialect): string | null {
  const d = model.dimensions[dimensionId];
  if (!d?.index_values || !['categorical', 'boolean', 'numeric_band'].includes(d.type)) return null;
  const s = model.sources[d.source]!;
  const from = s.table ? dialect.quoteIdentifier(s.table) : `(${s.sql}) AS s`;
  const expr = dimensionExpression(d, d.sql, dialect);
  const where = [s.where, `${expr} IS NOT NULL`].filter(Boolean).join(' AND ');
  return `SELECT CAST(${expr} AS VARCHAR) AS value, COUNT(*) AS n FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_INDEXED_VALUES}`;
}

/**
 * What interpreters, prompts and the web catalog see of a model: members with labels, synonyms and
 * formats, which dimensions each metric can be split by, and the indexed values (with the labels
 * and synonyms the model gives them).
 */
export function buildCatalog(
  model: SemanticModel,
  asOf: string,
  index: ValueIndex = {},
  /** Only values seen in `index` (a restricted user's catalog: no declared value they cannot see). */
  onlyIndexed = false,
): Catalog {
  const edges = joinEdges(model);
  const metrics: CatalogMetric[] = Object.values(model.metrics).map((m) => {
    const sources = leafSources(model, m);
    const state = leafMeasures(model, m).some((x) => x.at);
    const timeDims = Object.values(model.dimensions)
      .filter((d) => d.type === 'time' && sources.includes(d.source))
      .map((d) => d.id);
    const dims = Object.values(model.dimensions)
      .filter((d) => d.type !== 'time')
      .filter((d) =>
        sources.every((src) =>
          [{ source: d.source }, ...d.alternates].some((c) => {
            const path = findJoinPath(model, src, c.source, edges);
            return path && (!path.fansOut || leafMeasures(model, m).every((x) => x.agg === 'count_distinct'));
          }),
        ),
      )
      .map((d) => d.id);
    return {
      kind: 'metric',
      id: m.id,
      type: m.type,
      label: m.label,
      synonyms: m.synonyms,
      description: m.description,
      owner: m.owner,
      certified: m.certified,
      format: m.format as MemberFormat,
      lowerIsBetter: m.lower_is_better,
      ...(m.per_customer ? { perCustomer: m.per_customer } : {}),
      requiresPeriod: state,
      timeDimensions: timeDims,
      dimensions: dims,
    };
  });
  const dimensions: CatalogDimension[] = Object.values(model.dimensions).map((d) => {
    const indexed = index[d.id] ?? [];
    const declared = onlyIndexed ? [] : Object.keys(d.values);
    const values = [...new Set([...indexed.map((v) => v.value), ...declared])].map((value) => {
      const meta = d.values[value];
      return {
        value,
        label: meta?.label ?? { zh: value, en: value },
        synonyms: meta?.synonyms ?? { zh: [], en: [] },
        count: indexed.find((v) => v.value === value)?.count ?? 0,
      };
    });
    return {
      kind: 'dimension',
      id: d.id,
      type: d.type,
      label: d.label,
      synonyms: d.synonyms,
      description: d.description,
      owner: d.owner,
      certified: d.certified,
      format: d.format as MemberFormat | undefined,
      values,
      grains: d.grains,
    };
  });
  return {
    model: model.id,
    label: model.label,
    version: model.version,
    asOf,
    defaultMetric: model.defaultMetric,
    metrics,
    dimensions,
    synonyms: model.synonyms,
    calendar: catalogCalendar(model, asOf),
  };
}

function leafMeasures(model: SemanticModel, m: MetricDef): NonNullable<ReturnType<typeof measureOf>>[] {
  if (m.type === 'simple') return [measureOf(model, m.measure)!];
  return metricDependencies(m).flatMap((id) => leafMeasures(model, model.metrics[id]!));
}

function leafSources(model: SemanticModel, m: MetricDef): string[] {
  if (m.type === 'cohort_retention') return [m.cohort_source];
  return [...new Set(leafMeasures(model, m).map((x) => x.source))];
}
