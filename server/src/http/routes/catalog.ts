import { z } from 'zod';
import { catalogFor } from '../../data/user-catalog.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { exampleQuestions } from './example-questions.ts';
import { ModelQuery } from './route-params.ts';

/** GET /api/catalog?model=: metrics and dimensions with definitions, owners, values and example questions. */
export function catalogRoutes(registry: ModelRegistry) {
  const app = apiRouter<AuthEnv>();
  const route = apiRoute({
    method: 'get',
    path: '/',
    summary: "The model's catalog under the user's row-level security",
    description:
      'Metrics and dimensions (labels, synonyms, description, owner, certified, values), example questions; values and counts as the user may see them.',
    tags: ['catalog'],
    security: SIGNED_IN,
    request: { query: ModelQuery },
    responses: {
      200: jsonResponse(
        'The catalog',
        z.looseObject({
          metrics: z.array(z.unknown()),
          dimensions: z.array(z.unknown()),
          versionNo: z.number(),
        }),
      ),
    },
    errors: ['unauthenticated', 'unknown_model'],
  });
  app.openapi(route, async (c) => {
    const id = c.req.valid('query').model ?? registry.defaultModelId;
    if (!registry.has(id)) throw new ApiError('unknown_model', { model: id });
    const { runtime, versionNo } = registry.get(id);
    // Values and counts under the user's row-level security (a regional manager sees their region's).
    const catalog = await catalogFor(runtime, c.get('user').attributes);
    return c.json(
      {
        ...catalog,
        versionNo,
        dimensions: catalog.dimensions.map((d) => ({ ...d, values: d.values.slice(0, 200) })),
        examples: exampleQuestions(catalog),
        models: registry.list().map((m) => ({ id: m.runtime.model.id, label: m.runtime.catalog.label })),
      },
      200,
    );
  });
  return app;
}
