import { Hono } from 'hono';
import { catalogFor } from '../../data/user-catalog.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { type AuthEnv, jsonError } from '../auth/auth-context.ts';
import { exampleQuestions } from './example-questions.ts';

/** GET /api/catalog?model=: metrics and dimensions with definitions, owners, values and example questions. */
export function catalogRoutes(registry: ModelRegistry) {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const id = c.req.query('model') ?? registry.defaultModelId;
    if (!registry.has(id)) return jsonError(c, 404, 'unknown_model', `No model named ${id}`);
    const { runtime, versionNo } = registry.get(id);
    // Values and counts under the user's row-level security (a regional manager sees their region's).
    const catalog = await catalogFor(runtime, c.get('user').attributes);
    return c.json({
      ...catalog,
      versionNo,
      dimensions: catalog.dimensions.map((d) => ({ ...d, values: d.values.slice(0, 200) })),
      examples: exampleQuestions(catalog),
      models: registry.list().map((m) => ({ id: m.runtime.model.id, label: m.runtime.catalog.label })),
    });
  });
  return app;
}
