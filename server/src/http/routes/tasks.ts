import { z } from 'zod';
import { myTasks, taskDay } from '../../campaigns/my-tasks.ts';
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
const OverdueReport = z.object({
  today: z.string(),
  total: z.number().int(),
  byOwner: z.array(z.object({ owner: z.string(), count: z.number().int() })),
  tasks: z.array(Task),
});
const declare = { tags: ['tasks'], security: SIGNED_IN };

/**
 * GET /api/tasks — "我的待办": the signed-in user's open tasks by due date, each marked overdue when its
 * due date is before the business day (the data's present); `?owner=` lets an admin read another's.
 * GET /api/tasks/overdue — open tasks past their due date (all owners for an admin), counted per owner.
 * PATCH /api/tasks/{id} {status} — the owner (or an admin) closes or reopens a task.
 */
export function taskRoutes(deps: { store: Store; registry: ModelRegistry; now?: () => Date }) {
  const app = apiRouter<AuthEnv>();
  const today = () => taskDay(deps.registry, deps.now?.() ?? new Date());

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
      const mine = await myTasks(deps.store, owner, today());
      return c.json({ owner, today: mine.today, overdue: mine.overdue, tasks: mine.tasks }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/overdue',
      summary: 'Overdue open tasks: all owners for an admin, otherwise the signed-in user’s',
      responses: { 200: jsonResponse('Overdue tasks and counts per owner', OverdueReport) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const user = c.get('user');
      const day = today();
      const tasks = await deps.store.tasks.overdue(day, user.role === 'admin' ? undefined : user.username);
      const counts = new Map<string, number>();
      for (const t of tasks) counts.set(t.owner, (counts.get(t.owner) ?? 0) + 1);
      const byOwner = [...counts].map(([owner, count]) => ({ owner, count }));
      byOwner.sort((a, b) => b.count - a.count || a.owner.localeCompare(b.owner));
      return c.json({ today: day, total: tasks.length, byOwner, tasks }, 200);
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
