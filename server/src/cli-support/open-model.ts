import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadModelFromDir } from '../../../semantic-layer/src/index.ts';
import { formatIssue } from '../../../semantic-layer/src/issues.ts';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import { openAnalyticsStore } from '../data/analytics-store.ts';
import { type ModelRuntime, prepareModel } from '../data/model-runtime.ts';
import { MODELS_DIR } from '../server/start-server.ts';

/** A model's runtime for the command line, or a message saying what to do. */
export async function openModelForCli(
  modelId: string,
  dataDir: string,
  modelsDirs: string[] = [],
): Promise<{ ok: true; runtime: ModelRuntime; close(): Promise<void> } | { ok: false; message: string }> {
  const roots = [...modelsDirs.map((d) => resolve(d)), MODELS_DIR];
  const dir = roots.map((root) => join(root, modelId)).find((d) => existsSync(join(d, 'model.yaml')));
  if (!dir) return { ok: false, message: `no model "${modelId}" in ${roots.join(', ')}` };
  const loaded = loadModelFromDir(dir);
  if (!loaded.ok)
    return {
      ok: false,
      message: `model ${modelId} is invalid:\n${loaded.issues.map(formatIssue).join('\n')}`,
    };
  const db = resolve(dataDir, `${modelId}.duckdb`);
  if (!existsSync(db))
    return {
      ok: false,
      message: `no data for ${modelId} at ${db}: run \`npm run demo\` (retail) or \`npm run ingest -- --model ${modelId} …\` first`,
    };
  let engine: AnalyticsEngine;
  try {
    engine = await openAnalyticsStore({
      name: modelId,
      duckdbPath: db,
      connections: 1,
      duckdb: { threads: 2 },
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: /lock/i.test(text)
        ? `${db} is in use by another process (is \`npm start\` running?). Stop it, or ask through the API: POST /api/ask`
        : text,
    };
  }
  const runtime = await prepareModel(engine, loaded.model);
  return { ok: true, runtime, close: () => engine.close() };
}
