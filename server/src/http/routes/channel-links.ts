/**
 * /api/channel-links: the signed-in user's Slack / WeCom accounts. `POST /code` makes a one-time code
 * (10 minutes, single use) to send as `/churn link CODE` in Slack or `绑定 CODE` in WeCom; `DELETE /:id`
 * unlinks an account. Every change is audited.
 */
import { z } from 'zod';
import { LINK_CODE_TTL_MS } from '../../store/channel-links.ts';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonResponse, SIGNED_IN } from '../api-router.ts';
import type { AuthEnv } from '../auth/auth-context.ts';

const Link = z.object({
  id: z.string(),
  provider: z.string(),
  team: z.string().nullable(),
  externalUserId: z.string(),
  method: z.string(),
  createdAt: z.unknown(),
});
const declare = { tags: ['channels'], security: SIGNED_IN };

export function channelLinkRoutes(store: Store) {
  const app = apiRouter<AuthEnv>();
  const listRoute = apiRoute({
    ...declare,
    method: 'get',
    path: '/',
    summary: "The user's linked Slack / WeCom accounts",
    responses: { 200: jsonResponse('Links', z.object({ links: z.array(Link) })) },
    errors: ['unauthenticated'],
  });
  app.openapi(listRoute, async (c) => {
    const links = await store.channelLinks.listForUser(c.get('user').id);
    return c.json(
      {
        links: links.map((l) => ({
          id: l.id,
          provider: l.provider,
          team: l.team,
          externalUserId: l.externalUserId,
          method: l.method,
          createdAt: l.createdAt,
        })),
      },
      200,
    );
  });
  const codeRoute = apiRoute({
    ...declare,
    method: 'post',
    path: '/code',
    summary: 'A one-time link code (10 min, single use) to send as `/churn link CODE` or `绑定 CODE`',
    responses: { 201: jsonResponse('The code', z.object({ code: z.string(), expiresAt: z.unknown() })) },
    errors: ['unauthenticated', 'csrf_failed'],
  });
  app.openapi(codeRoute, async (c) => {
    const user = c.get('user');
    const { code, expiresAt } = await store.channelLinks.createCode(user.id, LINK_CODE_TTL_MS);
    await store.audit.record({ action: 'channel.link_code', userId: user.id, target: user.username });
    return c.json({ code, expiresAt }, 201);
  });
  const unlinkRoute = apiRoute({
    ...declare,
    method: 'delete',
    path: '/{id}',
    summary: "Unlinks one of the user's accounts",
    request: { params: z.object({ id: z.string().max(64) }) },
    responses: { 204: { description: 'Unlinked' } },
    errors: ['unauthenticated', 'csrf_failed', 'link_not_found'],
  });
  app.openapi(unlinkRoute, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    if (!(await store.channelLinks.unlink(id, user.id))) throw new ApiError('link_not_found');
    await store.audit.record({ action: 'channel.unlink', userId: user.id, target: id });
    return c.body(null, 204);
  });
  return app;
}
