/**
 * `/api/openapi.json` (OpenAPI 3.1, generated from the routes' schemas) and `/api/docs`, the interactive
 * reference (Swagger UI from the `swagger-ui-dist` package, served from this server: no CDN, no inline
 * script, so it runs under the app's Content-Security-Policy and offline).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { z } from 'zod';
import { API_ERROR_CODES } from './api-error.ts';
import { documentChannelRoutes } from './channel-route-docs.ts';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

const DESCRIPTION = `Conversational BI for customer churn. Errors are \`{ "error": { "code", "message", "issues?" } }\`; \`message\` is in the user's language (\`Accept-Language: zh\` or the body's \`language\`). Error codes: ${API_ERROR_CODES.map((c) => `\`${c}\``).join(', ')}.`;

/** The document's fixed parts. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: { title: 'Churn ChatBI API', version: '1', description: DESCRIPTION },
} as const;

/** The interactive reference's assets, read once from the installed package. */
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '${OPENAPI_PATH}', dom_id: '#docs', deepLinking: true });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Churn ChatBI API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/docs-init.js"></script>
</body>
</html>
`;

let assetDir: string | undefined;
const cache = new Map<string, string>();
function asset(name: keyof typeof ASSETS): string {
  assetDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(assetDir, name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/**
 * Serves the document and the reference on `app`, and documents them (with the channel webhooks) so the
 * document covers every route the app has.
 */
export function serveApiDocs<E extends Env>(app: OpenAPIHono<E>): void {
  documentChannelRoutes(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'chatbi_session',
    description: 'The web session (POST /api/auth/login); state-changing requests also send `X-CSRF-Token`.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (POST /api/auth/tokens) or `CHATBI_API_TOKEN`.',
  });
  const page = (path: string, summary: string, type: string) =>
    app.openAPIRegistry.registerPath({
      method: 'get',
      path,
      summary,
      tags: ['docs'],
      security: [],
      ...(path.includes('{asset}') ? { request: { params: z.object({ asset: z.string() }) } } : {}),
      responses: { 200: { description: summary, content: { [type]: { schema: {} } } } },
    });
  page(OPENAPI_PATH, 'This document (OpenAPI 3.1)', 'application/json');
  page(DOCS_PATH, 'Interactive API reference', 'text/html');
  page(`${DOCS_PATH}/{asset}`, "The reference's scripts and styles", 'text/javascript');

  app.doc31(OPENAPI_PATH, OPENAPI_CONFIG);
  app.get(DOCS_PATH, (c) => c.html(PAGE));
  app.get(`${DOCS_PATH}/:asset`, (c) => {
    const name = c.req.param('asset');
    if (name === 'docs-init.js')
      return c.body(INIT_JS, 200, { 'content-type': ASSETS['swagger-ui-bundle.js'] });
    if (!Object.hasOwn(ASSETS, name)) return c.notFound();
    const type = ASSETS[name as keyof typeof ASSETS];
    return c.body(asset(name as keyof typeof ASSETS), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
}
