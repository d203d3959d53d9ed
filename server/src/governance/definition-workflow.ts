/**
 * The definition lifecycle over the store and the model registry: draft → edit → validate → preview →
 * submit → approve (publish and activate at once) | reject; rollback; diff. Every step is audited.
 * Expected refusals are values (`Refusal`) that the routes turn into localised HTTP errors.
 */
import type { Issue } from '../../../semantic-layer/src/index.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import { QueryTimeoutError } from '../data/analytics-engine.ts';
import type { ModelRegistry } from '../models/model-registry.ts';
import type { ModelVersion, TransitionResult } from '../store/model-versions.ts';
import type { Store } from '../store/open-store.ts';
import { type DraftPreview, previewDraft } from './definition-preview.ts';
import { type DefinitionCheck, validateDefinition } from './definition-validation.ts';
import { updateDraftFiles } from './draft-store.ts';
import type { GovernanceCode, MessageParams } from './governance-messages.ts';
import { diffVersions, type VersionDiff } from './version-diff.ts';

/** An expected refusal. */
export interface Refusal {
  ok: false;
  code: GovernanceCode;
  params?: MessageParams;
  issues?: Issue[];
}

/** A step's outcome. */
export type Outcome<T> = { ok: true; value: T } | Refusal;

/** Who acts, for authorship checks and the audit log. */
export interface Actor {
  id: string;
  role: 'viewer' | 'analyst' | 'admin';
  attributes?: Record<string, string[]>;
  ip?: string | null;
}

/** What the workflow works on. */
export interface WorkflowDeps {
  store: Store;
  registry: ModelRegistry;
  /** Let authors review their own versions (single-admin installs). */
  allowSelfReview?: boolean;
  /**
   * Puts an approved version of a model the registry does not serve yet into service (an uploaded table:
   * uploads/upload-service.ts); null when there is nothing to serve it from.
   */
  activateNew?: (version: ModelVersion) => Promise<{ ok: true } | { ok: false; detail: string } | null>;
}

const refuse = (code: GovernanceCode, params?: MessageParams, issues?: Issue[]): Refusal => ({
  ok: false,
  code,
  ...(params ? { params } : {}),
  ...(issues ? { issues } : {}),
});
const errorsOf = (check: DefinitionCheck) => check.issues.filter((i) => i.severity === 'error');

/** The definition lifecycle bound to a store and a registry. */
export function definitionWorkflow(deps: WorkflowDeps) {
  const { store, registry } = deps;

  async function audit(
    actor: Actor | null,
    action: string,
    version: { model: string; versionNo: number },
    details = {},
  ) {
    await store.audit.record({
      action,
      userId: actor?.id ?? null,
      target: `${version.model}@${version.versionNo}`,
      details: { model: version.model, versionNo: version.versionNo, ...details },
      ip: actor?.ip ?? null,
    });
  }

  async function findVersion(model: string, versionNo: number): Promise<Outcome<ModelVersion>> {
    const version = await store.modelVersions.getByNumber(model, versionNo);
    return version ? { ok: true, value: version } : refuse('version_not_found', { model, versionNo });
  }

  /** The draft `versionNo` if `actor` may change it. */
  async function ownDraft(model: string, versionNo: number, actor: Actor): Promise<Outcome<ModelVersion>> {
    const found = await findVersion(model, versionNo);
    if (!found.ok) return found;
    if (found.value.status !== 'draft')
      return refuse('not_a_draft', { versionNo, status: found.value.status });
    if (found.value.authorId !== actor.id) return refuse('not_author', { versionNo });
    return found;
  }

  function transitionRefusal(
    result: Extract<TransitionResult, { ok: false }>,
    version: ModelVersion,
    action: string,
  ) {
    if (result.code === 'invalid_transition') {
      return refuse('invalid_transition', { versionNo: version.versionNo, status: version.status, action });
    }
    if (result.code === 'not_found')
      return refuse('version_not_found', { model: version.model, versionNo: version.versionNo });
    return refuse(result.code);
  }

  /** Puts `version`'s files into service; on failure restores the previously published content. */
  async function activate(
    version: ModelVersion,
    previous: ModelVersion | null,
    actor: Actor,
  ): Promise<Outcome<ModelVersion>> {
    if (!registry.has(version.model)) {
      const added = await deps.activateNew?.(version);
      if (added && !added.ok) {
        await audit(actor, 'model.activation_failed', version, { error: added.detail });
        return refuse('upload_activation_failed', {
          versionNo: version.versionNo,
          model: version.model,
          detail: added.detail,
        });
      }
      return { ok: true, value: version };
    }
    try {
      await registry.activateFiles(version.definition, version.versionNo);
      return { ok: true, value: version };
    } catch (error) {
      const detail = String((error as Error).message ?? error)
        .split('\n')[0]!
        .slice(0, 300);
      let restored = registry.get(version.model).versionNo;
      if (previous) {
        // The store must say what runs: publish the previous content again (a new number, same files).
        const back = await store.modelVersions.ensurePublished({
          model: version.model,
          definition: previous.definition,
          authorId: actor.id,
        });
        restored = back.version.versionNo;
        await registry.activateFiles(back.version.definition, back.version.versionNo).catch(() => undefined);
      }
      await audit(actor, 'model.activation_failed', version, { error: detail, restoredVersion: restored });
      return refuse('activation_failed', { versionNo: version.versionNo, detail, restored });
    }
  }

  return {
    /** Versions of a model, newest first (without their files). */
    async list(model: string, status?: ModelVersion['status']): Promise<ModelVersion[]> {
      return store.modelVersions.list({ model, ...(status ? { status } : {}) });
    },

    find: findVersion,

    /** A new draft from the published version (or from `fromVersion`). */
    async createDraft(model: string, actor: Actor, fromVersion?: number): Promise<Outcome<ModelVersion>> {
      const base =
        fromVersion === undefined
          ? await store.modelVersions.published(model)
          : await store.modelVersions.getByNumber(model, fromVersion);
      if (!base) {
        return fromVersion === undefined
          ? refuse('model_not_found', { model })
          : refuse('version_not_found', { model, versionNo: fromVersion });
      }
      const draft = await store.modelVersions.createDraft({
        model,
        definition: base.definition,
        authorId: actor.id,
        basedOnVersion: base.versionNo,
      });
      await audit(actor, 'model.draft', draft, { basedOnVersion: base.versionNo });
      return { ok: true, value: draft };
    },

    /**
     * Applies `change` (a pure function of the draft's files) and stores the result; the new validation
     * comes back with it, since drafts may be invalid while being edited.
     */
    async edit(
      model: string,
      versionNo: number,
      actor: Actor,
      change: (
        files: Record<string, string>,
      ) =>
        | { ok: true; files: Record<string, string> }
        | { ok: false; code: GovernanceCode; message: string; file: string },
      what: Record<string, unknown>,
    ): Promise<Outcome<{ version: ModelVersion; validation: DefinitionCheck }>> {
      const draft = await ownDraft(model, versionNo, actor);
      if (!draft.ok) return draft;
      const changed = change(draft.value.definition);
      if (!changed.ok) return refuse(changed.code, { file: changed.file, detail: changed.message });
      const updated = await updateDraftFiles(store, draft.value, changed.files);
      if (!updated.ok) return refuse('edit_conflict', { versionNo });
      const validation = validateDefinition(updated.version.definition, model);
      await audit(actor, 'model.edit', updated.version, { ...what, valid: validation.ok });
      return { ok: true, value: { version: updated.version, validation } };
    },

    /** Every issue of a version, with file, YAML path and line. */
    async validate(model: string, versionNo: number, actor: Actor): Promise<Outcome<DefinitionCheck>> {
      const found = await findVersion(model, versionNo);
      if (!found.ok) return found;
      const check = validateDefinition(found.value.definition, model);
      await audit(actor, 'model.validate', found.value, { valid: check.ok, errors: errorsOf(check).length });
      return { ok: true, value: check };
    },

    /** Sample results before (published) and after (this version). */
    async preview(
      model: string,
      versionNo: number,
      actor: Actor,
      queries?: SemanticQueryInput[],
    ): Promise<Outcome<DraftPreview>> {
      const found = await findVersion(model, versionNo);
      if (!found.ok) return found;
      if (!registry.has(model)) return refuse('model_not_loaded', { model });
      const check = validateDefinition(found.value.definition, model);
      if (!check.ok)
        return refuse(
          'invalid_definition',
          { count: errorsOf(check).length, action: 'preview' },
          check.issues,
        );
      const published = await store.modelVersions.published(model);
      const live = registry.get(model).runtime;
      let preview: DraftPreview;
      try {
        preview = await previewDraft({
          live,
          liveFiles: published?.definition ?? live.model.files,
          draft: check.model,
          queries,
          attributes: actor.attributes,
        });
      } catch (error) {
        if (error instanceof QueryTimeoutError)
          return refuse('preview_timeout', { seconds: Math.round(error.timeoutMs) / 1000 });
        // A definition that loads but whose SQL fails on the data (e.g. a bad `where`): first line only.
        const detail = String((error as Error).message ?? error)
          .split('\n')[0]!
          .slice(0, 300);
        return refuse('preview_failed', { detail });
      }
      await audit(actor, 'model.preview', found.value, {
        materialized: preview.materialized,
        samples: preview.samples.length,
        differing: preview.samples.filter((s) => s.differs).length,
      });
      return { ok: true, value: preview };
    },

    /** Sends a valid draft to review (its author only), with the author's note on why. */
    async submit(model: string, no: number, actor: Actor, note?: string): Promise<Outcome<ModelVersion>> {
      const draft = await ownDraft(model, no, actor);
      if (!draft.ok) return draft;
      const check = validateDefinition(draft.value.definition, model);
      if (!check.ok)
        return refuse(
          'invalid_definition',
          { count: errorsOf(check).length, action: 'submit' },
          check.issues,
        );
      const result = await store.modelVersions.submit(draft.value.id, note);
      if (!result.ok) return transitionRefusal(result, draft.value, 'submitted');
      await audit(actor, 'model.submit', result.version);
      return { ok: true, value: result.version };
    },

    /** Publishes a version in review and puts it into service at once. */
    async approve(
      model: string,
      versionNo: number,
      actor: Actor,
      comment?: string,
    ): Promise<Outcome<ModelVersion>> {
      const found = await findVersion(model, versionNo);
      if (!found.ok) return found;
      const version = found.value;
      if (version.status !== 'in_review') {
        return refuse('invalid_transition', { versionNo, status: version.status, action: 'approved' });
      }
      const check = validateDefinition(version.definition, model);
      if (!check.ok)
        return refuse(
          'invalid_definition',
          { count: errorsOf(check).length, action: 'publish' },
          check.issues,
        );
      const previous = await store.modelVersions.published(model);
      const result = await store.modelVersions.approve(version.id, {
        reviewerId: actor.id,
        comment: comment ?? null,
        allowSelfReview: deps.allowSelfReview,
      });
      if (!result.ok) return transitionRefusal(result, version, 'approved');
      await audit(actor, 'model.approve', result.version, {
        comment: comment ?? null,
        authorId: version.authorId,
        supersededVersion: previous?.versionNo ?? null,
      });
      return activate(result.version, previous, actor);
    },

    /** Rejects a version in review with the reviewer's comment. */
    async reject(
      model: string,
      versionNo: number,
      actor: Actor,
      comment: string,
    ): Promise<Outcome<ModelVersion>> {
      const found = await findVersion(model, versionNo);
      if (!found.ok) return found;
      const result = await store.modelVersions.reject(found.value.id, {
        reviewerId: actor.id,
        comment,
        allowSelfReview: deps.allowSelfReview,
      });
      if (!result.ok) return transitionRefusal(result, found.value, 'rejected_action');
      await audit(actor, 'model.reject', result.version, { comment, authorId: found.value.authorId });
      return { ok: true, value: result.version };
    },

    /**
     * Restores an earlier published version as a new published version (same files, next number, based on
     * the restored one, reviewed by the admin who rolls back) and puts it into service.
     */
    async rollback(
      model: string,
      toVersion: number,
      actor: Actor,
      comment?: string,
    ): Promise<Outcome<ModelVersion>> {
      const found = await findVersion(model, toVersion);
      if (!found.ok) return found;
      const target = found.value;
      if (target.status !== 'superseded' && target.status !== 'published') {
        return refuse('not_restorable', { versionNo: toVersion, status: target.status });
      }
      const previous = await store.modelVersions.published(model);
      if (previous && previous.contentHash === target.contentHash)
        return refuse('no_change', { versionNo: toVersion });
      const check = validateDefinition(target.definition, model);
      if (!check.ok)
        return refuse(
          'invalid_definition',
          { count: errorsOf(check).length, action: 'publish' },
          check.issues,
        );
      const draft = await store.modelVersions.createDraft({
        model,
        definition: target.definition,
        authorId: actor.id,
        basedOnVersion: target.versionNo,
      });
      const submitted = await store.modelVersions.submit(draft.id);
      const result = submitted.ok
        ? await store.modelVersions.approve(draft.id, {
            reviewerId: actor.id,
            comment: comment ?? `rollback to version ${toVersion}`,
            allowSelfReview: true,
          })
        : submitted;
      if (!result.ok) return transitionRefusal(result, draft, 'approved');
      await audit(actor, 'model.rollback', result.version, {
        restoredVersion: toVersion,
        supersededVersion: previous?.versionNo ?? null,
        comment: comment ?? null,
      });
      return activate(result.version, previous, actor);
    },

    /** Per-file unified diff and member summary between two versions. */
    async diff(
      model: string,
      from: number,
      to: number,
    ): Promise<Outcome<VersionDiff & { from: number; to: number }>> {
      const a = await findVersion(model, from);
      if (!a.ok) return a;
      const b = await findVersion(model, to);
      if (!b.ok) return b;
      return {
        ok: true,
        value: {
          from,
          to,
          ...diffVersions(a.value.definition, b.value.definition, { from: `v${from}`, to: `v${to}` }),
        },
      };
    },
  };
}

/** The workflow's API. */
export type DefinitionWorkflow = ReturnType<typeof definitionWorkflow>;
