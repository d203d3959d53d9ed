/**
 * Monitors over HTTP (OpenAPI-declared): the governed monitors of a model, the signed-in user's
 * subscriptions (create, list, delete; from the chat: recognise → confirm → create), their inbox of insights
 * (read/unread), and the delivery log for admins.
 */
import { z } from 'zod';
import { recogniseSubscription } from '../../ask/subscription-request.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Clock } from '../../monitors/clock.ts';
import { WEEKLY_DIGEST } from '../../monitors/digest.ts';
import { nextOccurrence } from '../../monitors/schedule.ts';
import { SubscriptionRequestSchema, subscribe } from '../../monitors/subscriptions.ts';
import { pipelineMessages } from '../../pipeline/pipeline-messages.ts';
import type { Subscription } from '../../store/monitor-store.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { requestLanguage } from '../request-language.ts';

export interface MonitorRouteDeps {
  store: Store;
  registry: ModelRegistry;
  clock: Clock;
}

const declare = { tags: ['monitors'], security: SIGNED_IN };
const Any = z.record(z.string(), z.unknown());

const view = (s: Subscription, now: Date) => ({
  id: s.id,
  model: s.modelId,
  monitorId: s.monitorId,
  question: s.question,
  channel: s.channel,
  target: s.channel === 'wecom_webhook' ? '••••' : s.target,
  cron: s.cron,
  timezone: s.timezone,
  language: s.language,
  active: s.active,
  createdAt: s.createdAt,
  nextRun: safeNext(s, now),
});

function safeNext(s: Subscription, now: Date): Date | null {
  try {
    return nextOccurrence(s.cron, s.timezone, now);
  } catch {
    return null;
  }
}

/** `/api/monitors`, `/api/subscriptions`, `/api/inbox`, `/api/monitor-deliveries`. */
export function monitorRoutes(deps: MonitorRouteDeps) {
  const { store, registry, clock } = deps;

  const monitors = apiRouter<AuthEnv>();
  monitors.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The model's governed monitors and the weekly review",
      request: { query: z.object({ model: z.string().max(64).optional() }) },
      responses: { 200: jsonResponse('Monitors', z.object({ model: z.string(), monitors: z.array(Any) })) },
      errors: ['unauthenticated', 'unknown_model'],
    }),
    (c) => {
      const { model: id } = c.req.valid('query');
      if (id && !registry.has(id)) throw new ApiError('unknown_model', { model: id });
      const model = registry.get(id).runtime.model;
      return c.json(
        {
          model: model.id,
          monitors: [
            ...Object.entries(model.monitors).map(([mid, m]) => ({ id: mid, ...m })),
            {
              id: WEEKLY_DIGEST,
              kind: 'digest',
              label: { zh: '每周回顾', en: 'Weekly review' },
              schedule: { cron: '0 9 * * 1', timezone: model.timezone },
            },
          ],
        },
        200,
      );
    },
  );

  const subscriptions = apiRouter<AuthEnv>();
  subscriptions.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The user's subscriptions with their next run",
      responses: { 200: jsonResponse('Subscriptions', z.object({ subscriptions: z.array(Any) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const now = clock.now();
      const rows = await store.monitors.forUser(c.get('user').id);
      return c.json({ subscriptions: rows.map((s) => view(s, now)) }, 200);
    },
  );
  subscriptions.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Subscribes to a monitor, the weekly review or any question, on a schedule and a channel',
      request: { body: jsonBody(SubscriptionRequestSchema) },
      responses: { 201: jsonResponse('Created', z.object({ subscription: Any })) },
      errors: ['unauthenticated', 'csrf_failed', 'invalid_request', 'invalid_subscription', 'unknown_model'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await subscribe(deps, c.get('user'), body, requestLanguage(c, body.language));
      if (!result.ok)
        throw result.code === 'unknown_model'
          ? new ApiError('unknown_model', { model: '' })
          : new ApiError('invalid_subscription', { detail: result.message });
      await store.audit.record({
        action: 'subscription.create',
        userId: c.get('user').id,
        target: result.subscription.id,
      });
      return c.json({ subscription: view(result.subscription, clock.now()) }, 201);
    },
  );
  subscriptions.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/recognise',
      summary: 'Reads a chat message as a subscription request: the proposal to confirm (nothing is created)',
      request: { body: jsonBody(z.object({ text: z.string().trim().min(1).max(500) })) },
      responses: {
        200: jsonResponse('Proposal', z.object({ proposal: Any.nullable(), confirm: z.string().optional() })),
      },
      errors: ['unauthenticated', 'csrf_failed', 'invalid_request'],
    }),
    (c) => {
      const proposal = recogniseSubscription(c.req.valid('json').text);
      if (!proposal) return c.json({ proposal: null }, 200);
      const confirm = pipelineMessages.subscriptionConfirm(proposal.language, {
        question: proposal.question,
        schedule: proposal.scheduleText,
        timezone: registry.get().runtime.model.timezone,
        channel: pipelineMessages.channelName(proposal.language, proposal.channel),
      });
      return c.json({ proposal: { ...proposal }, confirm }, 200);
    },
  );
  subscriptions.openapi(
    apiRoute({
      ...declare,
      method: 'patch',
      path: '/{id}',
      summary: "Pauses (`active: false`) or resumes one of the user's subscriptions",
      request: {
        params: z.object({ id: z.string().max(64) }),
        body: jsonBody(z.strictObject({ active: z.boolean() })),
      },
      responses: { 200: jsonResponse('Updated', z.object({ subscription: Any })) },
      errors: ['unauthenticated', 'csrf_failed', 'invalid_request', 'subscription_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { active } = c.req.valid('json');
      const row = await store.monitors.setActive(user.id, id, active, clock.now());
      if (!row) throw new ApiError('subscription_not_found');
      await store.audit.record({
        action: active ? 'subscription.resume' : 'subscription.pause',
        userId: user.id,
        target: id,
      });
      return c.json({ subscription: view(row, clock.now()) }, 200);
    },
  );
  subscriptions.openapi(
    apiRoute({
      ...declare,
      method: 'delete',
      path: '/{id}',
      summary: "Deletes one of the user's subscriptions",
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 204: { description: 'Deleted' } },
      errors: ['unauthenticated', 'csrf_failed', 'subscription_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      if (!(await store.monitors.unsubscribe(user.id, id))) throw new ApiError('subscription_not_found');
      await store.audit.record({ action: 'subscription.delete', userId: user.id, target: id });
      return c.body(null, 204);
    },
  );

  const inbox = apiRouter<AuthEnv>();
  inbox.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The user's insights, newest first (`unread=1`: unread only)",
      request: { query: z.object({ unread: z.enum(['0', '1']).optional() }) },
      responses: {
        200: jsonResponse('Insights', z.object({ unread: z.number(), insights: z.array(Any) })),
      },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const rows = await store.monitors.inbox(c.get('user').id, {
        unreadOnly: c.req.valid('query').unread === '1',
      });
      return c.json(
        {
          unread: rows.filter((r) => !r.readAt).length,
          insights: rows.map((r) => ({
            id: r.id,
            title: r.title,
            body: r.body,
            question: r.question,
            monitorId: r.monitorId,
            model: r.modelId,
            content: r.content,
            createdAt: r.createdAt,
            read: r.readAt !== null,
          })),
        },
        200,
      );
    },
  );
  inbox.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/read',
      summary: 'Marks an insight read (or unread with `{"read": false}`)',
      request: {
        params: z.object({ id: z.string().max(64) }),
        body: jsonBody(z.object({ read: z.boolean().default(true) })),
      },
      responses: { 204: { description: 'Marked' } },
      errors: ['unauthenticated', 'csrf_failed', 'invalid_request', 'insight_not_found'],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { read } = c.req.valid('json');
      if (!(await store.monitors.markRead(c.get('user').id, id, read, clock.now())))
        throw new ApiError('insight_not_found');
      return c.body(null, 204);
    },
  );

  const deliveries = apiRouter<AuthEnv>();
  deliveries.use('*', requireRole('admin'));
  deliveries.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: 'The delivery log of monitor firings, every attempt (admins)',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() }) },
      responses: { 200: jsonResponse('Deliveries', z.object({ deliveries: z.array(Any) })) },
      errors: ['unauthenticated', 'forbidden'],
    }),
    async (c) =>
      c.json({ deliveries: await store.monitors.deliveries(c.req.valid('query').limit ?? 200) }, 200),
  );

  return {
    '/monitors': monitors,
    '/subscriptions': subscriptions,
    '/inbox': inbox,
    '/monitor-deliveries': deliveries,
  };
}
