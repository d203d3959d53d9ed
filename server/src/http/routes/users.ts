import type { Context } from 'hono';
import { z } from 'zod';
import { unknownAttributes } from '../../../../semantic-layer/src/access-policy.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { isUniqueViolation } from '../../store/db.ts';
import type { Store } from '../../store/open-store.ts';
import { ROLES } from '../../store/schema.ts';
import { ApiError } from '../api-error.ts';
import { apiRoute, apiRouter, jsonBody, jsonResponse, SIGNED_IN } from '../api-router.ts';
import { type AuthEnv, clientIp, toAuthUser } from '../auth/auth-context.ts';
import { AuthUserSchema } from '../auth/auth-routes.ts';
import { requireRole } from '../auth/authenticate.ts';
import { isLockedOut } from '../auth/login-throttle.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
import { httpMessage } from '../messages/http-messages.ts';
import { requestLanguage } from '../request-language.ts';

const Attributes = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.array(z.string().min(1)).min(1));
const Email = z.email().max(254).nullable();
const WecomUserId = z
  .string()
  .regex(/^[A-Za-z0-9_.@-]{1,64}$/, '1-64 letters, digits, _ . @ -')
  .nullable();
const NewUserBody = z.object({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{2,64}$/, '2-64 letters, digits, _ . -'),
  displayName: z.string().max(128).optional(),
  role: z.enum(ROLES),
  attributes: Attributes.default({}),
  email: Email.optional(),
  wecomUserId: WecomUserId.optional(),
});
const ChangesBody = z
  .object({
    displayName: z.string().max(128).optional(),
    role: z.enum(ROLES).optional(),
    attributes: Attributes.optional(),
    disabled: z.boolean().optional(),
    email: Email.optional(),
    wecomUserId: WecomUserId.optional(),
    /** Lifts a lock-out after too many failed sign-ins. */
    unlock: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
const ADMIN_ERRORS = ['unauthenticated', 'csrf_failed', 'forbidden'] as const;
const declare = { tags: ['users'], security: SIGNED_IN };
const ListRoute = apiRoute({
  ...declare,
  method: 'get',
  path: '/',
  summary: 'Accounts with roles, row-level attributes and whether sign-in is locked (admin)',
  responses: {
    200: jsonResponse(
      'Accounts',
      z.object({ users: z.array(AuthUserSchema.extend({ locked: z.boolean() })) }),
    ),
  },
  errors: [...ADMIN_ERRORS],
});
const CreateRoute = apiRoute({
  ...declare,
  method: 'post',
  path: '/',
  summary: 'Creates an account with a one-time password (admin, audited)',
  request: { body: jsonBody(NewUserBody) },
  responses: {
    201: jsonResponse('Created', z.object({ user: AuthUserSchema, oneTimePassword: z.string() })),
  },
  errors: [...ADMIN_ERRORS, 'unknown_attribute', 'username_taken'],
});
const ChangeRoute = apiRoute({
  ...declare,
  method: 'patch',
  path: '/{id}',
  summary:
    'Changes role, attributes, e-mail, WeCom userid, disabled; `unlock` lifts a lock-out (admin, audited)',
  request: { params: z.object({ id: z.string().max(64) }), body: jsonBody(ChangesBody) },
  responses: {
    200: jsonResponse('Changed', z.object({ user: AuthUserSchema, unlocked: z.boolean().optional() })),
  },
  errors: [...ADMIN_ERRORS, 'unknown_attribute', 'user_not_found', 'self_lockout', 'already_taken'],
});

/**
 * Admin-only user management under /api/users: list, create (with a one-time password), change role,
 * row-level-security attributes (e.g. `{ "region": ["华南"] }`) or disable. Every change is audited
 * with before/after values; an admin cannot demote or disable themselves (no lock-out).
 */
export function userRoutes(store: Store, registry: ModelRegistry) {
  const app = apiRouter<AuthEnv>();
  app.use('*', requireRole('admin'));
  // Row-level attributes must name an access rule of a served model: a typo would otherwise lock a
  // manager out (fail closed) without anyone being told why.
  const checkAttributes = (c: Context, attributes: Record<string, string[]> | undefined) => {
    const unknown = attributes
      ? unknownAttributes(
          attributes,
          registry.list().map((m) => m.runtime.model),
        )
      : [];
    if (!unknown.length) return;
    const known = [
      ...new Set(registry.list().flatMap((m) => m.runtime.model.rowLevelSecurity.map((r) => r.attribute))),
    ].join(', ');
    const lang = requestLanguage(c);
    throw new ApiError(
      'unknown_attribute',
      { attributes: unknown.join(', '), known: known || httpMessage('word.none', lang) },
      unknown.map((k) => ({ path: `attributes.${k}`, message: httpMessage('issue.unused_attribute', lang) })),
    );
  };
  app.openapi(ListRoute, async (c) =>
    c.json(
      {
        users: await Promise.all(
          (await store.users.list()).map(async (u) => ({
            ...toAuthUser(u),
            locked: await isLockedOut(store, u.username),
          })),
        ),
      },
      200,
    ),
  );
  app.openapi(CreateRoute, async (c) => {
    const body = c.req.valid('json');
    checkAttributes(c, body.attributes);
    const password = generatePassword();
    try {
      const user = await store.users.create({
        ...body,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      });
      await store.audit.record({
        action: 'user.create',
        userId: c.get('user').id,
        target: user.username,
        details: { role: user.role, attributes: user.attributes },
      });
      return c.json({ user: toAuthUser(user), oneTimePassword: password }, 201);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError('username_taken', { username: body.username });
      throw error;
    }
  });
  app.openapi(ChangeRoute, async (c) => {
    const body = c.req.valid('json');
    checkAttributes(c, body.attributes);
    const me = c.get('user');
    const before = await store.users.findById(c.req.valid('param').id);
    if (!before) throw new ApiError('user_not_found');
    const { unlock, ...changes } = body;
    if (unlock)
      await store.audit.record({
        action: 'user.unlock',
        userId: me.id,
        target: before.username,
        ip: clientIp(c),
      });
    if (Object.keys(changes).length === 0) return c.json({ user: toAuthUser(before), unlocked: true }, 200);
    if (before.id === me.id && ((body.role && body.role !== 'admin') || body.disabled))
      throw new ApiError('self_lockout');
    const after = await store.users.update(before.id, changes).catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'taken' as const;
      throw error;
    });
    if (after === 'taken') throw new ApiError('already_taken');
    if (!after) throw new ApiError('user_not_found');
    await store.audit.record({
      action: 'user.permissions',
      userId: me.id,
      target: after.username,
      details: {
        before: {
          role: before.role,
          attributes: before.attributes,
          disabled: before.disabled,
          email: before.email,
          wecomUserId: before.wecomUserId,
        },
        after: {
          role: after.role,
          attributes: after.attributes,
          disabled: after.disabled,
          email: after.email,
          wecomUserId: after.wecomUserId,
        },
      },
    });
    return c.json({ user: toAuthUser(after) }, 200);
  });
  return app;
}
