/**
 * The HTTP contract: `/api/openapi.json` is a valid OpenAPI 3.1 document that describes every route the
 * product app serves, a route added without a schema is caught, `/api/docs` works offline under the CSP,
 * and bad input is a 4xx with a code and a message in the user's language.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productApp } from '../../test/http/product-app.ts';
import { undocumentedRoutes } from '../../test/http/route-coverage.ts';
import { pgliteStore } from '../../test/store/test-stores.ts';
import type { Store } from '../store/open-store.ts';

// biome-ignore lint/suspicious/noExplicitAny: the document is checked field by field
type Json = Record<string, any>;

describe('the OpenAPI contract', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof productApp>>;
  let document: Json;

  beforeAll(async () => {
    store = await pgliteStore();
    app = await productApp(store);
    const res = await app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    document = (await res.json()) as Json;
  }, 240_000);
  afterAll(async () => store?.close());

  it('is served without signing in and validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route the product app serves, the raw-body channel webhooks included', () => {
    expect(undocumentedRoutes(app, document)).toEqual([]);
    const paths = Object.keys(document.paths);
    expect(paths.length).toBeGreaterThanOrEqual(40);
    for (const path of [
      '/api/ask',
      '/api/models/{model}/versions/{no}/approve',
      '/slack/events',
      '/wecom/bot',
    ])
      expect(paths).toContain(path);
    // The ask route's body and answer come from the zod schemas the route validates with.
    const ask = document.paths['/api/ask'].post;
    expect(ask.requestBody.required).toBe(true);
    expect(ask.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(Object.keys(ask.responses['200'].content)).toEqual(['application/json', 'text/event-stream']);
    expect(ask.responses['400'].description).toContain('invalid_request');
    expect(document.components.securitySchemes.session).toMatchObject({
      in: 'cookie',
      name: 'chatbi_session',
    });
  });

  it('fails when a route is added without a schema', async () => {
    const fixture = await productApp(store);
    fixture.get('/api/reports/:id', (c) => c.json({ id: c.req.param('id') }));
    fixture.post('/api/undeclared', (c) => c.json({}));
    const doc = (await (await fixture.request('/api/openapi.json')).json()) as Json;
    expect(undocumentedRoutes(fixture, doc)).toEqual(['GET /api/reports/{id}', 'POST /api/undeclared']);
  });

  it('serves the interactive docs from this server, under the CSP, with no inline script', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attrs, body] of scripts) {
      expect(body?.trim()).toBe('');
      expect(attrs).toMatch(/src="\/api\/docs\/[a-z-]+\.js"/);
    }
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ['swagger-ui-bundle.js', 'docs-init.js', 'swagger-ui.css']) {
      const res = await app.request(`/api/docs/${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length).toBeGreaterThan(100);
    }
    expect((await app.request('/api/docs/secret.js')).status).toBe(404);
  });

  it('answers bad input with a 4xx, a code and a message in the language asked for', async () => {
    const malformed = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: '{"username": ',
    });
    expect(malformed.status).toBe(400);
    const m = (await malformed.json()) as Json;
    expect(m.error.code).toBe('invalid_request');
    expect(m.error.message).toMatch(/[\u4e00-\u9fff]/);

    const missing = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ username: 'analyst' }),
    });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as Json;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues).toEqual([{ path: 'password', message: expect.any(String) }]);
    expect(body.error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
