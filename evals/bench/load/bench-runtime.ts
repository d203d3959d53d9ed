/**
 * The served model over the bench demo database .data/bench/retail-<N>.duckdb in place (generated when absent,
 * derived tables materialised when stale), as `npm start` activates it (interpreter warmed): what the
 * in-process benchmarks (stall-bench.ts, first-run-stall.ts) ask.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import { warmInterpreter } from '../../../server/src/ask/warm-interpreter.ts';
import { openAnalyticsStore } from '../../../server/src/data/analytics-store.ts';
import { generateDemo } from '../../../server/src/data/demo/generate-demo.ts';
import { prepareModel } from '../../../server/src/data/model-runtime.ts';

export async function openBenchRuntime(root: string, customers: number) {
  const db = join(root, `.data/bench/retail-${customers}.duckdb`);
  if (!existsSync(db)) await generateDemo({ dbPath: db, customers, seed: 42 });
  const engine = await openAnalyticsStore({
    name: `bench_${customers}`,
    duckdbPath: db,
    connections: 4,
    duckdb: { threads: 2, memoryLimit: '1GB' },
  });
  const model = loadModelFromDir(join(root, 'semantic-layer/models/retail'));
  if (!model.ok) throw new Error('retail model does not load');
  const active = { runtime: await prepareModel(engine, model.model), versionNo: 0 };
  // As `npm start` does when a model version is activated (before any question).
  warmInterpreter(active.runtime.catalog, active.runtime.asOf);
  return { engine, active };
}
