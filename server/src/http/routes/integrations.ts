/**
 * /api/integrations (admin): which chat channels are configured (no secrets), their jobs by status and
 * the latest failed deliveries — a delivery that failed is visible here, never silent.
 */
import { z } from 'zod';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';

export function integrationRoutes(status: () => Promise<unknown>) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('admin'));
  const route = apiRoute({
    method: 'get',
    path: '/',
    summary: 'Configured channels, jobs by status, recent delivery failures (never a secret)',
    tags: ['channels'],
    security: SIGNED_IN,
    responses: {
      200: jsonResponse(
        'Integration status',
        z.looseObject({}).meta({
          description:
            '`{ slack, wecomApp, wecomBot: { configured, routes, apiUrl… }, rateLimitPerMinute, jobs, recentFailures }`',
        }),
      ),
    },
    errors: ['unauthenticated', 'forbidden'],
  });
  app.openapi(route, async (c) => c.json((await status()) as Record<string, unknown>, 200));
  return app;
}
