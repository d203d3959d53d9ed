/**
 * Error body and JSON-body parsing for the campaign, customer and task routes, which are not yet
 * declared with `apiRoute` (TODO: declare them like every other /api route; see http/CONTEXT.md).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** `{ error: { code, message } }` with the status. */
export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** The parsed body, or the 400 response to return. */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S> | Response> {
  const raw: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  return jsonError(
    c,
    400,
    'invalid_request',
    `Invalid request body: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
  );
}
