/**
 * What the governance routers share over HTTP: the role gate, body and query parsing, and refusals as
 * `{ error: { code, message, issues? } }` in the request's language.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Issue } from '../../../semantic-layer/src/index.ts';
import type { Actor, Refusal } from '../governance/definition-workflow.ts';
import {
  type GovernanceCode,
  governanceMessage,
  type MessageParams,
} from '../governance/governance-messages.ts';
import type { Role } from '../store/schema.ts';
import type { AuthEnv } from './auth/auth-context.ts';
import { clientIp } from './auth/auth-context.ts';
import { requestLanguage } from './request-language.ts';

/** HTTP status of each refusal. */
const STATUS: Record<GovernanceCode, ContentfulStatusCode> = {
  unauthenticated: 401,
  forbidden: 403,
  not_author: 403,
  self_review: 403,
  invalid_request: 400,
  model_not_found: 404,
  version_not_found: 404,
  feedback_not_found: 404,
  not_a_draft: 409,
  edit_conflict: 409,
  invalid_transition: 409,
  conflict: 409,
  no_change: 409,
  not_restorable: 409,
  model_not_loaded: 409,
  yaml_syntax: 422,
  member_not_found: 404,
  not_a_map: 422,
  unknown_file: 422,
  invalid_definition: 422,
  invalid_query: 422,
  preview_failed: 422,
  preview_timeout: 422,
  activation_failed: 500,
};

/** Issues as sent: request issues have a path and message, definition issues also a file, line and code. */
type WireIssue = { path: string; message: string } | Issue;

/** Sends a refusal in the request's language. */
export function sendRefusal(c: Context, refusal: Pick<Refusal, 'code' | 'params' | 'issues'>) {
  return sendError(c, refusal.code, refusal.params, refusal.issues);
}

/** Sends `{ error: { code, message, issues? } }` with the code's status. */
export function sendError(c: Context, code: GovernanceCode, params?: MessageParams, issues?: WireIssue[]) {
  const message = governanceMessage(code, requestLanguage(c), params);
  return c.json({ error: issues ? { code, message, issues } : { code, message } }, STATUS[code]);
}

/**
 * Lets only `roles` through (after `authenticate`): 401 without a user, 403 with a localised message.
 * @example app.use('*', allowRoles('analyst', 'admin'));
 */
export function allowRoles(...roles: Role[]) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const user = c.get('user');
    if (!user) return sendError(c, 'unauthenticated');
    if (!roles.includes(user.role)) return sendError(c, 'forbidden', { roles: roles.join(',') });
    return next();
  });
}

/** The acting user of a request behind `authenticate`. */
export function actorOf(c: Context<AuthEnv>): Actor {
  const user = c.get('user');
  return { id: user.id, role: user.role, attributes: user.attributes, ip: clientIp(c) };
}

/** Parses the JSON body (an empty body is `{}`), or answers 400 listing every issue. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S> | Response> {
  const text = await c.req.text().catch(() => '');
  let raw: unknown = {};
  if (text.trim()) {
    try {
      raw = JSON.parse(text);
    } catch {
      return sendError(c, 'invalid_request', { detail: 'body is not JSON' });
    }
  }
  return parseWith(c, schema, raw);
}

/** Validates query-string (or other) input with zod, or answers 400. */
export function parseWith<S extends z.ZodType>(c: Context, schema: S, raw: unknown): z.infer<S> | Response {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
  return sendError(
    c,
    'invalid_request',
    { detail: issues.map((i) => `${i.path}: ${i.message}`).join('; ') },
    issues,
  );
}
