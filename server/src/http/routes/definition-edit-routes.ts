import type { z } from 'zod';
import {
  applyEdits,
  applyFiles,
  ChurnWindowSchema,
  churnWindowEdits,
  EDITABLE_KINDS,
  FilesBodySchema,
  MemberBodySchema,
  memberEdit,
  SynonymsSchema,
  synonymsEdit,
} from '../../governance/definition-edits.ts';
import { apiRoute, jsonBody, jsonResponse } from '../api-router.ts';
import { actorOf, outcomeValue } from '../governance-http.ts';
import type { DefinitionRouter } from './definition-router.ts';
import {
  declare,
  EDIT_ERRORS,
  EditReply,
  MemberParams,
  SynonymParams,
  VersionParams,
} from './definition-schemas.ts';

/** The edits of a draft: whole files, the churn window, synonyms, and a member added, replaced or deleted. */
export function mountEditRoutes({ app, flow, view }: DefinitionRouter): void {
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
}
