import { fileURLToPath } from 'node:url';
import type { Catalog } from '../../../semantic-layer/src/catalog.ts';
import { buildCatalog } from '../../../semantic-layer/src/catalog-build.ts';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';

/** The catalog of a model as shipped (semantic-layer/models/<id>), with its declared values, as of 2026-10-01. */
export function modelCatalog(id: 'retail' | 'telco'): Catalog {
  const dir = fileURLToPath(new URL(`../../../semantic-layer/models/${id}`, import.meta.url));
  const loaded = loadModelFromDir(dir);
  if (!loaded.ok) throw new Error(`model ${id} does not load`);
  return buildCatalog(loaded.model, '2026-10-01');
}

/**
 * The catalog with a boolean dimension's stored values indexed as the served catalog has them from the
 * data (`true`/`false`, labelled by their stored value), which the shipped YAML does not declare.
 */
export function withBooleanValues(catalog: Catalog, dimensionId: string): Catalog {
  return {
    ...catalog,
    dimensions: catalog.dimensions.map((d) =>
      d.id === dimensionId
        ? {
            ...d,
            values: ['true', 'false'].map((v) => ({
              value: v,
              label: { zh: v, en: v },
              synonyms: { zh: [], en: [] },
              count: 0,
            })),
          }
        : d,
    ),
  };
}
