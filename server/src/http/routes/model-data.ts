/**
 * /api/data: new data for a served model while the server runs. `npm run ingest` stages it beside the
 * served database (the server holds that file) and calls `POST /api/data/{model}/reload`, which swaps it in
 * and rebuilds the derived tables without a restart (models/staged-data.ts). Admins only.
 */
import { z } from 'zod';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { reloadStaged } from '../../models/staged-data.ts';
import { openModelEngine } from '../../pipeline/model-engine.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';

const ModelParam = z.object({ model: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a model id') });
const Reloaded = z.object({ model: z.string(), seconds: z.number() }).meta({ id: 'DataReloaded' });

/** The router to mount at /api/data behind `authenticate(store)`. */
export function modelDataRoutes(deps: { registry: ModelRegistry; dataDir: string }) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('admin'));
  app.openapi(
    apiRoute({
      tags: ['models'],
      security: SIGNED_IN,
      method: 'post',
      path: '/{model}/reload',
      summary:
        'Serve the data `npm run ingest` staged for a model (<model>.staged.duckdb), without a restart',
      request: { params: ModelParam },
      responses: { 200: jsonResponse('The model now answers from the new data', Reloaded) },
      errors: [
        'unauthenticated',
        'csrf_failed',
        'forbidden',
        'unknown_model',
        'nothing_staged',
        'reload_failed',
      ],
    }),
    async (c) => {
      const { model } = c.req.valid('param');
      const outcome = await reloadStaged(deps.registry, deps.dataDir, model, () =>
        openModelEngine(deps.dataDir, model),
      );
      if (!outcome.ok) throw new ApiError(outcome.code, { model, detail: outcome.detail ?? '' });
      return c.json({ model, seconds: outcome.seconds }, 200);
    },
  );
  return app;
}
