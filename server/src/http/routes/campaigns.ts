import type { Context } from 'hono';
import { z } from 'zod';
import { holdoutText } from '../../campaigns/campaign-messages.ts';
import {
  type Actor,
  APPROVAL_SETTING,
  type CampaignService,
  type Outcome,
  OWNERS_SETTING,
} from '../../campaigns/campaign-service.ts';
import { CampaignTarget } from '../../campaigns/campaign-target.ts';
import type { FollowUpRun } from '../../campaigns/follow-ups.ts';
import { MessageTemplate } from '../../campaigns/template.ts';
import type { Campaign } from '../../store/campaigns.ts';
import type { Store } from '../../store/open-store.ts';
import { MESSAGE_CHANNELS } from '../../store/schema.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv, AuthUser } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { requestLanguage } from '../request-language.ts';
import {
  CampaignOnly,
  CampaignReply,
  CreatedReply,
  campaignReply,
  FollowUpsReply,
  MessageReply,
  messageReply,
  SettingsReply,
  SimulatedReply,
} from './campaign-replies.ts';

const NewCampaign = z.object({
  name: z.string().trim().max(120).optional(),
  model: z.string().max(64).optional(),
  target: CampaignTarget,
  channel: z.enum(MESSAGE_CHANNELS),
  template: MessageTemplate.optional(),
  language: z.enum(['zh', 'en']).optional(),
  controlSharePct: z.number().int().min(0).max(50).default(10),
  windowDays: z.number().int().min(7).max(180).default(30),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});

const Settings = z.object({
  approvalThreshold: z.number().int().min(0).max(10_000_000).optional(),
  ownersByRegion: z.record(z.string().max(64), z.string().min(1).max(64)).optional(),
});

const OptOut = z.object({
  customerId: z.string().min(1).max(64),
  channel: z.enum([...MESSAGE_CHANNELS, 'all']).default('all'),
  reason: z.string().max(200).optional(),
});

const IdParam = z.object({ id: z.string().max(64) });
const declare = { tags: ['campaigns'], security: SIGNED_IN };

/** The value of a campaign-service outcome; a refusal (its own status, code and zh/en message) is thrown. */
function valueOr<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw ApiError.stated(outcome);
}

const actor = (user: AuthUser): Actor => ({ id: user.id, role: user.role, attributes: user.attributes });

/**
 * /api/campaigns: create, approve, send and follow retention campaigns; simulated responses in demo mode;
 * admin settings (approval size, owners by region); the opt-out list.
 */
export function campaignRoutes(deps: {
  store: Store;
  service: CampaignService;
  followUps?: (campaignId: string) => Promise<FollowUpRun>;
}) {
  const app = apiRouter<AuthEnv>();
  const view = async (campaign: Campaign, lang: 'zh' | 'en') =>
    campaignReply(
      campaign,
      holdoutText(campaign, lang),
      await deps.store.campaigns.statusCounts(campaign.id),
    );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "Campaigns (an admin's: all; others: their own)",
      responses: { 200: jsonResponse('Campaigns', z.object({ campaigns: z.array(CampaignReply) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const user = c.get('user');
      const all = await deps.store.campaigns.list(200);
      const mine = user.role === 'admin' ? all : all.filter((x) => x.createdBy === user.id);
      const lang = requestLanguage(c);
      return c.json({ campaigns: await Promise.all(mine.map((x) => view(x, lang))) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Creates a retention campaign with a random holdout (approval needed above the threshold)',
      request: { body: jsonBody(NewCampaign) },
      responses: { 201: jsonResponse('Created', CreatedReply) },
      errors: ['unauthenticated', 'csrf_failed'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      const lang = requestLanguage(c, body.language);
      const created = valueOr(await deps.service.create(actor(c.get('user')), { ...body, language: lang }));
      const reply = {
        campaign: await view(created.campaign, lang),
        targets: created.targets,
        approvalThreshold: await deps.service.approvalThreshold(),
      };
      return c.json(reply, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/settings',
      summary: 'Approval threshold and owners by region (admin)',
      middleware: [requireRole('admin')],
      responses: { 200: jsonResponse('Settings', SettingsReply) },
      errors: ['unauthenticated', 'forbidden'],
    }),
    async (c) => {
      const approvalThreshold = await deps.service.approvalThreshold();
      const ownersByRegion = await deps.store.campaigns.getSetting<Record<string, string>>(OWNERS_SETTING);
      return c.json({ approvalThreshold, ownersByRegion }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'put',
      path: '/settings',
      summary: 'Changes the approval threshold or owners by region (admin)',
      middleware: [requireRole('admin')],
      request: { body: jsonBody(Settings) },
      responses: { 200: jsonResponse('Settings', SettingsReply) },
      errors: ['unauthenticated', 'csrf_failed', 'forbidden'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (body.approvalThreshold !== undefined)
        await deps.store.campaigns.setSetting(APPROVAL_SETTING, body.approvalThreshold);
      if (body.ownersByRegion) await deps.store.campaigns.setSetting(OWNERS_SETTING, body.ownersByRegion);
      return c.json({ approvalThreshold: await deps.service.approvalThreshold() }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/opt-outs',
      summary: 'Adds a customer to the opt-out list (analyst/admin)',
      middleware: [requireRole('analyst', 'admin')],
      request: { body: jsonBody(OptOut) },
      responses: { 201: jsonResponse('Opted out', z.object({ ok: z.literal(true) })) },
      errors: ['unauthenticated', 'csrf_failed', 'forbidden'],
    }),
    async (c) => {
      const body = c.req.valid('json');
      await deps.store.campaigns.optOut(body.customerId, body.channel, body.reason ?? null);
      return c.json({ ok: true as const }, 201);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}',
      summary: 'One campaign with its holdout design and outbox counts',
      request: { params: IdParam },
      responses: { 200: jsonResponse('The campaign', CampaignOnly) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), c.req.valid('param').id));
      return c.json({ campaign: await view(found, requestLanguage(c)) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}/messages',
      summary: "A campaign's messages: arm, stratum, delivery status, outcome",
      request: { params: IdParam },
      responses: { 200: jsonResponse('Messages', z.object({ messages: z.array(MessageReply) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), c.req.valid('param').id));
      const messages = await deps.store.campaigns.messages(found.id);
      return c.json({ messages: messages.map(messageReply) }, 200);
    },
  );

  /** A step of a campaign's life (approve, send) by its id; the reply is the campaign after it. */
  const step = (
    path: string,
    summary: string,
    run: (c: Context<AuthEnv>, id: string) => Promise<{ status: 200 | 202; campaign: Campaign }>,
  ) =>
    app.openapi(
      apiRoute({
        ...declare,
        method: 'post',
        path: `/{id}/${path}`,
        summary,
        request: { params: IdParam },
        responses: { 200: jsonResponse(summary, CampaignOnly), 202: jsonResponse(summary, CampaignOnly) },
        errors: ['unauthenticated', 'csrf_failed'],
      }),
      async (c) => {
        const { status, campaign } = await run(c, c.req.valid('param').id);
        const reply = { campaign: await view(campaign, requestLanguage(c)) };
        return status === 202 ? c.json(reply, 202) : c.json(reply, 200);
      },
    );
  step('approve', 'Approves a pending campaign (admin)', async (c, id) => ({
    status: 200,
    campaign: valueOr(await deps.service.approve(actor(c.get('user')), id)),
  }));
  step(
    'send',
    'Sends a campaign: treatment messages to the outbox, the control group held out',
    async (c, id) => ({
      status: 202,
      campaign: valueOr(await deps.service.send(actor(c.get('user')), id)).campaign,
    }),
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/follow-ups',
      summary:
        "Creates the playbook's due follow-up tasks (day offsets, no response recorded) for this campaign",
      request: { params: IdParam },
      responses: { 200: jsonResponse('Follow-up tasks', FollowUpsReply) },
      errors: ['unauthenticated', 'csrf_failed'],
    }),
    async (c) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), c.req.valid('param').id));
      const run = deps.followUps ? await deps.followUps(found.id) : null;
      return c.json({ campaignId: found.id, ...run }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/{id}/simulate-responses',
      summary: 'Demo mode: simulated customer responses for a sent campaign',
      request: { params: IdParam },
      responses: { 200: jsonResponse('Simulated responses', SimulatedReply) },
      errors: ['unauthenticated', 'csrf_failed'],
    }),
    async (c) =>
      c.json(valueOr(await deps.service.simulate(actor(c.get('user')), c.req.valid('param').id)), 200),
  );
  return app;
}
