import { Hono } from 'hono';
import { z } from 'zod';
import { accessFor } from '../../../../semantic-layer/src/access-policy.ts';
import { customerProfile } from '../../analysis/customer/customer-profile.ts';
import { analysisContext } from '../../analysis/governed/analysis-context.ts';
import { actionTargets } from '../../analysis/playbook/index.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';
import { jsonError } from './plain-json.ts';

const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TargetParams = z.object({
  model: z.string().max(64).optional(),
  value_tier: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  language: z.enum(['zh', 'en']).optional(),
});

/**
 * GET /api/customers/:id — the customer 360 (governed profile, risk and reasons, tags, timeline) plus
 * what app state holds about them (campaign touches, open tasks); 404 when the user may not see them.
 * GET /api/customers/by-action/:actionId — exactly the customers a playbook action targets ("查看这些客户").
 */
export function customerRoutes(deps: { store: Store; registry: ModelRegistry }) {
  const app = new Hono<AuthEnv>();

  app.get('/by-action/:actionId', async (c) => {
    const parsed = TargetParams.safeParse(c.req.query());
    const lang = requestLanguage(c, parsed.success ? parsed.data.language : undefined);
    if (!parsed.success)
      return jsonError(c, 400, 'invalid_request', lang === 'zh' ? '参数无效' : 'Invalid parameters');
    const modelId = parsed.data.model ?? deps.registry.defaultModelId;
    if (!deps.registry.has(modelId))
      return jsonError(
        c,
        404,
        'unknown_model',
        lang === 'zh' ? `没有模型 ${modelId}` : `No model ${modelId}`,
      );
    const { runtime } = deps.registry.get(modelId);
    const actionId = c.req.param('actionId');
    if (!runtime.model.playbook[actionId])
      return jsonError(
        c,
        404,
        'unknown_action',
        lang === 'zh' ? `剧本中没有动作 ${actionId}` : `The playbook has no action ${actionId}`,
      );
    const user = c.get('user');
    if (accessFor(runtime.model, user.attributes).kind === 'denied')
      return jsonError(
        c,
        403,
        'access_denied',
        lang === 'zh' ? '您的数据权限看不到任何客户' : 'Your data access shows no customers',
      );
    const filters = [
      ...(parsed.data.value_tier
        ? [{ member: 'value_tier', op: 'in' as const, values: [parsed.data.value_tier] }]
        : []),
      ...(parsed.data.region ? [{ member: 'region', op: 'in' as const, values: [parsed.data.region] }] : []),
    ];
    const ctx = analysisContext(runtime, {
      intent: 'actions',
      language: lang,
      query: { model: modelId, metrics: ['at_risk_customers'], filters },
      attributes: user.attributes,
    });
    const { targets } = await actionTargets(ctx);
    const customers = targets.get(actionId) ?? [];
    return c.json({
      actionId,
      label: runtime.model.playbook[actionId]!.label[lang],
      count: customers.length,
      customers,
    });
  });

  app.get('/:id', async (c) => {
    const lang = requestLanguage(c, c.req.query('language'));
    const id = c.req.param('id');
    const modelId = c.req.query('model') ?? deps.registry.defaultModelId;
    if (!CUSTOMER_ID.test(id) || !deps.registry.has(modelId))
      return jsonError(c, 404, 'not_found', lang === 'zh' ? '没有这个客户' : 'No such customer');
    const { runtime } = deps.registry.get(modelId);
    const user = c.get('user');
    const view =
      accessFor(runtime.model, user.attributes).kind === 'denied'
        ? null
        : await customerProfile(runtime, id, user.attributes, lang);
    if (!view)
      return jsonError(
        c,
        404,
        'not_found',
        lang === 'zh' ? `没有客户 ${id}，或您无权查看` : `No customer ${id} you may see`,
      );
    const [touches, tasks] = await Promise.all([
      deps.store.campaigns.messagesOf(id),
      deps.store.tasks.openFor([id]),
    ]);
    return c.json({
      asOf: runtime.asOf,
      ...view,
      campaignTouches: touches.map((t) => ({
        campaignId: t.campaignId,
        campaign: t.name,
        actionId: t.actionId,
        channel: t.channel,
        arm: t.arm,
        status: t.status,
        sentAt: t.sentAt,
        outcome: t.outcome,
      })),
      openTasks: tasks,
    });
  });
  return app;
}
