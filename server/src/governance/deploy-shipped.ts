import { readModelFiles } from '../../../semantic-layer/src/index.ts';
import { definitionHash } from '../store/model-versions.ts';
import type { Store } from '../store/open-store.ts';

export interface DeployOutcome {
  model: string;
  versionNo: number;
  action: 'seeded' | 'upgraded' | 'unchanged' | 'kept_edited';
}

/**
 * Reconciles the YAML shipped in semantic-layer/models/<id> with the store at boot. A fresh store gets
 * it as version 1; a store whose published version was itself shipped (authored by the system) takes a
 * newer shipped YAML as a new version; a version analysts published through review is never overwritten
 * by a deployment (`kept_edited`: the store wins, and the boot log says so).
 */
export async function deployShippedModel(store: Store, modelId: string, dir: string): Promise<DeployOutcome> {
  const shipped = readModelFiles(dir);
  const current = await store.modelVersions.published(modelId);
  if (current && current.contentHash === definitionHash(shipped))
    return { model: modelId, versionNo: current.versionNo, action: 'unchanged' };
  if (current && current.authorId !== null)
    return { model: modelId, versionNo: current.versionNo, action: 'kept_edited' };
  const { version } = await store.modelVersions.ensurePublished({
    model: modelId,
    definition: shipped,
    authorId: null,
  });
  const action = current ? 'upgraded' : 'seeded';
  await store.audit.record({
    action: current ? 'model.deploy' : 'model.seed',
    target: `${modelId}@${version.versionNo}`,
    details: { model: modelId, versionNo: version.versionNo, files: Object.keys(shipped).sort() },
  });
  return { model: modelId, versionNo: version.versionNo, action };
}
