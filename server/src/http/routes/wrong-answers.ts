/**
 * /api/wrong-answers: thumbs-down answers for analysts to correct, and their export as eval cases
 * (GET /export.yaml, the evals/questions format).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { compile } from '../../../../semantic-layer/src/index.ts';
import { exportEvalCases } from '../../governance/eval-export.ts';
import { CorrectionSchema, listWrongAnswers, recordCorrection } from '../../governance/wrong-answers.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { actorOf, allowRoles, parseWith, readBody, sendError } from '../governance-http.ts';

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
  const app = new Hono<AuthEnv>();
  app.use('*', allowRoles('analyst', 'admin'));

  app.get('/', async (c) => {
    const q = parseWith(c, ListQuery, c.req.query());
    if (q instanceof Response) return q;
    const items = await listWrongAnswers(store, {
      status: q.status === 'all' ? undefined : q.status,
      limit: q.limit,
    });
    return c.json({ items });
  });

  app.get('/export.yaml', async (c) => {
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

  app.put('/:id/correction', async (c) => {
    const id = c.req.param('id');
    const body = await readBody(c, CorrectionSchema);
    if (body instanceof Response) return body;
    const [item] = await listWrongAnswers(store, { id, limit: 1 });
    if (!item) return sendError(c, 'feedback_not_found', { id });
    if (body.query && registry?.has(item.model)) {
      const { model, asOf } = registry.get(item.model).runtime;
      const compiled = compile(model, body.query, { dialect: 'duckdb', asOf });
      if (body.query.model !== item.model || !compiled.ok) {
        const issues = compiled.ok
          ? [{ path: 'query.model', message: `the question was asked of ${item.model}` }]
          : compiled.issues.map((i) => ({ path: `query.${i.path ?? ''}`, message: i.message }));
        return sendError(
          c,
          'invalid_query',
          { model: item.model, detail: issues.map((i) => i.message).join('; ') },
          issues,
        );
      }
    }
    const actor = actorOf(c);
    const stored = await recordCorrection(store, item.id, body, actor.id);
    if (!stored) return sendError(c, 'feedback_not_found', { id });
    await store.audit.record({
      action: 'feedback.correct',
      userId: actor.id,
      target: item.id,
      details: { kind: body.kind, intent: body.intent ?? null, query: body.query ?? null },
      ip: actor.ip,
    });
    return c.json({ item: { ...item, status: 'resolved', correction: stored } });
  });

  return app;
}
