import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SemanticModel } from '../../../semantic-layer/src/model.ts';
import { retailModel } from '../../../semantic-layer/test/load-fixture.ts';
import { generateDemo } from '../../src/data/demo/generate-demo.ts';
import { DuckDbEngine } from '../../src/data/duckdb-engine.ts';
import { type ModelRuntime, prepareModel } from '../../src/data/model-runtime.ts';

/**
 * The generated retail demo, ready to query: a private copy of a cached generated database with the
 * model's derived tables materialised. The cache lives in the OS temp folder, keyed by the generator's
 * source (code and scenarios), the size and the seed, so a generator change regenerates it.
 */

const DEMO_DIR = new URL('../../src/data/demo/', import.meta.url).pathname;
const SCHEMA_FILE = new URL('../../src/canonical/canonical-schema.ts', import.meta.url).pathname;

export interface DemoStore extends ModelRuntime {
  close(): Promise<void>;
}

/** Hash of everything the generator's output depends on. */
function generatorHash(customers: number, seed: number): string {
  const h = createHash('sha256').update(`${customers}|${seed}\0`);
  const files = [
    ...readdirSync(DEMO_DIR)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(DEMO_DIR, f)),
    ...readdirSync(join(DEMO_DIR, 'scenarios')).map((f) => join(DEMO_DIR, 'scenarios', f)),
    SCHEMA_FILE,
  ].sort();
  for (const f of files) h.update(`${f.slice(DEMO_DIR.length)}\0${readFileSync(f)}\0`);
  return h.digest('hex').slice(0, 16);
}

/**
 * Path of the cached generated demo: generated on first use (concurrent callers each rename atomically),
 * and the copies made by earlier versions of the generator are removed.
 */
export async function cachedDemo(customers: number, seed: number): Promise<string> {
  const prefix = `chatbi-retail-demo-${customers}-${seed}-`;
  const name = `${prefix}${generatorHash(customers, seed)}.duckdb`;
  const path = join(tmpdir(), name);
  if (existsSync(path)) return path;
  const work = mkdtempSync(join(tmpdir(), 'chatbi-demo-gen-'));
  try {
    await generateDemo({ dbPath: join(work, 'demo.duckdb'), customers, seed });
    renameSync(join(work, 'demo.duckdb'), path);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const stale of readdirSync(tmpdir()).filter((f) => f.startsWith(prefix) && f !== name))
    rmSync(join(tmpdir(), stale), { force: true });
  return path;
}

/**
 * Opens a private copy of the demo (default 3,000 customers, seed 42) with `model` prepared on it.
 * @example const demo = await openDemo(); … await demo.close();
 */
export async function openDemo(
  opts: { customers?: number; seed?: number; model?: SemanticModel } = {},
): Promise<DemoStore> {
  const source = await cachedDemo(opts.customers ?? 3000, opts.seed ?? 42);
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-demo-'));
  const path = join(dir, 'retail.duckdb');
  copyFileSync(source, path);
  const engine = await DuckDbEngine.open({ path, connections: 2, threads: 2 });
  const runtime = await prepareModel(engine, opts.model ?? retailModel());
  return {
    ...runtime,
    close: async () => {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
