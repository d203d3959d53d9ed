import { Hono } from 'hono';
import { z } from 'zod';
import { businessDay } from '../../campaigns/campaign-days.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { TASK_STATUSES } from '../../store/schema.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';
import { jsonError, parseJsonBody } from './plain-json.ts';

const Patch = z.object({ status: z.enum(TASK_STATUSES) });

/**
 * GET /api/tasks — "我的待办": the signed-in user's open tasks by due date, each marked overdue when its
 * due date is before the business day (the data's present); `?owner=` lets an admin read another's.
 * PATCH /api/tasks/:id {status} — the owner (or an admin) closes or reopens a task.
 */
export function taskRoutes(deps: { store: Store; registry: ModelRegistry; now?: () => Date }) {
  const app = new Hono<AuthEnv>();
  const today = () => {
    const id = deps.registry.defaultModelId;
    const asOf = deps.registry.has(id) ? deps.registry.get(id).runtime.asOf : null;
    const now = deps.now?.() ?? new Date();
    return asOf ? businessDay(now, asOf) : now.toISOString().slice(0, 10);
  };

  app.get('/', async (c) => {
    const user = c.get('user');
    const owner = user.role === 'admin' ? (c.req.query('owner') ?? user.username) : user.username;
    const day = today();
    const tasks = await deps.store.tasks.ofOwner(owner);
    const rows = tasks.map((t) => ({ ...t, overdue: t.dueDate < day }));
    return c.json({ owner, today: day, overdue: rows.filter((t) => t.overdue).length, tasks: rows });
  });

  app.patch('/:id', async (c) => {
    const lang = requestLanguage(c);
    const body = await parseJsonBody(c, Patch);
    if (body instanceof Response) return body;
    const user = c.get('user');
    const task = await deps.store.tasks.get(c.req.param('id'));
    if (!task || (task.owner !== user.username && user.role !== 'admin'))
      return jsonError(c, 404, 'not_found', lang === 'zh' ? '没有这个待办' : 'No such task');
    return c.json({ task: await deps.store.tasks.setStatus(task.id, body.status) });
  });
  return app;
}
