/** The signed-in user's API tokens: list, create (the token is shown once), revoke. */
import { z } from 'zod';
import type { Store } from '../../store/open-store.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import { type AuthEnv, clientIp } from './auth-context.ts';
import { authenticate } from './authenticate.ts';

const createBody = z.object({ name: z.string().trim().min(1).max(100) });
const TokenSchema = z.looseObject({ id: z.string(), name: z.string() }).meta({ id: 'ApiToken' });
const AUTH_ERRORS = ['unauthenticated', 'csrf_failed', 'password_change_required'] as const;

/** Sub-app mounted at `/tokens` by the auth routes. */
export function tokenRoutes(store: Store) {
  const app = apiRouter<AuthEnv>();
  app.use('*', authenticate(store));
  const declare = { tags: ['auth'], security: SIGNED_IN };

  app.openapi(
    apiRoute({
      ...declare,
      method: 'get',
      path: '/',
      summary: "The user's API tokens (never the secret)",
      responses: { 200: jsonResponse('Tokens', z.object({ tokens: z.array(TokenSchema) })) },
      errors: [...AUTH_ERRORS],
    }),
    async (c) => c.json({ tokens: await store.apiTokens.listForUser(c.get('user').id) }, 200),
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'post',
      path: '/',
      summary: 'Creates an API token (the secret is shown once)',
      request: { body: jsonBody(createBody) },
      responses: {
        201: jsonResponse('Created', TokenSchema.extend({ token: z.string() })),
      },
      errors: [...AUTH_ERRORS],
    }),
    async (c) => {
      const body = c.req.valid('json');
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
    },
  );

  app.openapi(
    apiRoute({
      ...declare,
      method: 'delete',
      path: '/{id}',
      summary: "Revokes one of the user's tokens",
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 200: jsonResponse('Revoked', z.object({ ok: z.literal(true) })) },
      errors: [...AUTH_ERRORS, 'token_not_found'],
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const revoked = await store.apiTokens.revoke(id, user.id);
      if (!revoked) throw new ApiError('token_not_found');
      await store.audit.record({ action: 'token.revoke', userId: user.id, target: id, ip: clientIp(c) });
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
