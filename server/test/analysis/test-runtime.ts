/**
 * Test support shared by the analysis folders: a `ModelRuntime` over a generated demo CRM with the
 * retail model materialised. Generating and materialising cost seconds, so the finished database is
 * cached in the OS temp dir, keyed by size, seed, scenario, the generator's sources, the model version
 * and the materialisation code; each call copies it into its own temp dir (the engine may write), so
 * test files running in parallel never share a DuckDB file.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compile,
  loadModelFromDir,
  type SemanticModel,
  type SemanticQueryInput,
} from '../../../semantic-layer/src/index.ts';
import type { AnalyticsEngine, OnRows, StreamOptions } from '../../src/data/analytics-engine.ts';
import { generateDemo, truthPathFor } from '../../src/data/demo/generate-demo.ts';
import { DEFAULT_SCENARIO_PATH } from '../../src/data/demo/scenario.ts';
import type { DemoTruth } from '../../src/data/demo/truth.ts';
import { DuckDbEngine } from '../../src/data/duckdb-engine.ts';
import { type ModelRuntime, prepareModel } from '../../src/data/model-runtime.ts';
import { closeTestEngine, sharedPostgresEngine, testAnalyticsEngine } from '../data/test-analytics-engine.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..', '..');
const DEMO_DIR = join(ROOT, 'server', 'src', 'data', 'demo');
const MATERIALIZE_DIR = join(ROOT, 'semantic-layer', 'src', 'materialize');
/** The generator classifies feedback as it writes it: a lexicon change changes the data. */
const FEEDBACK_DIR = join(ROOT, 'server', 'src', 'feedback');
export const RETAIL_MODEL_DIR = join(ROOT, 'semantic-layer', 'models', 'retail');
const CACHE_DIR = join(tmpdir(), 'chatbi-analysis-demo-cache');

export interface DemoRuntimeOptions {
  /** Customers to generate (3,000–5,000 is enough for the planted effects). Default 4,000. */
  customers?: number;
  seed?: number;
  /** A scenario YAML (default: the default scenario). */
  scenarioPath?: string;
  /** A model folder (default: semantic-layer/models/retail). */
  modelDir?: string;
}

export interface DemoRuntime {
  runtime: ModelRuntime;
  /** The planted truth the generator wrote beside the database. */
  truth: DemoTruth;
  /** Closes the engine and removes this copy. */
  close: () => Promise<void>;
}

function loadRetail(modelDir: string): SemanticModel {
  const loaded = loadModelFromDir(modelDir);
  if (!loaded.ok) throw new Error(`model ${modelDir} does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.model;
}

/** Content hash of every .ts/.yaml/.json file under `dir` (sorted), for cache keys (the feedback model is JSON). */
function hashTree(dir: string, hash = createHash('sha256')): ReturnType<typeof createHash> {
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|ya?ml|json)$/.test(name) && !name.endsWith('.test.ts')) {
        hash.update(relative(dir, p));
        hash.update(readFileSync(p));
      }
    }
  };
  walk(dir);
  return hash;
}

/**
 * Runs `build(tmpPath)` once across processes: the first caller takes a lock directory, builds into a
 * private path and renames it into place (atomic); the others wait for the file to appear.
 */
async function buildOnce(target: string, build: (tmpPath: string) => Promise<void>): Promise<void> {
  const lock = `${target}.lock`;
  for (let waited = 0; !existsSync(target); ) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than 15 minutes is stale (a killed run).
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 15 * 60_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      waited += 250;
      if (waited > 20 * 60_000) throw new Error(`timed out waiting for ${target}`);
      continue;
    }
    try {
      if (existsSync(target)) return;
      const tmp = join(lock, 'build.duckdb');
      await build(tmp);
      renameSync(truthPathFor(tmp), truthPathFor(target));
      renameSync(tmp, target);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * A ready `ModelRuntime` over a generated demo CRM, from the cache when possible.
 * @example const demo = await demoRuntime({ customers: 4000, seed: 7 }); … await demo.close();
 */
export async function demoRuntime(opts: DemoRuntimeOptions = {}): Promise<DemoRuntime> {
  const customers = opts.customers ?? 4000;
  const seed = opts.seed ?? 7;
  const scenarioPath = opts.scenarioPath ?? DEFAULT_SCENARIO_PATH;
  const model = loadRetail(opts.modelDir ?? RETAIL_MODEL_DIR);
  mkdirSync(CACHE_DIR, { recursive: true });

  const demoHash = hashTree(FEEDBACK_DIR, hashTree(DEMO_DIR))
    .update(readFileSync(scenarioPath))
    .digest('hex')
    .slice(0, 16);
  const raw = join(CACHE_DIR, `demo-${customers}-${seed}-${demoHash}.duckdb`);
  await buildOnce(raw, async (tmp) => {
    await generateDemo({ dbPath: tmp, customers, seed, scenarioPath });
  });

  const matHash = hashTree(MATERIALIZE_DIR).update(model.version).digest('hex').slice(0, 12);
  const built = raw.replace(/\.duckdb$/, `-${model.id}-${matHash}.duckdb`);
  await buildOnce(built, async (tmp) => {
    copyFileSync(raw, tmp);
    copyFileSync(truthPathFor(raw), truthPathFor(tmp));
    const engine = await DuckDbEngine.open({ path: tmp, connections: 1, threads: 2 });
    try {
      await prepareModel(engine, model);
      await engine.exec('CHECKPOINT');
    } finally {
      await engine.close();
    }
  });

  const truthOf = () => JSON.parse(readFileSync(truthPathFor(built), 'utf8')) as DemoTruth;
  // PostgreSQL: one store per cached database, loaded and materialised once for every test file.
  const shared = await sharedPostgresEngine(built, basename(built, '.duckdb'), (e) => prepareModel(e, model));
  if (shared) {
    const runtime = await prepareModel(shared, model);
    return { runtime, truth: truthOf(), close: () => shared.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'analysis-test-'));
  const path = join(dir, 'retail.duckdb');
  copyFileSync(built, path);
  const truth = JSON.parse(readFileSync(truthPathFor(built), 'utf8')) as DemoTruth;
  const engine = await testAnalyticsEngine(path, 'analysis');
  const runtime = await prepareModel(engine, model);
  return {
    runtime,
    truth,
    close: async () => {
      await closeTestEngine(engine);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One statement an analysis ran. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * The same runtime with an engine that records every statement it runs, so a test can prove that
 * each one carries the user's row-level security (as a parameter).
 */
export function recordingRuntime(runtime: ModelRuntime): {
  runtime: ModelRuntime;
  statements: RecordedStatement[];
} {
  const statements: RecordedStatement[] = [];
  const engine = new Proxy(runtime.engine, {
    get(target, prop) {
      if (prop === 'query') {
        return (sql: string, params: unknown[] = [], opts?: Parameters<AnalyticsEngine['query']>[2]) => {
          statements.push({ sql, params });
          return target.query(sql, params, opts);
        };
      }
      if (prop === 'stream') {
        return (sql: string, params: unknown[], ...rest: [OnRows, StreamOptions?]) => {
          statements.push({ sql, params });
          return target.stream(sql, params, ...rest);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { runtime: { ...runtime, engine }, statements };
}

/** Rows of a governed query compiled and run the way the product runs it (for expected values in tests). */
export async function governedRows(
  runtime: ModelRuntime,
  query: Omit<SemanticQueryInput, 'model'>,
  attributes?: Record<string, string[]>,
): Promise<Record<string, unknown>[]> {
  const r = compile(
    runtime.model,
    { model: runtime.model.id, ...query },
    { dialect: runtime.engine.dialect, asOf: runtime.asOf, attributes },
  );
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return (await runtime.engine.query(r.compiled.sql, r.compiled.params)).rows;
}
