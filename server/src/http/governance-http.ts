/**
 * What the governance routers share over HTTP: the acting user, and a workflow outcome
 * answered as JSON or thrown as an `ApiError` (codes and statuses: api-error.ts).
 */
import type { Context } from 'hono';
import type { Actor, Outcome } from '../governance/definition-workflow.ts';
import { ApiError } from './api-error.ts';
import type { AuthEnv } from './auth/auth-context.ts';
import { clientIp } from './auth/auth-context.ts';

/** The acting user of a request behind `authenticate`. */
export function actorOf(c: Context<AuthEnv>): Actor {
  const user = c.get('user');
  return { id: user.id, role: user.role, attributes: user.attributes, ip: clientIp(c) };
}

/** The value of a successful workflow outcome; a refusal is thrown as its `ApiError`. */
export function outcomeValue<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new ApiError(outcome.code, outcome.params, outcome.issues);
}
