import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import type { RunAnalysis } from '../analysis/analysis-contract.ts';
import { llmFromEnv } from '../ask/llm/llm-from-env.ts';
import { ChannelService, type ChannelServiceOptions } from '../channels/channel-service.ts';
import { generateDemo } from '../data/demo/generate-demo.ts';
import { AnalyticsEngine } from '../data/duckdb-engine.ts';
import { createApp } from '../http/app.ts';
import type { AuthEnv } from '../http/auth/auth-context.ts';
import { type BootstrapResult, bootstrapAuth } from '../http/auth/bootstrap.ts';
import { ModelRegistry } from '../models/model-registry.ts';
import { openStore, type Store } from '../store/open-store.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MODELS_DIR = join(PROJECT_ROOT, 'semantic-layer/models');

export interface ServerOptions {
  /** Analytic databases (<model>.duckdb) and, without DATABASE_URL, the PGlite app state (app/). */
  dataDir: string;
  port: number;
  /** 0.0.0.0 to listen on every interface; loopback by default. */
  host?: string;
  databaseUrl?: string;
  /** An already open app store (tests); otherwise opened from databaseUrl or dataDir/app. */
  store?: Store;
  /** Customers of the demo generated on first start when the default model has no database. */
  demoCustomers: number;
  demoSeed?: number;
  /** Demo mode: demo users and one-click sign-in (default: true when the demo data is in use). */
  demo?: boolean;
  apiToken?: string;
  log: (line: string) => void;
  /** Extra routers behind authentication (governance), given the store and registry. */
  extraRoutes?: (store: Store, registry: ModelRegistry) => Record<string, Hono<AuthEnv>>;
  /** Loads the published definitions into the registry instead of the YAML folders (governance). */
  activateModels?: (
    store: Store,
    registry: ModelRegistry,
    engines: Map<string, AnalyticsEngine>,
    log: (line: string) => void,
  ) => Promise<void>;
  runAnalysis?: RunAnalysis;
  webDist?: string;
  /** Slack / WeCom (`channelConfigFromEnv`); tests also inject a clock, a retry policy and worker tuning. */
  channels?: Pick<ChannelServiceOptions, 'config' | 'now' | 'retry' | 'worker'>;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  registry: ModelRegistry;
  boot: BootstrapResult;
  /** The chat channels (routes mounted only for configured ones) and their job worker. */
  channels: ChannelService;
  close(): Promise<void>;
}

/**
 * Starts the product: demo data on first run (with progress), each model's DuckDB engine and derived
 * tables, the app store (PGlite or PostgreSQL), first-start accounts, then the HTTP server.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const retailDb = join(dataDir, 'retail.duckdb');
  let demoData = existsSync(retailDb);
  if (!demoData) {
    opts.log(
      `first start: generating the demo CRM (${opts.demoCustomers.toLocaleString('en-US')} customers) → ${retailDb}`,
    );
    const result = await generateDemo({
      dbPath: retailDb,
      customers: opts.demoCustomers,
      seed: opts.demoSeed ?? 42,
      onProgress: (step, done, total, detail) =>
        opts.log(`  [${done}/${total}] ${step}${detail ? ` (${detail.seconds.toFixed(1)} s)` : ''}`),
    });
    opts.log(`demo data ready in ${result.seconds.toFixed(1)} s`);
    demoData = true;
  }

  const registry = new ModelRegistry('retail');
  const engines = new Map<string, AnalyticsEngine>();
  for (const id of modelsWithData(dataDir)) {
    const engine = await AnalyticsEngine.open({
      path: join(dataDir, `${id}.duckdb`),
      connections: 4,
      threads: 2,
      memoryLimit: process.env.CHATBI_DUCKDB_MEMORY ?? '1GB',
      lockdown: { allowedDirectories: [dataDir] },
    });
    engines.set(id, engine);
  }

  const store =
    opts.store ?? (await openStore({ databaseUrl: opts.databaseUrl, dataDir: join(dataDir, 'app') }));
  try {
    if (opts.activateModels) await opts.activateModels(store, registry, engines, opts.log);
    else
      for (const [id, engine] of engines) {
        const loaded = loadModelFromDir(join(MODELS_DIR, id));
        if (!loaded.ok)
          throw new Error(`model ${id} is invalid:\n${loaded.issues.map((i) => i.message).join('\n')}`);
        opts.log(`model ${id}: preparing derived tables…`);
        await registry.add(engine, loaded.model, 0, (table, s) =>
          opts.log(`  ${table} built in ${s.toFixed(1)} s`),
        );
      }

    const demo = opts.demo ?? demoData;
    const boot = await bootstrapAuth(store, { demo, apiToken: opts.apiToken });
    const llm = llmFromEnv();
    const answerDeps = {
      llm,
      runAnalysis: opts.runAnalysis,
      log: (m: string, e?: unknown) =>
        opts.log(`${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    };
    const channels = new ChannelService({
      config: { rateLimitPerMinute: 20 },
      ...opts.channels,
      store,
      registry,
      answerDeps,
      log: opts.log,
    });
    const app = createApp({
      store,
      registry,
      demo,
      answerDeps,
      channelRoutes: channels.routes(),
      integrations: () => channels.status(),
      webDist: opts.webDist,
      extraRoutes: opts.extraRoutes?.(store, registry),
      log: (m, e) => opts.log(`${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    });

    const host = opts.host ?? '127.0.0.1';
    const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((ok) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname: host }, (info) =>
        ok({ server: s, port: info.port }),
      );
    });
    channels.start();
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host === '127.0.0.1' ? 'localhost' : host}:${port}`;
    return {
      url,
      port,
      store,
      registry,
      boot,
      channels,
      async close() {
        await new Promise<void>((ok) => server.close(() => ok()));
        await channels.stop();
        await registry.close();
        for (const engine of engines.values()) await engine.close().catch(() => undefined);
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    for (const engine of engines.values()) await engine.close().catch(() => undefined);
    throw error;
  }
}

/** Model ids with both a definition folder and a database in the data folder (retail first). */
function modelsWithData(dataDir: string): string[] {
  const ids = ['retail', 'telco', 'cdnow'];
  return ids.filter(
    (id) => existsSync(join(dataDir, `${id}.duckdb`)) && existsSync(join(MODELS_DIR, id, 'model.yaml')),
  );
}
