/**
 * The catalog's value counts under row-level security (Metabase sandboxing: field values are filtered
 * too). The distinct values of a dimension with their row counts are compiled like any question, through
 * `compile`, so the user's access rules are injected in the one place; a dimension the rules cannot reach
 * has no values for a restricted user.
 */
import { type CompileResult, compile } from './index.ts';
import type { MetricDef, SemanticModel } from './model.ts';
import type { QueryContext } from './resolve-query.ts';

const INDEXED_TYPES = new Set(['categorical', 'boolean', 'numeric_band']);
/** At most this many values per dimension, most frequent first. */
export const MAX_INDEXED_VALUES = 500;

/**
 * The query listing `dimensionId`'s values and row counts for this user, or null for a dimension that is
 * not indexed. Its rows are `{ [dimensionId]: value, [metric]: count }`.
 * @example compileValueCounts(model, 'city', { dialect: 'duckdb', attributes: { region: ['华南'] } })
 */
export function compileValueCounts(
  model: SemanticModel,
  dimensionId: string,
  opts: { dialect: 'duckdb' | 'postgres' } & QueryContext,
): { result: CompileResult; metric: string } | null {
  const d = model.dimensions[dimensionId];
  const source = d && model.sources[d.source];
  if (!d?.index_values || !INDEXED_TYPES.has(d.type) || !source) return null;
  let metric = 'catalog_value_rows';
  while (model.metrics[metric] || model.measureSources[metric]) metric += '_x';
  const counting: MetricDef = {
    id: metric,
    type: 'simple',
    measure: metric,
    label: { zh: '行数', en: 'rows' },
    synonyms: { zh: [], en: [] },
    description: { zh: '目录取值计数', en: 'catalog value count' },
    owner: 'catalog',
    certified: false,
    format: 'count',
    lower_is_better: false,
  };
  const withCount: SemanticModel = {
    ...model,
    sources: {
      ...model.sources,
      [source.id]: {
        ...source,
        measures: {
          ...source.measures,
          [metric]: { agg: 'count', sql: source.primary_key[0]!, ending_in_period: false },
        },
      },
    },
    metrics: { ...model.metrics, [metric]: counting },
    measureSources: { ...model.measureSources, [metric]: source.id },
  };
  const query = {
    model: model.id,
    metrics: [metric],
    dimensions: [dimensionId],
    filters: [{ member: dimensionId, op: 'not_null' as const }],
    order: [{ member: metric, dir: 'desc' as const }],
    limit: MAX_INDEXED_VALUES,
  };
  const result = compile(withCount, query, { ...opts, policy: opts.policy ?? withCount });
  return { result, metric };
}
