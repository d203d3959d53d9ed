import { apiRoute, jsonBody, jsonResponse, optionalJsonBody } from '../api-router.ts';
import { requireRole } from '../auth/authenticate.ts';
import { actorOf, outcomeValue } from '../governance-http.ts';
import type { DefinitionRouter } from './definition-router.ts';
import {
  ApproveBody,
  declare,
  ModelParam,
  REVIEW_ERRORS,
  RejectBody,
  RollbackBody,
  SubmitBody,
  VersionParams,
  VersionReply,
} from './definition-schemas.ts';

/** The review of a version: submit (its author), approve, reject and roll back (admins). */
export function mountReviewRoutes({ app, flow, view }: DefinitionRouter): void {
  const adminOnly = requireRole('admin');

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{model}/versions/{no}/submit',
      summary: "Submits a draft for review, with the author's note on why (optional)",
      request: { params: VersionParams, body: optionalJsonBody(SubmitBody) },
      responses: { 200: jsonResponse('Submitted', VersionReply) },
      errors: [...REVIEW_ERRORS, 'not_author'],
    }),
    async (c) => {
      const p = c.req.valid('param');
      const { note } = (c.req.valid('json') ?? {}) as { note?: string };
      const submitted = outcomeValue(await flow.submit(p.model, p.no, actorOf(c), note || undefined));
      return c.json({ version: view(submitted) }, 200);
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
}
