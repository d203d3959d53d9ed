/**
 * Which routes an app serves that its OpenAPI document does not describe. Every handler Hono registered
 * (middleware, `app.use`, has method ALL and is not a route) is compared with the document's paths and
 * methods; `{param}` and `:param` are the same. The web app's static fallback (`*`) is not an API route.
 */
import type { Hono } from 'hono';

interface DocumentPaths {
  paths?: Record<string, Record<string, unknown>>;
}

const NOT_API = new Set(['*', '/*', '/assets/*']);

/** `METHOD /path` of each registered route missing from `document`. */
export function undocumentedRoutes(app: Pick<Hono, 'routes'>, document: DocumentPaths): string[] {
  const documented = new Set<string>();
  for (const [path, item] of Object.entries(document.paths ?? {}))
    for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
  const missing = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL' || NOT_API.has(route.path)) continue;
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const key = `${route.method} ${path}`;
    if (!documented.has(key)) missing.add(key);
  }
  return [...missing].sort();
}
