/**
 * How a route is declared: `apiRouter()` makes a router whose routes are declared with their zod schemas
 * (`router.openapi(apiRoute({...}), handler)`), so one declaration validates the request, types the
 * handler (`c.req.valid('json')`) and writes the route into `/api/openapi.json` (openapi-document.ts).
 * A request that fails its schema is a 400 `invalid_request` listing every issue, in the user's language.
 */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { z } from 'zod';
import { ApiError, type ApiErrorCode, apiErrorHandler } from './api-error.ts';
import type { AuthEnv } from './auth/auth-context.ts';
import { requestLanguage } from './request-language.ts';

/** The JSON body of every error response. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable error code (clients branch on it)' }),
      message: z.string().meta({ description: "In the user's language (Accept-Language or `language`)" }),
      issues: z
        .array(z.looseObject({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'One entry per invalid field' }),
    }),
  })
  .meta({ id: 'Error' });

/** Routes behind sign-in: the session cookie (web, with `X-CSRF-Token` on writes) or a bearer API token. */
export const SIGNED_IN: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];

/** A zod failure as the issues the API sends: `{ path: 'a.b.0', message }`, `(body)` for the whole body. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/** The 400 for a request that failed its schema. */
export function invalidRequest(error: z.ZodError): ApiError {
  const issues = zodIssues(error);
  return new ApiError(
    'invalid_request',
    { detail: issues.map((i) => `${i.path}: ${i.message}`).join('; ') },
    issues,
  );
}

/**
 * A router for routes declared with schemas. Its `onError` answers API errors; other errors go up to the
 * app's (which logs them and answers 500).
 * @example const app = apiRouter(); app.openapi(apiRoute({ method: 'get', path: '/', ... }), handler);
 */
export function apiRouter<E extends Env = AuthEnv>(): OpenAPIHono<E> {
  const app = new OpenAPIHono<E>({
    defaultHook: async (result, c) => {
      if (result.success) return;
      if (result.target === 'json') {
        // A body that failed its schema may still say which language its errors should be in.
        const body: unknown = await c.req.json().catch(() => undefined);
        const language = (body as { language?: unknown } | undefined)?.language;
        if (typeof language === 'string') requestLanguage(c, language);
      }
      throw invalidRequest(result.error);
    },
  });
  app.onError(apiErrorHandler());
  return app;
}

/** A JSON request body (required: a missing or non-JSON body is refused, never read as `{}`). */
export function jsonBody<S extends z.ZodType>(schema: S, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

/** A JSON request body that may be left out (read as `{}`). */
export function optionalJsonBody<S extends z.ZodType>(schema: S) {
  return { required: false, content: { 'application/json': { schema } } } as const;
}

/** A JSON success response. */
export function jsonResponse<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** The error responses of a route, by status, each naming the codes it may carry. */
export function errorResponses(...codes: ApiErrorCode[]) {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of ['invalid_request', ...codes] as ApiErrorCode[]) {
    const status = new ApiError(code).status;
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: `Error: ${list.map((c) => `\`${c}\``).join(', ')}`,
        content: { 'application/json': { schema: ErrorBodySchema } },
      },
    ]),
  );
}

/**
 * A route declaration: `createRoute` with the errors every route may send (400 `invalid_request`) added.
 * Paths use `{param}`.
 */
export function apiRoute<R extends RouteConfig>(config: R & { errors?: ApiErrorCode[] }) {
  const { errors = [], ...route } = config;
  return createRoute({
    ...route,
    responses: { ...errorResponses(...errors), ...route.responses },
  } as unknown as R);
}
