import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  type Actor,
  APPROVAL_SETTING,
  type CampaignService,
  OWNERS_SETTING,
  type Refusal,
} from '../../campaigns/campaign-service.ts';
import { CampaignTarget } from '../../campaigns/campaign-target.ts';
import { MessageTemplate } from '../../campaigns/template.ts';
import type { Campaign } from '../../store/campaigns.ts';
import type { Store } from '../../store/open-store.ts';
import { MESSAGE_CHANNELS } from '../../store/schema.ts';
import { type AuthEnv, type AuthUser, jsonError } from '../auth/auth-context.ts';
import { parseJsonBody } from '../auth/parse-body.ts';
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
export function campaignRoutes(deps: { store: Store; service: CampaignService }) {
  const app = new Hono<AuthEnv>();
  const refused = (c: Context, r: Refusal) => jsonError(c, r.status, r.code, r.message[requestLanguage(c)]);
  const view = async (campaign: Campaign, lang: 'zh' | 'en') => ({
    ...campaign,
    holdout: holdoutText(campaign, lang),
    outbox: await deps.store.campaigns.statusCounts(campaign.id),
  });

  app.get('/', async (c) => {
    const user = c.get('user');
    const all = await deps.store.campaigns.list(200);
    const mine = user.role === 'admin' ? all : all.filter((x) => x.createdBy === user.id);
    const lang = requestLanguage(c);
    return c.json({ campaigns: await Promise.all(mine.map((x) => view(x, lang))) });
  });

  app.post('/', async (c) => {
    const body = await parseJsonBody(c, NewCampaign);
    if (body instanceof Response) return body;
    const lang = requestLanguage(c, body.language);
    const result = await deps.service.create(actor(c.get('user')), { ...body, language: lang });
    if (!result.ok) return refused(c, result);
    return c.json(
      {
        campaign: await view(result.value.campaign, lang),
        targets: result.value.targets,
        approvalThreshold: await deps.service.approvalThreshold(),
      },
      201,
    );
  });

  app.get('/settings', async (c) => {
    if (c.get('user').role !== 'admin') return jsonError(c, 403, 'forbidden', 'Admins only');
    return c.json({
      approvalThreshold: await deps.service.approvalThreshold(),
      ownersByRegion: await deps.store.campaigns.getSetting(OWNERS_SETTING),
    });
  });

  app.put('/settings', async (c) => {
    if (c.get('user').role !== 'admin') return jsonError(c, 403, 'forbidden', 'Admins only');
    const body = await parseJsonBody(c, Settings);
    if (body instanceof Response) return body;
    if (body.approvalThreshold !== undefined)
      await deps.store.campaigns.setSetting(APPROVAL_SETTING, body.approvalThreshold);
    if (body.ownersByRegion) await deps.store.campaigns.setSetting(OWNERS_SETTING, body.ownersByRegion);
    return c.json({ approvalThreshold: await deps.service.approvalThreshold() });
  });

  app.post('/opt-outs', async (c) => {
    if (c.get('user').role === 'viewer') return jsonError(c, 403, 'forbidden', 'Analysts and admins only');
    const body = await parseJsonBody(c, OptOut);
    if (body instanceof Response) return body;
    await deps.store.campaigns.optOut(body.customerId, body.channel, body.reason ?? null);
    return c.json({ ok: true }, 201);
  });

  app.get('/:id', async (c) => {
    const found = await deps.service.visible(actor(c.get('user')), c.req.param('id'));
    if (!found.ok) return refused(c, found);
    return c.json({ campaign: await view(found.value, requestLanguage(c)) });
  });

  app.get('/:id/messages', async (c) => {
    const found = await deps.service.visible(actor(c.get('user')), c.req.param('id'));
    if (!found.ok) return refused(c, found);
    const messages = await deps.store.campaigns.messages(found.value.id);
    return c.json({
      messages: messages.map((m) => ({
        customerId: m.customerId,
        arm: m.arm,
        stratum: m.stratum,
        channel: m.channel,
        status: m.status,
        attempts: m.attempts,
        sentAt: m.sentAt,
        outcome: m.outcome,
        lastError: m.lastError,
      })),
    });
  });

  app.post('/:id/approve', async (c) => {
    const result = await deps.service.approve(actor(c.get('user')), c.req.param('id'));
    if (!result.ok) return refused(c, result);
    return c.json({ campaign: await view(result.value, requestLanguage(c)) });
  });

  app.post('/:id/send', async (c) => {
    const result = await deps.service.send(actor(c.get('user')), c.req.param('id'));
    if (!result.ok) return refused(c, result);
    return c.json({ campaign: await view(result.value.campaign, requestLanguage(c)) }, 202);
  });

  app.post('/:id/simulate-responses', async (c) => {
    const result = await deps.service.simulate(actor(c.get('user')), c.req.param('id'));
    if (!result.ok) return refused(c, result);
    return c.json(result.value);
  });
  return app;
}
