import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModelFromDir } from '../semantic-layer/src/index.ts';
import type { AnalyticsEngine } from '../server/src/data/analytics-engine.ts';
import {
  analyticsDatabaseUrl,
  analyticsSchema,
  openAnalyticsStore,
} from '../server/src/data/analytics-store.ts';
import { generateDemo } from '../server/src/data/demo/generate-demo.ts';
import { ingest } from '../server/src/data/ingest/ingest.ts';
import type { ModelRuntime } from '../server/src/data/model-runtime.ts';
import { prepareModel } from '../server/src/data/model-runtime.ts';
import { PostgresEngine } from '../server/src/data/postgres-engine.ts';
import { MODELS_DIR, PROJECT_ROOT } from '../server/src/server/start-server.ts';

/**
 * The models the evals ask: the retail demo (generated once, small: interpretation needs the
 * catalog's indexed values, not volume) and IBM Telco (ingested from the shared dataset).
 * Databases are cached in `dir` so repeated runs start in a second.
 */
export async function evalRuntimes(
  dir: string,
  log: (line: string) => void = () => {},
): Promise<{ runtimes: Map<string, ModelRuntime>; close(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const retailDb = join(dir, 'retail.duckdb');
  if (!existsSync(retailDb)) {
    log('generating the retail demo for evals (3,000 customers)…');
    await generateDemo({ dbPath: retailDb, customers: 3000, seed: 42 });
  }
  const telcoDb = join(dir, 'telco.duckdb');
  if (!existsSync(telcoDb)) {
    log('ingesting IBM Telco for evals…');
    const r = await ingest({
      model: 'telco',
      configPath: join(PROJECT_ROOT, 'semantic-layer/models/telco/ingest/telco.yaml'),
      dbPath: telcoDb,
    });
    if (!r.ok) throw new Error(`telco ingest failed: ${r.issues.map((i) => i.message).join('; ')}`);
  }
  const runtimes = new Map<string, ModelRuntime>();
  const engines: AnalyticsEngine[] = [];
  for (const [id, path] of [
    ['retail', retailDb],
    ['telco', telcoDb],
  ] as const) {
    const loaded = loadModelFromDir(join(MODELS_DIR, id));
    if (!loaded.ok) throw new Error(`model ${id} invalid: ${loaded.issues.map((i) => i.message).join('; ')}`);
    const engine = await openAnalyticsStore({
      name: `evals_${id}`,
      duckdbPath: path,
      connections: 2,
      duckdb: { threads: 2 },
      ...(analyticsDatabaseUrl() ? { schema: analyticsSchema(`evals_${id}_${process.pid}`) } : {}),
    });
    engines.push(engine);
    runtimes.set(id, await prepareModel(engine, loaded.model));
  }
  return {
    runtimes,
    async close() {
      // A PostgreSQL store per run (schema named by the process): dropped with the run.
      for (const e of engines) await (e instanceof PostgresEngine ? e.drop() : e.close());
    },
  };
}
