/**
 * /api/wrong-answers: thumbs-down answers for analysts to correct, and their export as eval cases
 * (GET /export.yaml, the evals/questions format).
 */
import { z } from 'zod';
import { compile } from '../../../../semantic-layer/src/index.ts';
import { exportEvalCases } from '../../governance/eval-export.ts';
import { CorrectionSchema, listWrongAnswers, recordCorrection } from '../../governance/wrong-answers.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { actorOf } from '../governance-http.ts';
import { httpMessage } from '../messages/http-messages.ts';
import { requestLanguage } from '../request-language.ts';

const ListQuery = z.object({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** What the wrong-answer routes need; with a registry, corrected queries are checked against the live model. */
export interface WrongAnswerRoutesOptions {
  store: Store;
  registry?: ModelRegistry;
}

/**
 * The router to mount at /api/wrong-answers behind `authenticate(store)`.
 * @example api.route('/wrong-answers', wrongAnswerRoutes({ store, registry }));
 */
export function wrongAnswerRoutes({ store, registry }: WrongAnswerRoutesOptions) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('analyst', 'admin'));
  const declare = { tags: ['wrong-answers'], security: SIGNED_IN };
  const errors = ['unauthenticated', 'forbidden'] as const;

  const listRoute = apiRoute({
    ...declare,
    method: 'get',
    path: '/',
    summary: 'Thumbs-down answers to correct (analyst/admin)',
    request: { query: ListQuery },
    responses: { 200: jsonResponse('The queue', z.object({ items: z.array(z.looseObject({})) })) },
    errors: [...errors],
  });
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const items = await listWrongAnswers(store, {
      status: q.status === 'all' ? undefined : q.status,
      limit: q.limit,
    });
    return c.json({ items: items as unknown as Record<string, unknown>[] }, 200);
  });

  const exportRoute = apiRoute({
    ...declare,
    method: 'get',
    path: '/export.yaml',
    summary: 'The corrected answers as eval cases (the evals/questions YAML format; audited)',
    responses: { 200: { description: 'YAML', content: { 'application/yaml': { schema: z.string() } } } },
    errors: [...errors],
  });
  app.openapi(exportRoute, async (c) => {
    const items = await listWrongAnswers(store, { withCorrection: true, limit: 1000 });
    const exportedOn = new Date().toISOString().slice(0, 10);
    const { yaml, cases, skipped } = exportEvalCases(items, exportedOn);
    const actor = actorOf(c);
    await store.audit.record({
      action: 'feedback.export',
      userId: actor.id,
      target: 'evals',
      details: { cases: cases.length, skipped: skipped.length },
      ip: actor.ip,
    });
    return c.body(yaml, 200, {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="feedback-${exportedOn}.yaml"`,
    });
  });

  const correctionRoute = apiRoute({
    ...declare,
    method: 'put',
    path: '/{id}/correction',
    summary: 'Records the correct interpretation (and expected values) of a thumbs-down answer',
    request: { params: z.object({ id: z.string().max(64) }), body: jsonBody(CorrectionSchema) },
    responses: { 200: jsonResponse('Resolved', z.object({ item: z.looseObject({}) })) },
    errors: [...errors, 'csrf_failed', 'feedback_not_found', 'invalid_correction'],
  });
  app.openapi(correctionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const [item] = await listWrongAnswers(store, { id, limit: 1 });
    if (!item) throw new ApiError('feedback_not_found', { id });
    if (body.query && registry?.has(item.model)) {
      const { model, asOf, engine } = registry.get(item.model).runtime;
      const compiled = compile(model, body.query, { dialect: engine.dialect, asOf });
      if (body.query.model !== item.model || !compiled.ok) {
        const issues = compiled.ok
          ? [
              {
                path: 'query.model',
                message: httpMessage('issue.asked_of_model', requestLanguage(c), { model: item.model }),
              },
            ]
          : compiled.issues.map((i) => ({ path: `query.${i.path ?? ''}`, message: i.message }));
        throw new ApiError(
          'invalid_correction',
          { model: item.model, detail: issues.map((i) => i.message).join('; ') },
          issues,
        );
      }
    }
    const actor = actorOf(c);
    const stored = await recordCorrection(store, item.id, body, actor.id);
    if (!stored) throw new ApiError('feedback_not_found', { id });
    await store.audit.record({
      action: 'feedback.correct',
      userId: actor.id,
      target: item.id,
      details: { kind: body.kind, intent: body.intent ?? null, query: body.query ?? null },
      ip: actor.ip,
    });
    return c.json(
      { item: { ...item, status: 'resolved', correction: stored } } as { item: Record<string, unknown> },
      200,
    );
  });

  return app;
}
