/**
 * Monitors over HTTP (API.md "Monitors and subscriptions"): the governed monitors of a model, the signed-in
 * user's subscriptions (create, list, delete; from the chat: recognise → confirm → create), their inbox of
 * insights (read/unread), and the delivery log for admins.
 */
import { Hono } from 'hono';
import { recogniseSubscription } from '../../ask/subscription-request.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Clock } from '../../monitors/clock.ts';
import { WEEKLY_DIGEST } from '../../monitors/digest.ts';
import { nextOccurrence } from '../../monitors/schedule.ts';
import { SubscriptionRequestSchema, subscribe } from '../../monitors/subscriptions.ts';
import type { Subscription } from '../../store/monitor-store.ts';
import type { Store } from '../../store/open-store.ts';
import { type AuthEnv, jsonError } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { requestLanguage } from '../request-language.ts';

export interface MonitorRouteDeps {
  store: Store;
  registry: ModelRegistry;
  clock: Clock;
}

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

async function jsonBody(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  return c.req.json().catch(() => undefined);
}

/** `/api/monitors`, `/api/subscriptions`, `/api/inbox`, `/api/monitor-deliveries`. */
export function monitorRoutes(deps: MonitorRouteDeps): Record<string, Hono<AuthEnv>> {
  const { store, registry, clock } = deps;

  const monitors = new Hono<AuthEnv>();
  monitors.get('/', (c) => {
    const id = c.req.query('model');
    if (id && !registry.has(id)) return jsonError(c, 404, 'not_found', `No model ${id}`);
    const model = registry.get(id).runtime.model;
    return c.json({
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
    });
  });

  const subscriptions = new Hono<AuthEnv>();
  subscriptions.get('/', async (c) => {
    const now = clock.now();
    const rows = await store.monitors.forUser(c.get('user').id);
    return c.json({ subscriptions: rows.map((s) => view(s, now)) });
  });
  subscriptions.post('/', async (c) => {
    const lang = requestLanguage(c);
    const parsed = SubscriptionRequestSchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      return jsonError(
        c,
        400,
        'invalid_request',
        lang === 'zh'
          ? `订阅请求无效：${parsed.error.issues.map((i) => `${i.path.join('.') || '请求'} ${i.message}`).join('；')}`
          : `Invalid subscription: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}`,
      );
    const result = await subscribe(deps, c.get('user'), parsed.data, lang);
    if (!result.ok)
      return jsonError(c, result.code === 'unknown_model' ? 404 : 400, result.code, result.message);
    await store.audit.record({
      action: 'subscription.create',
      userId: c.get('user').id,
      target: result.subscription.id,
    });
    return c.json({ subscription: view(result.subscription, clock.now()) }, 201);
  });
  /** A chat message read as a subscription request: the proposal to confirm (nothing is created). */
  subscriptions.post('/recognise', async (c) => {
    const body = (await jsonBody(c)) as { text?: unknown } | undefined;
    const lang = requestLanguage(c);
    if (typeof body?.text !== 'string' || !body.text.trim() || body.text.length > 500)
      return jsonError(
        c,
        400,
        'invalid_request',
        lang === 'zh' ? '请提供 text（至多 500 字）' : 'Give text (at most 500 characters)',
      );
    const proposal = recogniseSubscription(body.text);
    if (!proposal) return c.json({ proposal: null });
    const confirm =
      proposal.language === 'zh'
        ? `要订阅吗？${proposal.scheduleText}把“${proposal.question}”发送到${{ inbox: '收件箱', email: '邮箱', slack: 'Slack', wecom: '企业微信' }[proposal.channel]}。`
        : `Subscribe? "${proposal.question}" ${proposal.scheduleText}, to your ${proposal.channel === 'inbox' ? 'inbox' : proposal.channel}.`;
    return c.json({ proposal, confirm });
  });
  subscriptions.delete('/:id', async (c) => {
    const user = c.get('user');
    if (!(await store.monitors.unsubscribe(user.id, c.req.param('id'))))
      return jsonError(
        c,
        404,
        'not_found',
        requestLanguage(c) === 'zh' ? '没有这个订阅' : 'No such subscription',
      );
    await store.audit.record({ action: 'subscription.delete', userId: user.id, target: c.req.param('id') });
    return c.body(null, 204);
  });

  const inbox = new Hono<AuthEnv>();
  inbox.get('/', async (c) => {
    const rows = await store.monitors.inbox(c.get('user').id, { unreadOnly: c.req.query('unread') === '1' });
    return c.json({
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
    });
  });
  inbox.post('/:id/read', async (c) => {
    const body = (await jsonBody(c)) as { read?: unknown } | undefined;
    const read = body?.read === undefined ? true : body.read;
    if (typeof read !== 'boolean')
      return jsonError(
        c,
        400,
        'invalid_request',
        requestLanguage(c) === 'zh' ? 'read 须为布尔值' : 'read must be a boolean',
      );
    if (!(await store.monitors.markRead(c.get('user').id, c.req.param('id'), read, clock.now())))
      return jsonError(c, 404, 'not_found', requestLanguage(c) === 'zh' ? '没有这条洞察' : 'No such insight');
    return c.body(null, 204);
  });

  const deliveries = new Hono<AuthEnv>();
  deliveries.use('*', requireRole('admin'));
  deliveries.get('/', async (c) => {
    const limit = Math.min(1000, Math.max(1, Number(c.req.query('limit') ?? 200) || 200));
    return c.json({ deliveries: await store.monitors.deliveries(limit) });
  });

  return {
    '/monitors': monitors,
    '/subscriptions': subscriptions,
    '/inbox': inbox,
    '/monitor-deliveries': deliveries,
  };
}
