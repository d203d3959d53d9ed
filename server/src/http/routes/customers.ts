import { z } from 'zod';
import { accessFor } from '../../../../semantic-layer/src/access-policy.ts';
import { customerProfile } from '../../analysis/customer/customer-profile.ts';
import { analysisContext } from '../../analysis/governed/analysis-context.ts';
import { actionTargets } from '../../analysis/playbook/index.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';

const CUSTOMER_ID = /^[A-Za-z0-9_-]{1,64}$/;
const TargetParams = z.object({
  model: z.string().max(64).optional(),
  value_tier: z.string().max(64).optional(),
  region: z.string().max(64).optional(),
  language: z.enum(['zh', 'en']).optional(),
});
const ProfileParams = z.object({
  model: z.string().max(64).optional(),
  language: z.enum(['zh', 'en']).optional(),
});
/** One customer a playbook action targets (`ActionTarget` of analysis/playbook). */
const ActionTargetRow = z.object({
  customerId: z.string(),
  name: z.string().nullable(),
  region: z.string().nullable(),
  valueTier: z.string().nullable(),
  risk: z.number().nullable().describe('Model churn probability (null for churned customers)'),
  expectedLoss: z.number(),
});
const ActionCustomers = z.object({
  actionId: z.string(),
  label: z.string(),
  count: z.number().int(),
  customers: z.array(ActionTargetRow),
});
/** The 360 of analysis/customer (`CustomerProfile`) plus app state about the customer. */
const CustomerView = z.object({
  asOf: z.string(),
  customerId: z.string(),
  profile: z.record(z.string(), z.unknown()).describe('Governed profile values by dimension'),
  risk: z
    .object({
      score: z.number(),
      tier: z.string(),
      rules: z.array(z.string()),
      ruleLabels: z.array(z.string()).describe('The rules in the request language'),
      factors: z.array(
        z.object({ feature: z.string(), label: z.string(), text: z.string(), contribution: z.number() }),
      ),
      flagged: z.boolean(),
      expectedLoss: z.number().nullable(),
      action: z.string().nullable(),
    })
    .nullable(),
  tags: z.array(z.object({ dimension: z.string(), value: z.string() })),
  timeline: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['order', 'ticket', 'feedback', 'message']),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  campaignTouches: z.array(
    z.object({
      campaignId: z.string(),
      campaign: z.string(),
      actionId: z.string(),
      channel: z.string(),
      arm: z.enum(['treatment', 'control']),
      status: z.string(),
      sentAt: z.string().nullable().describe('ISO timestamp'),
      outcome: z.string().nullable(),
    }),
  ),
  openTasks: z.array(
    z.object({
      id: z.string(),
      campaignId: z.string().nullable(),
      customerId: z.string(),
      owner: z.string(),
      kind: z.string(),
      title: z.string(),
      dueDate: z.string(),
      status: z.string(),
      createdAt: z.string(),
    }),
  ),
});
const declare = { tags: ['customers'], security: SIGNED_IN };

/**
 * GET /api/customers/{id} — the customer 360 (governed profile, risk and reasons, tags, timeline) plus
 * what app state holds about them (campaign touches, open tasks); 404 when the user may not see them.
 * GET /api/customers/by-action/{actionId} — exactly the customers a playbook action targets ("查看这些客户").
 */
export function customerRoutes(deps: { store: Store; registry: ModelRegistry }) {
  const app = apiRouter<AuthEnv>();

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/by-action/{actionId}',
      summary: 'Exactly the customers a playbook action targets ("查看这些客户")',
      request: { params: z.object({ actionId: z.string().max(64) }), query: TargetParams },
      responses: { 200: jsonResponse("The action's customers", ActionCustomers) },
      errors: ['unauthenticated', 'unknown_model', 'action_not_found', 'access_denied'],
    }),
    async (c) => {
      const params = c.req.valid('query');
      const lang = requestLanguage(c, params.language);
      const modelId = params.model ?? deps.registry.defaultModelId;
      if (!deps.registry.has(modelId)) throw new ApiError('unknown_model', { model: modelId });
      const { runtime } = deps.registry.get(modelId);
      const { actionId } = c.req.valid('param');
      const action = runtime.model.playbook[actionId];
      if (!action) throw new ApiError('action_not_found', { action: actionId });
      const user = c.get('user');
      if (accessFor(runtime.model, user.attributes).kind === 'denied') throw new ApiError('access_denied');
      const filters = [
        ...(params.value_tier
          ? [{ member: 'value_tier', op: 'in' as const, values: [params.value_tier] }]
          : []),
        ...(params.region ? [{ member: 'region', op: 'in' as const, values: [params.region] }] : []),
      ];
      const ctx = analysisContext(runtime, {
        intent: 'actions',
        language: lang,
        query: { model: modelId, metrics: ['at_risk_customers'], filters },
        attributes: user.attributes,
      });
      const { targets } = await actionTargets(ctx);
      const customers = targets.get(actionId) ?? [];
      return c.json({ actionId, label: action.label[lang], count: customers.length, customers }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}',
      summary: 'The customer 360: profile, risk and reasons, tags, timeline, campaign touches, open tasks',
      request: { params: z.object({ id: z.string().max(200) }), query: ProfileParams },
      responses: { 200: jsonResponse('The customer', CustomerView) },
      errors: ['unauthenticated', 'customer_not_found'],
    }),
    async (c) => {
      const params = c.req.valid('query');
      const lang = requestLanguage(c, params.language);
      const { id } = c.req.valid('param');
      const modelId = params.model ?? deps.registry.defaultModelId;
      if (!CUSTOMER_ID.test(id) || !deps.registry.has(modelId))
        throw new ApiError('customer_not_found', { id });
      const { runtime } = deps.registry.get(modelId);
      const user = c.get('user');
      const view =
        accessFor(runtime.model, user.attributes).kind === 'denied'
          ? null
          : await customerProfile(runtime, id, user.attributes, lang);
      if (!view) throw new ApiError('customer_not_found', { id });
      const [touches, tasks] = await Promise.all([
        deps.store.campaigns.messagesOf(id),
        deps.store.tasks.openFor([id]),
      ]);
      return c.json(
        {
          asOf: runtime.asOf,
          ...view,
          campaignTouches: touches.map((t) => ({
            campaignId: t.campaignId,
            campaign: t.name,
            actionId: t.actionId,
            channel: t.channel,
            arm: t.arm,
            status: t.status,
            sentAt: t.sentAt?.toISOString() ?? null,
            outcome: t.outcome,
          })),
          openTasks: tasks.map((t) => ({
            id: t.id,
            campaignId: t.campaignId,
            customerId: t.customerId,
            owner: t.owner,
            kind: t.kind,
            title: t.title,
            dueDate: t.dueDate,
            status: t.status,
            createdAt: t.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
  return app;
}
