/**
 * The bridge between stored definition versions and the models the server answers from: the YAML shipped
 * in semantic-layer/models seeds version 1; afterwards the store's published version is what runs.
 */

import { contentHash } from '../../../semantic-layer/src/definition/load-model.ts';
import { readModelFiles } from '../../../semantic-layer/src/index.ts';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import { type ActiveModel, ModelRegistry } from '../models/model-registry.ts';
import type { ModelVersion } from '../store/model-versions.ts';
import type { Store } from '../store/open-store.ts';
import { validateDefinition } from './definition-validation.ts';

/** Where seed definitions come from: model id → folder, or the registry's active models. */
export type SeedSource = Record<string, string> | ModelRegistry;

/** What seeding did per model. */
export interface SeedResult {
  model: string;
  versionNo: number;
  created: boolean;
}

/**
 * For each model without a published version, stores its files as a published version authored by the
 * system (version 1 on a fresh store). Models that already have one are left alone: the store wins over disk.
 * @example await seedModelVersions(store, { retail: 'semantic-layer/models/retail' });
 */
export async function seedModelVersions(store: Store, source: SeedSource): Promise<SeedResult[]> {
  const seeds: [string, Record<string, string>][] =
    source instanceof ModelRegistry
      ? source.list().map((a) => [a.runtime.model.id, a.runtime.model.files])
      : Object.entries(source).map(([id, dir]) => [id, readModelFiles(dir)]);
  const results: SeedResult[] = [];
  for (const [model, definition] of seeds) {
    const current = await store.modelVersions.published(model);
    if (current) {
      results.push({ model, versionNo: current.versionNo, created: false });
      continue;
    }
    // ensurePublished serialises replicas booting together: the later ones find the same content published.
    const { version, created } = await store.modelVersions.ensurePublished({
      model,
      definition,
      authorId: null,
    });
    if (created) {
      await store.audit.record({
        action: 'model.seed',
        target: `${model}@${version.versionNo}`,
        details: { model, versionNo: version.versionNo, files: Object.keys(definition).sort() },
      });
    }
    results.push({ model, versionNo: version.versionNo, created });
  }
  return results;
}

/**
 * The published version of a model, loaded (for `registry.add` at boot), or null when none is stored.
 * Throws when the stored files no longer load: that is a bug or a semantic-layer change to fix first.
 */
export async function loadPublished(
  store: Store,
  modelId: string,
): Promise<{ model: SemanticModel; version: ModelVersion } | null> {
  const version = await store.modelVersions.published(modelId);
  if (!version) return null;
  const check = validateDefinition(version.definition, modelId);
  if (!check.ok) {
    throw new Error(
      `published version ${version.versionNo} of ${modelId} does not load: ${check.issues[0]?.message}`,
    );
  }
  return { model: check.model, version };
}

/**
 * Makes the registry run the store's published version of `modelId` (engine already registered with
 * `registry.add`); does nothing when it already does. Null when the store has no published version.
 * @example await activatePublished(store, registry, 'retail');
 */
export async function activatePublished(
  store: Store,
  registry: ModelRegistry,
  modelId: string,
): Promise<ActiveModel | null> {
  const published = await store.modelVersions.published(modelId);
  if (!published) return null;
  const active = registry.has(modelId) ? registry.get(modelId) : undefined;
  if (isRunning(active, published)) return active!;
  return registry.activateFiles(published.definition, published.versionNo);
}

/**
 * For replicas: activates whatever another replica published since (call on an interval; one query per model).
 */
export async function syncPublished(store: Store, registry: ModelRegistry): Promise<string[]> {
  const changed: string[] = [];
  for (const active of registry.list()) {
    const id = active.runtime.model.id;
    const published = await store.modelVersions.published(id);
    if (published && !isRunning(active, published)) {
      await registry.activateFiles(published.definition, published.versionNo);
      changed.push(id);
    }
  }
  return changed;
}

function isRunning(active: ActiveModel | undefined, version: ModelVersion): boolean {
  return (
    active !== undefined &&
    active.versionNo === version.versionNo &&
    active.runtime.model.version === contentHash(version.definition)
  );
}
