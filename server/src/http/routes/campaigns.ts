import type { Context } from 'hono';
import { z } from 'zod';
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
const Loose = z.looseObject({});
const SettingsReply = z.looseObject({ approvalThreshold: z.number() });
const declare = { tags: ['campaigns'], security: SIGNED_IN };
/** JSON replies of this router are documented loosely (the campaign rows are the store's). */
const loose = (value: unknown) => value as Record<string, never>;

/** The value of a campaign-service outcome; a refusal (its own status, code and zh/en message) is thrown. */
function valueOr<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw ApiError.stated(outcome);
}

const actor = (user: AuthUser): Actor => ({ id: user.id, role: user.role, attributes: user.attributes });

/** Holdout design stated in the user's language. */
function holdoutText(campaign: Campaign, lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? `随机留出 ${campaign.controlShare}% 作为对照组（按价值层分层），对照组不发送；在 ${campaign.windowDays} 天内比较实验组与对照组的挽回率`
    : `${campaign.controlShare}% held out at random as a control group (stratified by value tier) and not contacted; retention is compared between treatment and control within ${campaign.windowDays} days`;
}

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
  const view = async (campaign: Campaign, lang: 'zh' | 'en') => ({
    ...campaign,
    holdout: holdoutText(campaign, lang),
    outbox: await deps.store.campaigns.statusCounts(campaign.id),
  });

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "Campaigns (an admin's: all; others: their own)",
      responses: { 200: jsonResponse('Campaigns', z.object({ campaigns: z.array(Loose) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const user = c.get('user');
      const all = await deps.store.campaigns.list(200);
      const mine = user.role === 'admin' ? all : all.filter((x) => x.createdBy === user.id);
      const lang = requestLanguage(c);
      return c.json({ campaigns: (await Promise.all(mine.map((x) => view(x, lang)))).map(loose) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Creates a retention campaign with a random holdout (approval needed above the threshold)',
      request: { body: jsonBody(NewCampaign) },
      responses: { 201: jsonResponse('Created', Loose) },
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
      return c.json(loose(reply), 201);
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
      const ownersByRegion = await deps.store.campaigns.getSetting(OWNERS_SETTING);
      return c.json({ approvalThreshold, ownersByRegion: loose(ownersByRegion) }, 200);
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
      responses: { 200: jsonResponse('The campaign', z.object({ campaign: Loose })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), c.req.valid('param').id));
      return c.json({ campaign: loose(await view(found, requestLanguage(c))) }, 200);
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/{id}/messages',
      summary: "A campaign's messages: arm, stratum, delivery status, outcome",
      request: { params: IdParam },
      responses: { 200: jsonResponse('Messages', z.object({ messages: z.array(Loose) })) },
      errors: ['unauthenticated'],
    }),
    async (c) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), c.req.valid('param').id));
      const messages = await deps.store.campaigns.messages(found.id);
      const rows = messages.map((m) => ({
        customerId: m.customerId,
        arm: m.arm,
        stratum: m.stratum,
        channel: m.channel,
        status: m.status,
        attempts: m.attempts,
        sentAt: m.sentAt,
        outcome: m.outcome,
        lastError: m.lastError,
      }));
      return c.json({ messages: rows.map(loose) }, 200);
    },
  );

  /** A step of a campaign's life (approve, send, simulate) by its id. */
  const step = (
    path: string,
    summary: string,
    run: (c: Context<AuthEnv>, id: string) => Promise<{ status: 200 | 202; reply: unknown }>,
  ) =>
    app.openapi(
      apiRoute({
        ...declare,
        method: 'post',
        path: `/{id}/${path}`,
        summary,
        request: { params: IdParam },
        responses: { 200: jsonResponse(summary, Loose), 202: jsonResponse(summary, Loose) },
        errors: ['unauthenticated', 'csrf_failed'],
      }),
      async (c) => {
        const { status, reply } = await run(c, c.req.valid('param').id);
        return status === 202 ? c.json(loose(reply), 202) : c.json(loose(reply), 200);
      },
    );
  step('approve', 'Approves a pending campaign (admin)', async (c, id) => {
    const approved = valueOr(await deps.service.approve(actor(c.get('user')), id));
    return { status: 200, reply: { campaign: await view(approved, requestLanguage(c)) } };
  });
  step(
    'send',
    'Sends a campaign: treatment messages to the outbox, the control group held out',
    async (c, id) => {
      const sent = valueOr(await deps.service.send(actor(c.get('user')), id));
      return { status: 202, reply: { campaign: await view(sent.campaign, requestLanguage(c)) } };
    },
  );
  step(
    'follow-ups',
    "Creates the playbook's due follow-up tasks (day offsets, no response recorded) for this campaign",
    async (c, id) => {
      const found = valueOr(await deps.service.visible(actor(c.get('user')), id));
      const run = deps.followUps ? await deps.followUps(found.id) : null;
      return { status: 200, reply: { campaignId: found.id, ...run } };
    },
  );
  step(
    'simulate-responses',
    'Demo mode: simulated customer responses for a sent campaign',
    async (c, id) => ({
      status: 200,
      reply: valueOr(await deps.service.simulate(actor(c.get('user')), id)),
    }),
  );
  return app;
}
