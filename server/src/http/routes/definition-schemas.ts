import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import { EDITABLE_KINDS, type EditableKind, MemberIdSchema } from '../../governance/definition-edits.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { ModelVersion } from '../../store/model-versions.ts';
import { MODEL_VERSION_STATUSES } from '../../store/schema.ts';
import type { ApiErrorCode } from '../api-error.ts';
import { SIGNED_IN } from '../api-router.ts';

/** The parameters, bodies, replies and error lists of /api/models (definitions.ts and its parts). */

export const ModelId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a model id');
export const ModelParam = z.object({ model: ModelId });
export const VersionParam = z.coerce.number().int().positive().max(1_000_000);
export const VersionParams = z.object({ model: ModelId, no: VersionParam });
export const MemberParams = VersionParams.extend({
  kind: z.enum(Object.keys(EDITABLE_KINDS) as [EditableKind, ...EditableKind[]]),
  id: MemberIdSchema,
});
export const SynonymParams = VersionParams.extend({
  kind: z.enum(['metrics', 'dimensions']),
  id: MemberIdSchema,
});
export const DraftBody = z.strictObject({ fromVersion: VersionParam.optional() });
export const PreviewBody = z.strictObject({ queries: z.array(SemanticQuerySchema).max(6).optional() });
export const SubmitBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const ApproveBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const RejectBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export const RollbackBody = z.strictObject({
  toVersion: VersionParam,
  comment: z.string().trim().max(2000).optional(),
});
export const ListQuery = z.object({ status: z.enum(MODEL_VERSION_STATUSES).optional() });
export const DiffQuery = z.object({ from: VersionParam, to: VersionParam });

/** A version as the API shows it (with `files` when asked for one version). */
export const VersionSchema = z
  .object({
    id: z.string(),
    model: z.string(),
    versionNo: z.number().int(),
    status: z.enum(MODEL_VERSION_STATUSES),
    contentHash: z.string(),
    authorId: z.string().nullable(),
    reviewerId: z.string().nullable(),
    submitNote: z.string().nullable(),
    reviewComment: z.string().nullable(),
    basedOnVersion: z.number().int().nullable(),
    createdAt: z.unknown(),
    publishedAt: z.unknown(),
    active: z.boolean(),
    files: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'ModelVersion' });
export const IssueSchema = z.looseObject({ message: z.string() }).meta({ id: 'Issue' });
export const VersionReply = z.object({ version: VersionSchema });
export const EditReply = z.object({
  version: VersionSchema,
  validation: z.object({ ok: z.boolean(), issues: z.array(IssueSchema) }),
});
export const BASE_ERRORS: ApiErrorCode[] = ['unauthenticated', 'csrf_failed', 'forbidden', 'model_not_found'];
export const EDIT_ERRORS: ApiErrorCode[] = [
  ...BASE_ERRORS,
  'version_not_found',
  'not_a_draft',
  'not_author',
  'edit_conflict',
  'yaml_syntax',
  'member_not_found',
  'not_a_map',
  'unknown_file',
];
export const REVIEW_ERRORS: ApiErrorCode[] = [
  ...BASE_ERRORS,
  'version_not_found',
  'invalid_transition',
  'invalid_definition',
  'self_review',
  'conflict',
  'no_change',
  'activation_failed',
];
export const declare = { tags: ['definitions'], security: SIGNED_IN };

/** A version as the API shows it (files only when asked), with whether it is the one in service. */
export const versionView = (registry: ModelRegistry, v: ModelVersion, withFiles = false) => ({
  id: v.id,
  model: v.model,
  versionNo: v.versionNo,
  status: v.status,
  contentHash: v.contentHash,
  authorId: v.authorId,
  reviewerId: v.reviewerId,
  submitNote: v.submitNote,
  reviewComment: v.reviewComment,
  basedOnVersion: v.basedOnVersion,
  createdAt: v.createdAt,
  publishedAt: v.publishedAt,
  active: registry.has(v.model) && registry.get(v.model).versionNo === v.versionNo,
  ...(withFiles ? { files: v.definition } : {}),
});
