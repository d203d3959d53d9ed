import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { unknownAttributes } from '../../../../semantic-layer/src/access-policy.ts';
import type { ModelRegistry } from '../../models/model-registry.ts';
import { isUniqueViolation } from '../../store/db.ts';
import type { Store } from '../../store/open-store.ts';
import { ROLES } from '../../store/schema.ts';
import { type AuthEnv, clientIp, jsonError, toAuthUser } from '../auth/auth-context.ts';
import { requireRole } from '../auth/authenticate.ts';
import { isLockedOut } from '../auth/login-throttle.ts';
import { parseJsonBody } from '../auth/parse-body.ts';
import { generatePassword, hashPassword } from '../auth/passwords.ts';
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

/**
 * Admin-only user management under /api/users: list, create (with a one-time password), change role,
 * row-level-security attributes (e.g. `{ "region": ["华南"] }`) or disable. Every change is audited
 * with before/after values; an admin cannot demote or disable themselves (no lock-out).
 */
export function userRoutes(store: Store, registry: ModelRegistry) {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('admin'));
  // Row-level attributes must name an access rule of a served model: a typo would otherwise lock a
  // manager out (fail closed) without anyone being told why.
  const badAttributes = (c: Context, attributes: Record<string, string[]> | undefined) => {
    const unknown = attributes
      ? unknownAttributes(
          attributes,
          registry.list().map((m) => m.runtime.model),
        )
      : [];
    if (!unknown.length) return null;
    const known = [
      ...new Set(registry.list().flatMap((m) => m.runtime.model.rowLevelSecurity.map((r) => r.attribute))),
    ].join(', ');
    const zh = requestLanguage(c) === 'zh';
    return jsonError(
      c,
      400,
      'unknown_attribute',
      zh
        ? `未知的数据权限属性 ${unknown.join(', ')}（可用：${known || '无'}）`
        : `Unknown access attribute ${unknown.join(', ')} (known: ${known || 'none'})`,
      unknown.map((k) => ({
        path: `attributes.${k}`,
        message: zh ? '没有模型使用该属性' : 'no model uses it',
      })),
    );
  };
  app.get('/', async (c) =>
    c.json({
      users: await Promise.all(
        (await store.users.list()).map(async (u) => ({
          ...toAuthUser(u),
          locked: await isLockedOut(store, u.username),
        })),
      ),
    }),
  );
  app.post('/', async (c) => {
    const body = await parseJsonBody(c, NewUserBody);
    if (body instanceof Response) return body;
    const refused = badAttributes(c, body.attributes);
    if (refused) return refused;
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
      if (isUniqueViolation(error))
        return jsonError(
          c,
          409,
          'username_taken',
          `The username ${body.username} (or its e-mail or WeCom userid) is already taken`,
        );
      throw error;
    }
  });
  app.patch('/:id', async (c) => {
    const body = await parseJsonBody(c, ChangesBody);
    if (body instanceof Response) return body;
    const refused = badAttributes(c, body.attributes);
    if (refused) return refused;
    const me = c.get('user');
    const before = await store.users.findById(c.req.param('id'));
    if (!before) return jsonError(c, 404, 'not_found', 'No such user');
    const { unlock, ...changes } = body;
    if (unlock)
      await store.audit.record({
        action: 'user.unlock',
        userId: me.id,
        target: before.username,
        ip: clientIp(c),
      });
    if (Object.keys(changes).length === 0) return c.json({ user: toAuthUser(before), unlocked: true });
    if (before.id === me.id && ((body.role && body.role !== 'admin') || body.disabled))
      return jsonError(c, 409, 'self_lockout', 'You cannot remove your own admin role or disable yourself');
    const after = await store.users.update(before.id, changes).catch((error: unknown) => {
      if (isUniqueViolation(error)) return 'taken' as const;
      throw error;
    });
    if (after === 'taken')
      return jsonError(c, 409, 'already_taken', 'Another account already has this e-mail or WeCom userid');
    if (!after) return jsonError(c, 404, 'not_found', 'No such user');
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
    return c.json({ user: toAuthUser(after) });
  });
  return app;
}
