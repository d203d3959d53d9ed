/**
 * The one write the store's model-versions repository lacks: replacing a draft's files in place.
 * Guarded by status and content hash, so an edit never lands on a submitted version or over a concurrent
 * edit it did not see. (Belongs in `store/model-versions.ts` as `updateDraft`; kept here to stay in scope.)
 */
import { and, eq } from 'drizzle-orm';
import { definitionHash, type ModelVersion } from '../store/model-versions.ts';
import type { Store } from '../store/open-store.ts';
import { modelVersions } from '../store/schema.ts';

/** Outcome of a draft update. */
export type DraftUpdate = { ok: true; version: ModelVersion } | { ok: false; code: 'conflict' };

/**
 * Replaces the files of draft `draft` if it is still a draft with the content it had when read.
 * @example await updateDraftFiles(store, draft, { ...draft.definition, 'churn.yaml': text })
 */
export async function updateDraftFiles(
  store: Store,
  draft: ModelVersion,
  definition: Record<string, string>,
): Promise<DraftUpdate> {
  const [row] = await store.db
    .update(modelVersions)
    .set({ definition, contentHash: definitionHash(definition) })
    .where(
      and(
        eq(modelVersions.id, draft.id),
        eq(modelVersions.status, 'draft'),
        eq(modelVersions.contentHash, draft.contentHash),
      ),
    )
    .returning();
  return row ? { ok: true, version: row } : { ok: false, code: 'conflict' };
}
