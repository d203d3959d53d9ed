import { Hono } from 'hono';
import { afterAll, beforeAll, expect } from 'vitest';
import { compile } from '../../../../semantic-layer/src/index.ts';
import { loadFixture, retailModel } from '../../../../semantic-layer/test/load-fixture.ts';
import type { AnalyticsEngine } from '../../../src/data/analytics-engine.ts';
import { DuckDbEngine } from '../../../src/data/duckdb-engine.ts';
import { loadPublished, seedModelVersions } from '../../../src/governance/published-models.ts';
import type { AuthEnv } from '../../../src/http/auth/auth-context.ts';
import { authenticate } from '../../../src/http/auth/authenticate.ts';
import { auditRoutes } from '../../../src/http/routes/audit.ts';
import { definitionRoutes } from '../../../src/http/routes/definitions.ts';
import { wrongAnswerRoutes } from '../../../src/http/routes/wrong-answers.ts';
import { ModelRegistry } from '../../../src/models/model-registry.ts';
import type { Store } from '../../../src/store/open-store.ts';
import type { StoreFactory } from '../../store/test-stores.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
export type Json = Record<string, any>;
export type Who = 'admin' | 'admin2' | 'analyst' | 'analyst2' | 'viewer';

export const RETAIL_DIR = new URL('../../../../semantic-layer/models/retail', import.meta.url).pathname;
export const Q3 = { start: '2026-07-01', end: '2026-10-01' };

/** Defines the governance suite against a store from `factory`. */

export interface GovernanceFixture {
  store: Store;
  engine: AnalyticsEngine;
  registry: ModelRegistry;
  app: Hono<AuthEnv>;
  ids: Record<Who, string>;
  call: (
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Json; text: string }>;
  /** Churn rate of Q3 2026 as the live registry answers it now. */
  liveChurnRate: () => Promise<number>;
  churnYaml: (files: Record<string, string>) => string;
}

export function governanceFixture(factory: StoreFactory): GovernanceFixture {
  let store: Store;
  let engine: AnalyticsEngine;
  let registry: ModelRegistry;
  let app: Hono<AuthEnv>;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;

  beforeAll(async () => {
    [store, engine] = await Promise.all([factory(), fixtureAnalytics()]);
    const seeded = await seedModelVersions(store, { retail: RETAIL_DIR });
    expect(seeded).toEqual([{ model: 'retail', versionNo: 1, created: true }]);
    const published = await loadPublished(store, 'retail');
    registry = new ModelRegistry('retail');
    await registry.add(engine, published!.model, published!.version.versionNo);
    for (const [username, role] of [
      ['admin', 'admin'],
      ['admin2', 'admin'],
      ['analyst', 'analyst'],
      ['analyst2', 'analyst'],
      ['viewer', 'viewer'],
    ] as const) {
      const user = await store.users.create({ username, role });
      ids[username] = user.id;
      tokens[username] = (await store.apiTokens.create(user.id, 'test')).token;
    }
    app = new Hono<AuthEnv>();
    app.use('*', authenticate(store));
    app.route('/models', definitionRoutes({ store, registry }));
    app.route('/audit', auditRoutes({ store }));
    app.route('/wrong-answers', wrongAnswerRoutes({ store, registry }));
  });
  afterAll(async () => {
    await registry?.close();
    await store?.close();
  });

  const call = async (
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Json) : {};
    return { status: res.status, body: json, text };
  };

  /** Churn rate of Q3 2026 as the live registry answers it now. */
  const liveChurnRate = async () => {
    const { runtime } = registry.get('retail');
    const compiled = compile(
      runtime.model,
      { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
      { dialect: 'duckdb', asOf: runtime.asOf },
    );
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    const result = await runtime.engine.query(compiled.compiled.sql, compiled.compiled.params);
    return Number(result.rows[0]!.churn_rate);
  };
  const churnYaml = (files: Record<string, string>) => files['churn.yaml']!;

  return {
    get store() {
      return store;
    },
    get engine() {
      return engine;
    },
    get registry() {
      return registry;
    },
    get app() {
      return app;
    },
    ids,
    call,
    liveChurnRate,
    churnYaml,
  };
}

/** An in-memory analytics engine holding the semantic layer's fixture CRM with its derived tables. */
async function fixtureAnalytics(): Promise<AnalyticsEngine> {
  const engine = await DuckDbEngine.open({ path: ':memory:', connections: 2 });
  await loadFixture(engine, retailModel());
  return engine;
}
