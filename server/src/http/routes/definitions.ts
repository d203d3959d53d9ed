/**
 * /api/models: the definition lifecycle (server/src/governance/CONTEXT.md). Analysts and admins draft,
 * edit, validate, preview, submit and diff; admins approve, reject and roll back. Viewers get 403.
 */
import { z } from 'zod';
import { SemanticQuerySchema } from '../../../../semantic-layer/src/query.ts';
import {
  applyEdits,
  applyFiles,
  ChurnWindowSchema,
  churnWindowEdits,
  EDITABLE_KINDS,
  type EditableKind,
  FilesBodySchema,
  MemberBodySchema,
  MemberIdSchema,
  memberEdit,
  SynonymsSchema,
  synonymsEdit,
} from '../../governance/definition-edits.ts';
import { definitionWorkflow, type WorkflowDeps } from '../../governance/definition-workflow.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { ModelVersion } from '../../store/model-versions.ts';
import type { Store } from '../../store/open-store.ts';
import { MODEL_VERSION_STATUSES } from '../../store/schema.ts';
import type { ApiErrorCode } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, optionalJsonBody, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { actorOf, outcomeValue } from '../governance-http.ts';

/** What the definition routes need. */
export interface DefinitionRoutesOptions {
  store: Store;
  registry: ModelRegistry;
  /** Let authors approve their own versions (single-admin installs); default false. */
  allowSelfReview?: boolean;
  /** Serves an approved model the registry does not know yet (an uploaded table). */
  activateNew?: WorkflowDeps['activateNew'];
}

const ModelId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a model id');
const ModelParam = z.object({ model: ModelId });
const VersionParam = z.coerce.number().int().positive().max(1_000_000);
const VersionParams = z.object({ model: ModelId, no: VersionParam });
const MemberParams = VersionParams.extend({
  kind: z.enum(Object.keys(EDITABLE_KINDS) as [EditableKind, ...EditableKind[]]),
  id: MemberIdSchema,
});
const SynonymParams = VersionParams.extend({ kind: z.enum(['metrics', 'dimensions']), id: MemberIdSchema });
const DraftBody = z.strictObject({ fromVersion: VersionParam.optional() });
const PreviewBody = z.strictObject({ queries: z.array(SemanticQuerySchema).max(6).optional() });
const ApproveBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
const RejectBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
const RollbackBody = z.strictObject({
  toVersion: VersionParam,
  comment: z.string().trim().max(2000).optional(),
});
const ListQuery = z.object({ status: z.enum(MODEL_VERSION_STATUSES).optional() });
const DiffQuery = z.object({ from: VersionParam, to: VersionParam });

/** A version as the API shows it (with `files` when asked for one version). */
const VersionSchema = z
  .object({
    id: z.string(),
    model: z.string(),
    versionNo: z.number().int(),
    status: z.enum(MODEL_VERSION_STATUSES),
    contentHash: z.string(),
    authorId: z.string().nullable(),
    reviewerId: z.string().nullable(),
    reviewComment: z.string().nullable(),
    basedOnVersion: z.number().int().nullable(),
    createdAt: z.unknown(),
    publishedAt: z.unknown(),
    active: z.boolean(),
    files: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'ModelVersion' });
const IssueSchema = z.looseObject({ message: z.string() }).meta({ id: 'Issue' });
const VersionReply = z.object({ version: VersionSchema });
const EditReply = z.object({
  version: VersionSchema,
  validation: z.object({ ok: z.boolean(), issues: z.array(IssueSchema) }),
});
const BASE_ERRORS: ApiErrorCode[] = ['unauthenticated', 'csrf_failed', 'forbidden', 'model_not_found'];
const EDIT_ERRORS: ApiErrorCode[] = [
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
const REVIEW_ERRORS: ApiErrorCode[] = [
  ...BASE_ERRORS,
  'version_not_found',
  'invalid_transition',
  'invalid_definition',
  'self_review',
  'conflict',
  'no_change',
  'activation_failed',
];
const declare = { tags: ['definitions'], security: SIGNED_IN };

/**
 * The router to mount at /api/models behind `authenticate(store)`.
 * @example api.route('/models', definitionRoutes({ store, registry }));
 */
export function definitionRoutes(options: DefinitionRoutesOptions) {
  const { registry } = options;
  const flow = definitionWorkflow(options);
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('analyst', 'admin'));
  const adminOnly = requireRole('admin');

  /** A version as the API shows it (files only when asked), with whether it is the one in service. */
  const view = (v: ModelVersion, withFiles = false) => ({
    id: v.id,
    model: v.model,
    versionNo: v.versionNo,
    status: v.status,
    contentHash: v.contentHash,
    authorId: v.authorId,
    reviewerId: v.reviewerId,
    reviewComment: v.reviewComment,
    basedOnVersion: v.basedOnVersion,
    createdAt: v.createdAt,
    publishedAt: v.publishedAt,
    active: registry.has(v.model) && registry.get(v.model).versionNo === v.versionNo,
    ...(withFiles ? { files: v.definition } : {}),
  });
  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary:
        'The served models with their active and published versions and how many are in review, then new models in review',
      responses: {
        200: jsonResponse(
          'Models',
          z.object({
            models: z.array(
              z.object({
                id: z.string(),
                label: z.unknown(),
                activeVersion: z.number(),
                publishedVersion: z.number().nullable(),
                inReview: z.number(),
                served: z.boolean().meta({ description: 'false for a new (uploaded) model still in review' }),
              }),
            ),
          }),
        ),
      },
      errors: BASE_ERRORS,
    }),
    async (c) => {
      const models = await Promise.all(
        registry.list().map(async ({ runtime, versionNo }) => ({
          id: runtime.model.id,
          label: runtime.model.label,
          activeVersion: versionNo,
          publishedVersion:
            (await options.store.modelVersions.published(runtime.model.id))?.versionNo ?? null,
          inReview: (await flow.list(runtime.model.id, 'in_review')).length,
          served: true,
        })),
      );
      // New models (uploaded tables) are not served until approved: listed so reviewers find them.
      const waiting = (await options.store.modelVersions.list({ status: 'in_review' })).filter(
        (v) => !registry.has(v.model),
      );
      for (const model of new Set(waiting.map((v) => v.model)))
        models.push({
          id: model,
          label: { zh: model, en: model },
          activeVersion: 0,
          publishedVersion: null,
          inReview: waiting.filter((v) => v.model === model).length,
          served: false,
        });
      return c.json({ models }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{model}/versions',
      summary: "A model's versions, optionally by status",
      request: { params: ModelParam, query: ListQuery },
      responses: { 200: jsonResponse('Versions', z.object({ versions: z.array(VersionSchema) })) },
      errors: BASE_ERRORS,
    }),
    async (c) => {
      const { model } = c.req.valid('param');
      const versions = await flow.list(model, c.req.valid('query').status);
      return c.json({ versions: versions.map((v) => view(v)) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{model}/versions/{no}',
      summary: 'One version with its definition files',
      request: { params: VersionParams },
      responses: { 200: jsonResponse('The version', VersionReply) },
      errors: [...BASE_ERRORS, 'version_not_found'],
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json({ version: view(outcomeValue(await flow.find(p.model, p.no)), true) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/drafts',
      summary: 'Starts a draft from the published version (or `fromVersion`)',
      request: { params: ModelParam, body: optionalJsonBody(DraftBody) },
      responses: { 201: jsonResponse('The draft', VersionReply) },
      errors: [...BASE_ERRORS, 'version_not_found'],
    }),
    async (c) => {
      const { model } = c.req.valid('param');
      const body = c.req.valid('json');
      const draft = outcomeValue(await flow.createDraft(model, actorOf(c), body.fromVersion));
      return c.json({ version: view(draft, true) }, 201);
    },
  );

  type Change = Parameters<typeof flow.edit>[3];
  /**
   * One edit of a draft, declared with its path, parameters and (unless a delete) body: `edit` says how
   * the files change and what the audit records; the reply is the draft and its validation.
   */
  const editRoute = <P extends z.ZodType<{ model: string; no: number }>, B extends z.ZodType>(spec: {
    method: 'put' | 'delete';
    path: string;
    summary: string;
    params: P;
    body: B | null;
    edit: (p: z.infer<P>, b: z.infer<B>) => { change: Change; what: Record<string, unknown> };
  }) =>
    app.openapi(
      apiRoute({
        ...declare,
        method: spec.method,
        path: spec.path,
        summary: spec.summary,
        request: {
          params: spec.params as unknown as z.ZodObject,
          ...(spec.body ? { body: jsonBody(spec.body) } : {}),
        },
        responses: { 200: jsonResponse('The draft and its validation', EditReply) },
        errors: EDIT_ERRORS,
      }),
      async (c) => {
        const p = c.req.valid('param' as never) as z.infer<P>;
        // Without a body schema (a delete) the request body is not read and `edit` gets undefined.
        const b = spec.body ? (c.req.valid('json' as never) as z.infer<B>) : (undefined as z.infer<B>);
        const { change, what } = spec.edit(p, b);
        const { version, validation } = outcomeValue(
          await flow.edit(p.model, p.no, actorOf(c), change, what),
        );
        return c.json(
          { version: view(version, true), validation: { ok: validation.ok, issues: validation.issues } },
          200,
        );
      },
    );

  editRoute({
    method: 'put',
    path: '/{model}/versions/{no}/files',
    summary: 'Replaces whole definition files of a draft',
    params: VersionParams,
    body: FilesBodySchema,
    edit: (_, body) => ({
      change: (files) => applyFiles(files, body.files),
      what: { files: Object.keys(body.files).sort() },
    }),
  });
  editRoute({
    method: 'put',
    path: '/{model}/versions/{no}/churn-window',
    summary: "Sets a draft's churn window",
    params: VersionParams,
    body: ChurnWindowSchema,
    edit: (_, body) => ({
      change: (files) => applyEdits(files, churnWindowEdits(body)),
      what: { member: 'churn.window', ...body },
    }),
  });
  editRoute({
    method: 'put',
    path: '/{model}/versions/{no}/{kind}/{id}/synonyms',
    summary: "Sets a metric's or dimension's synonyms in a draft",
    params: SynonymParams,
    body: SynonymsSchema,
    edit: (p, body) => ({
      change: (files) => applyEdits(files, [synonymsEdit(p.kind, p.id, body)]),
      what: { member: `${p.kind}.${p.id}.synonyms` },
    }),
  });
  editRoute({
    method: 'put',
    path: '/{model}/versions/{no}/{kind}/{id}',
    summary: 'Adds or replaces a member of a draft',
    params: MemberParams,
    body: MemberBodySchema,
    edit: (p, body) => ({
      change: (files) => applyEdits(files, [memberEdit(p.kind, p.id, body)]),
      what: { member: `${EDITABLE_KINDS[p.kind]}.${p.id}` },
    }),
  });
  editRoute({
    method: 'delete',
    path: '/{model}/versions/{no}/{kind}/{id}',
    summary: 'Deletes a member of a draft',
    params: MemberParams,
    body: null,
    edit: (p) => ({
      change: (files) => applyEdits(files, [memberEdit(p.kind, p.id, undefined)]),
      what: { member: `${EDITABLE_KINDS[p.kind]}.${p.id}`, deleted: true },
    }),
  });

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/versions/{no}/validate',
      summary: 'Validates a version (issues with file, line and code)',
      request: { params: VersionParams },
      responses: {
        200: jsonResponse('The validation', z.object({ ok: z.boolean(), issues: z.array(IssueSchema) })),
      },
      errors: [...BASE_ERRORS, 'version_not_found'],
    }),
    async (c) => {
      const p = c.req.valid('param');
      const check = outcomeValue(await flow.validate(p.model, p.no, actorOf(c)));
      return c.json({ ok: check.ok, issues: check.issues }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/versions/{no}/preview',
      summary: 'Runs queries on the draft and the published version side by side (access policy enforced)',
      request: { params: VersionParams, body: optionalJsonBody(PreviewBody) },
      responses: { 200: jsonResponse('The preview', z.looseObject({})) },
      errors: [
        ...BASE_ERRORS,
        'version_not_found',
        'invalid_definition',
        'model_not_loaded',
        'preview_failed',
        'preview_timeout',
      ],
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { queries } = c.req.valid('json');
      const preview = outcomeValue(await flow.preview(p.model, p.no, actorOf(c), queries));
      return c.json(preview as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/versions/{no}/submit',
      summary: 'Submits a draft for review',
      request: { params: VersionParams },
      responses: { 200: jsonResponse('Submitted', VersionReply) },
      errors: [...REVIEW_ERRORS, 'not_author'],
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json({ version: view(outcomeValue(await flow.submit(p.model, p.no, actorOf(c)))) }, 200);
    },
  );

  /** A review decision on a version in review (admin); the comment is optional on approval only. */
  const reviewRoute = (action: 'approve' | 'reject', summary: string, reply: string) =>
    app.openapi(
      apiRoute({
        ...declare,
        method: 'post',
        path: `/{model}/versions/{no}/${action}`,
        summary,
        middleware: [adminOnly],
        request: {
          params: VersionParams,
          body: action === 'approve' ? optionalJsonBody(ApproveBody) : jsonBody(RejectBody),
        },
        responses: { 200: jsonResponse(reply, VersionReply) },
        errors: REVIEW_ERRORS,
      }),
      async (c) => {
        const p = c.req.valid('param');
        const { comment } = c.req.valid('json' as never) as { comment?: string };
        const decided = outcomeValue(await flow[action](p.model, p.no, actorOf(c), comment as string));
        return c.json({ version: view(decided) }, 200);
      },
    );
  reviewRoute(
    'approve',
    'Approves a version in review: it is published and put into service (admin)',
    'Published',
  );
  reviewRoute('reject', 'Rejects a version in review, with a comment (admin)', 'Rejected');

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/rollback',
      summary: 'Restores a previously published version as a new published version (admin)',
      middleware: [adminOnly],
      request: { params: ModelParam, body: jsonBody(RollbackBody) },
      responses: { 201: jsonResponse('Published', VersionReply) },
      errors: [...REVIEW_ERRORS, 'not_restorable'],
    }),
    async (c) => {
      const { model } = c.req.valid('param');
      const body = c.req.valid('json');
      const restored = outcomeValue(await flow.rollback(model, body.toVersion, actorOf(c), body.comment));
      return c.json({ version: view(restored) }, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{model}/diff',
      summary: 'What changed between two versions (members and files)',
      request: { params: ModelParam, query: DiffQuery },
      responses: { 200: jsonResponse('The diff', z.looseObject({})) },
      errors: [...BASE_ERRORS, 'version_not_found'],
    }),
    async (c) => {
      const { model } = c.req.valid('param');
      const q = c.req.valid('query');
      const diff = outcomeValue(await flow.diff(model, q.from, q.to));
      return c.json(diff as unknown as Record<string, unknown>, 200);
    },
  );

  return app;
}
