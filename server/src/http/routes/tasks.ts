import { z } from 'zod';
import { businessDay } from '../../campaigns/campaign-days.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { TASK_STATUSES } from '../../store/schema.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';

const Patch = z.object({ status: z.enum(TASK_STATUSES) });
const Task = z.looseObject({ id: z.string(), owner: z.string(), dueDate: z.string(), status: z.string() });
const TaskList = z.object({
  owner: z.string(),
  today: z.string(),
  overdue: z.number().int(),
  tasks: z.array(Task.extend({ overdue: z.boolean() })),
});
const declare = { tags: ['tasks'], security: SIGNED_IN };

/**
 * GET /api/tasks — "我的待办": the signed-in user's open tasks by due date, each marked overdue when its
 * due date is before the business day (the data's present); `?owner=` lets an admin read another's.
 * PATCH /api/tasks/{id} {status} — the owner (or an admin) closes or reopens a task.
 */
export function taskRoutes(deps: { store: Store; registry: ModelRegistry; now?: () => Date }) {
  const app = apiRouter<AuthEnv>();
  const today = () => {
    const id = deps.registry.defaultModelId;
    const asOf = deps.registry.has(id) ? deps.registry.get(id).runtime.asOf : null;
    const now = deps.now?.() ?? new Date();
    return asOf ? businessDay(now, asOf) : now.toISOString().slice(0, 10);
  };

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The signed-in user's open tasks (an admin may name another owner)",
      request: { query: z.object({ owner: z.string().max(64).optional() }) },
      responses: { 200: jsonResponse('Open tasks by due date', TaskList) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const user = c.get('user');
      const asked = c.req.valid('query').owner;
      const owner = user.role === 'admin' ? (asked ?? user.username) : user.username;
      const day = today();
      const tasks = await deps.store.tasks.ofOwner(owner);
      const rows = tasks.map((t) => ({ ...t, overdue: t.dueDate < day }));
      return c.json({ owner, today: day, overdue: rows.filter((t) => t.overdue).length, tasks: rows }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'patch',
      path: '/{id}',
      summary: 'Closes or reopens a task (its owner or an admin)',
      request: { params: z.object({ id: z.string().max(64) }), body: jsonBody(Patch) },
      responses: { 200: jsonResponse('The task', z.object({ task: Task })) },
      errors: ['unauthenticated', 'csrf_failed', 'task_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { status } = c.req.valid('json');
      const task = await deps.store.tasks.get(id);
      if (!task || (task.owner !== user.username && user.role !== 'admin'))
        throw new ApiError('task_not_found');
      const updated = await deps.store.tasks.setStatus(task.id, status);
      if (!updated) throw new ApiError('task_not_found');
      return c.json({ task: updated }, 200);
    },
  );
  return app;
}
