/** Reads and validates a JSON body with zod; a bad body becomes a 400 JSON error listing every issue. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { jsonError } from './auth-context.ts';

/** The parsed body, or the 400 response to return. */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S> | Response> {
  const raw: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  return jsonError(c, 400, 'invalid_request', 'Invalid request body', issues);
}
