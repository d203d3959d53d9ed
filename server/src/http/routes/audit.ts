/** /api/audit: the audit log for admins, filtered by action, user and time range, paginated by cursor. */
import { Hono } from 'hono';
import { z } from 'zod';
import { queryAudit } from '../../governance/audit-query.ts';
import { isUuid } from '../../store/db.ts';
import type { Store } from '../../store/open-store.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { allowRoles, parseWith } from '../governance-http.ts';

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
  const app = new Hono<AuthEnv>();
  app.use('*', allowRoles('admin'));

  app.get('/', async (c) => {
    const q = parseWith(c, AuditQuery, c.req.query());
    if (q instanceof Response) return q;
    let userId: string | undefined;
    if (q.user) {
      const user = isUuid(q.user)
        ? await store.users.findById(q.user)
        : await store.users.findByUsername(q.user);
      // An unknown user has no entries: answer an empty page rather than ignore the filter.
      if (!user) return c.json({ entries: [], nextCursor: null });
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
    return c.json(page);
  });

  return app;
}
