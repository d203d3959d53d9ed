/**
 * /api/models: the definition lifecycle (server/src/governance/CONTEXT.md). Analysts and admins draft,
 * edit, validate, preview, submit and diff; admins approve, reject and roll back. Viewers get 403.
 */
import { z } from 'zod';
import { definitionWorkflow, type WorkflowDeps } from '../../governance/definition-workflow.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { ModelVersion } from '../../store/model-versions.ts';
import type { Store } from '../../store/open-store.ts';
import { apiRoute, apiRouter, jsonResponse, optionalJsonBody } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { actorOf, outcomeValue } from '../governance-http.ts';
import { mountEditRoutes } from './definition-edit-routes.ts';
import { mountReviewRoutes } from './definition-review-routes.ts';
import {
  BASE_ERRORS,
  DiffQuery,
  DraftBody,
  declare,
  IssueSchema,
  ListQuery,
  ModelParam,
  PreviewBody,
  VersionParams,
  VersionReply,
  VersionSchema,
  versionView,
} from './definition-schemas.ts';

/** What the definition routes need. */
export interface DefinitionRoutesOptions {
  store: Store;
  registry: ModelRegistry;
  /** Let authors approve their own versions (single-admin installs); default false. */
  allowSelfReview?: boolean;
  /** Serves an approved model the registry does not know yet (an uploaded table). */
  activateNew?: WorkflowDeps['activateNew'];
}

/**
 * The router to mount at /api/models behind `authenticate(store)`.
 * @example api.route('/models', definitionRoutes({ store, registry }));
 */
export function definitionRoutes(options: DefinitionRoutesOptions) {
  const { registry } = options;
  const flow = definitionWorkflow(options);
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('analyst', 'admin'));

  const view = (v: ModelVersion, withFiles = false) => versionView(registry, v, withFiles);
  const parts = { app, flow, view };

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

  mountEditRoutes(parts);

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

  mountReviewRoutes(parts);

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
