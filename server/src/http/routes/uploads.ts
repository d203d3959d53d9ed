/**
 * /api/uploads: an analyst uploads a CSV (the body, streamed to disk and limited), sees the model the
 * scaffolder proposes for it, re-proposes it with corrections, and submits it as a new model's draft for
 * review (uploads/upload-service.ts). Approval goes through /api/models like any version.
 */
import { z } from 'zod';
import { snakeName } from '../../data/scaffold/guess-model.ts';
import { ATTRIBUTE_ROLES, type AttributeRole } from '../../data/scaffold/plan-edits.ts';
import type { UploadRecord } from '../../uploads/upload-files.ts';
import type { ModelChoices, Proposal, UploadOutcome, UploadService } from '../../uploads/upload-service.ts';
import { ApiError, type ApiErrorCode } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { actorOf } from '../governance-http.ts';
import { requestLanguage } from '../request-language.ts';

const Text = z.string().trim().max(200);
const Bilingual = z.strictObject({ en: Text.optional(), zh: Text.optional() });
const ColumnEdit = z.strictObject({
  role: z.enum(ATTRIBUTE_ROLES as [AttributeRole, ...AttributeRole[]]).optional(),
  label: Bilingual.optional(),
  values: z.record(z.string().max(200), Bilingual).optional(),
  merge: z.record(z.string().max(200), z.string().max(200)).optional(),
});
const ChoicesSchema = z
  .strictObject({
    model: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'snake_case: a-z, 0-9, _'),
    key: z.string().max(200).optional(),
    churnColumn: z.string().max(200).optional(),
    clean: z.boolean().optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'an ISO 4217 code such as USD')
      .optional(),
    edits: z
      .strictObject({
        label: Bilingual.optional(),
        columns: z.record(z.string().max(200), ColumnEdit).optional(),
      })
      .optional(),
  })
  .meta({ id: 'UploadChoices' });
const IdParam = z.object({ id: z.string().uuid() });
const UploadQuery = z.object({ fileName: z.string().trim().min(1).max(200).optional() });
const UploadView = z
  .object({
    id: z.string(),
    fileName: z.string(),
    bytes: z.number(),
    rows: z.number(),
    columns: z.array(z.looseObject({ name: z.string(), type: z.string() })),
    model: z.string().nullable(),
  })
  .meta({ id: 'Upload' });
const ProposalView = z
  .looseObject({
    model: z.string(),
    plan: z.unknown(),
    files: z.record(z.string(), z.string()),
    metrics: z.array(z.unknown()),
    validation: z.looseObject({ ok: z.boolean() }),
  })
  .meta({ id: 'UploadProposal' });
const Reply = z.object({ upload: UploadView, proposal: ProposalView });
const declare = { tags: ['uploads'], security: SIGNED_IN };
const BASE_ERRORS: ApiErrorCode[] = ['unauthenticated', 'csrf_failed', 'forbidden'];
const PLAN_ERRORS: ApiErrorCode[] = [...BASE_ERRORS, 'upload_not_found', 'invalid_plan_edit'];

function uploadValue<T>(outcome: UploadOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new ApiError(outcome.code as ApiErrorCode, outcome.params, outcome.issues);
}

/** An upload as the API shows it: the table's columns (with up to 30 frequent values each). */
function uploadView(r: UploadRecord) {
  return {
    id: r.id,
    fileName: r.fileName,
    bytes: r.bytes,
    rows: r.profile.rows,
    columns: r.profile.columns.map((c) => ({
      name: c.name,
      type: c.type,
      distinct: c.distinct,
      nonNull: c.nonNull,
      top: c.top.slice(0, 30),
    })),
    model: r.model ?? null,
  };
}

const proposalView = (model: string, p: Proposal) => ({ model, ...p });

/** The model id proposed for a file: its name in snake_case (`Ecommerce Churn.csv` → `ecommerce_churn`). */
export function modelIdOf(fileName: string): string {
  return snakeName(fileName.replace(/\.[^.]*$/, '')).slice(0, 64) || 'uploaded';
}

/** The router to mount at /api/uploads behind `authenticate(store)`. */
export function uploadRoutes(service: UploadService) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('analyst', 'admin'));

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Upload a CSV (the request body, text/csv) and get the proposed model',
      request: {
        query: UploadQuery,
        body: {
          required: true,
          content: { 'text/csv': { schema: z.string().meta({ description: 'The CSV file itself' }) } },
        },
      },
      responses: { 201: jsonResponse('The upload and its proposed model', Reply) },
      errors: [
        ...BASE_ERRORS,
        'upload_too_large',
        'csv_empty',
        'csv_no_rows',
        'csv_field_count',
        'csv_open_quote',
        'csv_unreadable',
      ],
    }),
    async (c) => {
      const limitMb = Math.round(service.maxBytes / 1024 / 1024);
      if (Number(c.req.header('content-length') ?? 0) > service.maxBytes)
        throw new ApiError('upload_too_large', { limitMb });
      const body = c.req.raw.body;
      if (!body) throw new ApiError('csv_empty');
      const fileName = c.req.valid('query').fileName ?? 'upload.csv';
      const record = uploadValue(await service.receive(body, fileName, actorOf(c)));
      const model = modelIdOf(fileName);
      const proposal = uploadValue(await service.propose(record, { model }, requestLanguage(c)));
      return c.json({ upload: uploadView(record), proposal: proposalView(model, proposal) }, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/proposal',
      summary: 'The model proposed for an upload with the given choices and corrections (nothing is stored)',
      request: { params: IdParam, body: jsonBody(ChoicesSchema) },
      responses: { 200: jsonResponse('The proposed model', Reply) },
      errors: PLAN_ERRORS,
    }),
    async (c) => {
      const record = uploadValue(service.find(c.req.valid('param').id, actorOf(c)));
      const choices: ModelChoices = c.req.valid('json');
      const proposal = uploadValue(await service.propose(record, choices, requestLanguage(c)));
      return c.json({ upload: uploadView(record), proposal: proposalView(choices.model, proposal) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/submit',
      summary: 'Submit the proposed model as a draft of a new model for review (an admin approves it)',
      request: { params: IdParam, body: jsonBody(ChoicesSchema) },
      responses: {
        201: jsonResponse(
          'The new model version, in review',
          z.object({
            version: z.looseObject({ model: z.string(), versionNo: z.number(), status: z.string() }),
            proposal: ProposalView,
          }),
        ),
      },
      errors: [...PLAN_ERRORS, 'model_exists', 'invalid_definition'],
    }),
    async (c) => {
      const actor = actorOf(c);
      const record = uploadValue(service.find(c.req.valid('param').id, actor));
      const choices: ModelChoices = c.req.valid('json');
      const { version, proposal } = uploadValue(
        await service.submit(record, choices, actor, requestLanguage(c)),
      );
      return c.json(
        {
          version: {
            id: version.id,
            model: version.model,
            versionNo: version.versionNo,
            status: version.status,
          },
          proposal: proposalView(choices.model, proposal),
        },
        201,
      );
    },
  );
  return app;
}
