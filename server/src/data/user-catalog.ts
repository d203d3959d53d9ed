/**
 * The catalog as one user may see it: an unrestricted user gets the model's catalog; a restricted user's
 * dimension values and counts are recomputed under their row-level security (semantic-layer
 * catalog-values.ts), declared values they cannot see are left out, and a user the access rules deny sees no
 * values at all. Cached per model runtime and attribute set.
 */
import { accessFor } from '../../../semantic-layer/src/access-policy.ts';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { buildCatalog, type ValueIndex } from '../../../semantic-layer/src/catalog-build.ts';
import { compileValueCounts } from '../../../semantic-layer/src/catalog-values.ts';
import type { ModelRuntime } from './model-runtime.ts';

const cache = new WeakMap<ModelRuntime, Map<string, Promise<Catalog>>>();

/** The catalog for a user with these row-level attributes. */
export function catalogFor(
  runtime: ModelRuntime,
  attributes: Record<string, string[]> | undefined,
): Promise<Catalog> {
  const access = accessFor(runtime.model, attributes);
  if (access.kind === 'unrestricted') return Promise.resolve(runtime.catalog);
  const key = JSON.stringify(Object.entries(attributes ?? {}).sort());
  const byUser = cache.get(runtime) ?? new Map<string, Promise<Catalog>>();
  cache.set(runtime, byUser);
  let catalog = byUser.get(key);
  if (!catalog) {
    catalog = restrictedCatalog(runtime, access.kind === 'denied' ? null : attributes!);
    catalog.catch(() => byUser.delete(key));
    byUser.set(key, catalog);
  }
  return catalog;
}

async function restrictedCatalog(runtime: ModelRuntime, attributes: Record<string, string[]> | null) {
  const index: ValueIndex = {};
  const tables = await runtime.engine.tables();
  for (const id of attributes ? Object.keys(runtime.model.dimensions) : []) {
    const table = runtime.model.sources[runtime.model.dimensions[id]!.source]?.table;
    if (table && !tables.has(table)) continue;
    const counts = compileValueCounts(runtime.model, id, {
      dialect: runtime.engine.dialect,
      attributes: attributes ?? undefined,
    });
    if (!counts?.result.ok) continue; // not indexed, or the access rules cannot reach it: no values
    const { sql, params } = counts.result.compiled;
    const r = await runtime.engine.query(sql, params, { cache: true });
    index[id] = r.rows.map((row) => ({ value: String(row[id]), count: Number(row[counts.metric]) }));
  }
  return buildCatalog(runtime.model, runtime.asOf, index, true);
}
