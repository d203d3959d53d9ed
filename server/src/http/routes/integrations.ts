/**
 * /api/integrations (admin): which chat channels are configured (no secrets), their jobs by status and
 * the latest failed deliveries — a delivery that failed is visible here, never silent.
 */
import { Hono } from 'hono';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';

export function integrationRoutes(status: () => Promise<unknown>) {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('admin'));
  app.get('/', async (c) => c.json(await status()));
  return app;
}
