/** /api/audit: the audit log for admins, filtered by action, user and time range, paginated by cursor. */
import { z } from 'zod';
import { queryAudit } from '../../governance/audit-query.ts';
import { isUuid } from '../../store/db.ts';
import type { Store } from '../../store/open-store.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';

const AuditQuery = z.object({
  /** Exact action, or a prefix with `*` (`model.*`). */
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'an action such as model.approve, or a prefix such as model.*')
    .max(100)
    .optional(),
  /** A username or a user id. */
  user: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * The router to mount at /api/audit behind `authenticate(store)`.
 * @example api.route('/audit', auditRoutes({ store }));
 */
export function auditRoutes({ store }: { store: Store }) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('admin'));
  const route = apiRoute({
    method: 'get',
    path: '/',
    summary: 'The audit log, newest first, filtered by action, user and time, paginated by cursor (admin)',
    tags: ['audit'],
    security: SIGNED_IN,
    request: { query: AuditQuery },
    responses: {
      200: jsonResponse(
        'A page',
        z.object({ entries: z.array(z.looseObject({})), nextCursor: z.number().nullable() }),
      ),
    },
    errors: ['unauthenticated', 'forbidden'],
  });

  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    let userId: string | undefined;
    if (q.user) {
      const user = isUuid(q.user)
        ? await store.users.findById(q.user)
        : await store.users.findByUsername(q.user);
      // An unknown user has no entries: answer an empty page rather than ignore the filter.
      if (!user) return c.json({ entries: [], nextCursor: null }, 200);
      userId = user.id;
    }
    const page = await queryAudit(store, {
      action: q.action,
      userId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
      before: q.cursor,
      limit: q.limit,
    });
    return c.json(page as unknown as { entries: Record<string, unknown>[]; nextCursor: number | null }, 200);
  });

  return app;
}
