/**
 * /api/models: the definition lifecycle (server/src/governance/CONTEXT.md). Analysts and admins draft,
 * edit, validate, preview, submit and diff; admins approve, reject and roll back. Viewers get 403.
 */
import { Hono } from 'hono';
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
import { definitionWorkflow, type Outcome } from '../../governance/definition-workflow.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { ModelVersion } from '../../store/model-versions.ts';
import type { Store } from '../../store/open-store.ts';
import { MODEL_VERSION_STATUSES } from '../../store/schema.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { actorOf, allowRoles, parseWith, readBody, sendRefusal } from '../governance-http.ts';

/** What the definition routes need. */
export interface DefinitionRoutesOptions {
  store: Store;
  registry: ModelRegistry;
  /** Let authors approve their own versions (single-admin installs); default false. */
  allowSelfReview?: boolean;
}

const ModelParam = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a model id');
const VersionParam = z.coerce.number().int().positive().max(1_000_000);
const VersionParams = z.object({ model: ModelParam, no: VersionParam });
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

/**
 * The router to mount at /api/models behind `authenticate(store)`.
 * @example api.route('/models', definitionRoutes({ store, registry }));
 */
export function definitionRoutes(options: DefinitionRoutesOptions) {
  const { registry } = options;
  const flow = definitionWorkflow(options);
  const app = new Hono<AuthEnv>();
  app.use('*', allowRoles('analyst', 'admin'));
  const adminOnly = allowRoles('admin');

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
  const reply = <T>(c: Parameters<typeof sendRefusal>[0], outcome: Outcome<T>, ok: (value: T) => Response) =>
    outcome.ok ? ok(outcome.value) : sendRefusal(c, outcome);

  app.get('/', async (c) => {
    const models = await Promise.all(
      registry.list().map(async ({ runtime, versionNo }) => ({
        id: runtime.model.id,
        label: runtime.model.label,
        activeVersion: versionNo,
        publishedVersion: (await options.store.modelVersions.published(runtime.model.id))?.versionNo ?? null,
        inReview: (await flow.list(runtime.model.id, 'in_review')).length,
      })),
    );
    return c.json({ models });
  });

  app.get('/:model/versions', async (c) => {
    const model = parseWith(c, ModelParam, c.req.param('model'));
    if (model instanceof Response) return model;
    const query = parseWith(c, ListQuery, c.req.query());
    if (query instanceof Response) return query;
    return c.json({ versions: (await flow.list(model, query.status)).map((v) => view(v)) });
  });

  app.get('/:model/versions/:no', async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    return reply(c, await flow.find(p.model, p.no), (v) => c.json({ version: view(v, true) }));
  });

  app.post('/:model/drafts', async (c) => {
    const model = parseWith(c, ModelParam, c.req.param('model'));
    if (model instanceof Response) return model;
    const body = await readBody(c, DraftBody);
    if (body instanceof Response) return body;
    const outcome = await flow.createDraft(model, actorOf(c), body.fromVersion);
    return reply(c, outcome, (v) => c.json({ version: view(v, true) }, 201));
  });

  type Change = Parameters<typeof flow.edit>[3];
  /**
   * One edit of a draft: the path and (unless `body` is null) the JSON body are validated, `edit` says
   * how the files change and what the audit records; the reply is the draft and its validation.
   */
  const editRoute =
    <P extends z.ZodType<{ model: string; no: number }>, B extends z.ZodType>(
      params: P,
      body: B | null,
      edit: (p: z.infer<P>, b: z.infer<B>) => { change: Change; what: Record<string, unknown> },
    ) =>
    async (c: Parameters<typeof sendRefusal>[0]) => {
      const p = parseWith(c, params, c.req.param());
      if (p instanceof Response) return p;
      // Without a body schema (a delete) the request body is not read and `edit` gets undefined.
      const b = body ? await readBody(c, body) : undefined;
      if (b instanceof Response) return b;
      const { change, what } = edit(p, b as z.infer<B>);
      return reply(c, await flow.edit(p.model, p.no, actorOf(c), change, what), ({ version, validation }) =>
        c.json({
          version: view(version, true),
          validation: { ok: validation.ok, issues: validation.issues },
        }),
      );
    };

  app.put(
    '/:model/versions/:no/files',
    editRoute(VersionParams, FilesBodySchema, (_, body) => ({
      change: (files) => applyFiles(files, body.files),
      what: { files: Object.keys(body.files).sort() },
    })),
  );
  app.put(
    '/:model/versions/:no/churn-window',
    editRoute(VersionParams, ChurnWindowSchema, (_, body) => ({
      change: (files) => applyEdits(files, churnWindowEdits(body)),
      what: { member: 'churn.window', ...body },
    })),
  );
  app.put(
    '/:model/versions/:no/:kind/:id/synonyms',
    editRoute(SynonymParams, SynonymsSchema, (p, body) => ({
      change: (files) => applyEdits(files, [synonymsEdit(p.kind, p.id, body)]),
      what: { member: `${p.kind}.${p.id}.synonyms` },
    })),
  );
  app.put(
    '/:model/versions/:no/:kind/:id',
    editRoute(MemberParams, MemberBodySchema, (p, body) => ({
      change: (files) => applyEdits(files, [memberEdit(p.kind, p.id, body)]),
      what: { member: `${EDITABLE_KINDS[p.kind]}.${p.id}` },
    })),
  );
  app.delete(
    '/:model/versions/:no/:kind/:id',
    editRoute(MemberParams, null, (p) => ({
      change: (files) => applyEdits(files, [memberEdit(p.kind, p.id, undefined)]),
      what: { member: `${EDITABLE_KINDS[p.kind]}.${p.id}`, deleted: true },
    })),
  );

  app.post('/:model/versions/:no/validate', async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    return reply(c, await flow.validate(p.model, p.no, actorOf(c)), (check) =>
      c.json({ ok: check.ok, issues: check.issues }),
    );
  });

  app.post('/:model/versions/:no/preview', async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    const body = await readBody(c, PreviewBody);
    if (body instanceof Response) return body;
    return reply(c, await flow.preview(p.model, p.no, actorOf(c), body.queries), (preview) =>
      c.json(preview),
    );
  });

  app.post('/:model/versions/:no/submit', async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    return reply(c, await flow.submit(p.model, p.no, actorOf(c)), (v) => c.json({ version: view(v) }));
  });

  app.post('/:model/versions/:no/approve', adminOnly, async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    const body = await readBody(c, ApproveBody);
    if (body instanceof Response) return body;
    return reply(c, await flow.approve(p.model, p.no, actorOf(c), body.comment), (v) =>
      c.json({ version: view(v) }),
    );
  });

  app.post('/:model/versions/:no/reject', adminOnly, async (c) => {
    const p = parseWith(c, VersionParams, c.req.param());
    if (p instanceof Response) return p;
    const body = await readBody(c, RejectBody);
    if (body instanceof Response) return body;
    return reply(c, await flow.reject(p.model, p.no, actorOf(c), body.comment), (v) =>
      c.json({ version: view(v) }),
    );
  });

  app.post('/:model/rollback', adminOnly, async (c) => {
    const model = parseWith(c, ModelParam, c.req.param('model'));
    if (model instanceof Response) return model;
    const body = await readBody(c, RollbackBody);
    if (body instanceof Response) return body;
    const outcome = await flow.rollback(model, body.toVersion, actorOf(c), body.comment);
    return reply(c, outcome, (v) => c.json({ version: view(v) }, 201));
  });

  app.get('/:model/diff', async (c) => {
    const model = parseWith(c, ModelParam, c.req.param('model'));
    if (model instanceof Response) return model;
    const q = parseWith(c, DiffQuery, c.req.query());
    if (q instanceof Response) return q;
    return reply(c, await flow.diff(model, q.from, q.to), (diff) => c.json(diff));
  });

  return app;
}
