/**
 * /api/channel-links: the signed-in user's Slack / WeCom accounts. `POST /code` makes a one-time code
 * (10 minutes, single use) to send as `/churn link CODE` in Slack or `绑定 CODE` in WeCom; `DELETE /:id`
 * unlinks an account. Every change is audited.
 */
import { Hono } from 'hono';
import { LINK_CODE_TTL_MS } from '../../store/channel-links.ts';
import type { Store } from '../../store/open-store.ts';
import { type AuthEnv, jsonError } from '../auth/auth-context.ts';
import { requestLanguage } from '../request-language.ts';

export function channelLinkRoutes(store: Store) {
  const app = new Hono<AuthEnv>();
  app.get('/', async (c) => {
    const links = await store.channelLinks.listForUser(c.get('user').id);
    return c.json({
      links: links.map((l) => ({
        id: l.id,
        provider: l.provider,
        team: l.team,
        externalUserId: l.externalUserId,
        method: l.method,
        createdAt: l.createdAt,
      })),
    });
  });
  app.post('/code', async (c) => {
    const user = c.get('user');
    const { code, expiresAt } = await store.channelLinks.createCode(user.id, LINK_CODE_TTL_MS);
    await store.audit.record({ action: 'channel.link_code', userId: user.id, target: user.username });
    return c.json({ code, expiresAt }, 201);
  });
  app.delete('/:id', async (c) => {
    const user = c.get('user');
    const id = c.req.param('id');
    if (!(await store.channelLinks.unlink(id, user.id)))
      return jsonError(
        c,
        404,
        'not_found',
        requestLanguage(c) === 'zh' ? '没有这个已绑定的账户' : 'No such linked account',
      );
    await store.audit.record({ action: 'channel.unlink', userId: user.id, target: id });
    return c.body(null, 204);
  });
  return app;
}
