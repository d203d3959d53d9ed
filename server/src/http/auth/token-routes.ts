/** The signed-in user's API tokens: list, create (the token is shown once), revoke. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { Store } from '../../store/open-store.ts';
import { type AuthEnv, clientIp, jsonError } from './auth-context.ts';
import { authenticate } from './authenticate.ts';
import { parseJsonBody } from './parse-body.ts';

const createBody = z.object({ name: z.string().trim().min(1).max(100) });

/** Sub-app mounted at `/tokens` by the auth routes. */
export function tokenRoutes(store: Store) {
  const app = new Hono<AuthEnv>();
  app.use('*', authenticate(store));

  app.get('/', async (c) => c.json({ tokens: await store.apiTokens.listForUser(c.get('user').id) }));

  app.post('/', async (c) => {
    const body = await parseJsonBody(c, createBody);
    if (body instanceof Response) return body;
    const user = c.get('user');
    const created = await store.apiTokens.create(user.id, body.name);
    await store.audit.record({
      action: 'token.create',
      userId: user.id,
      target: created.id,
      details: { name: body.name },
      ip: clientIp(c),
    });
    return c.json(created, 201);
  });

  app.delete('/:id', async (c) => {
    const user = c.get('user');
    const id = c.req.param('id');
    const revoked = await store.apiTokens.revoke(id, user.id);
    if (!revoked) return jsonError(c, 404, 'not_found', 'No such active token');
    await store.audit.record({ action: 'token.revoke', userId: user.id, target: id, ip: clientIp(c) });
    return c.json({ ok: true });
  });

  return app;
}
