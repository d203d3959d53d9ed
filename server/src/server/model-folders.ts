/**
 * Which models the server can serve: every definition folder (`<dir>/<id>/model.yaml`) under the
 * shipped `semantic-layer/models/` and any `--models-dir`, matched with `<dataDir>/<id>.duckdb`.
 * What cannot be served is reported with what to do, never ignored silently.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ModelFolder {
  id: string;
  /** The definition folder (model.yaml, sources.yaml, …). */
  dir: string;
  /** Ingest mappings shipped with the model (`ingest/*.yaml`), used to load its data on first start. */
  ingestConfigs: string[];
}

export interface ModelSurvey {
  /** Models with a definition folder and a database, retail (the demo) first. */
  served: Array<ModelFolder & { db: string }>;
  /** Definition folders without a database in the data folder. */
  noData: ModelFolder[];
  /** Databases in the data folder without a definition folder. */
  noModel: string[];
}

/** Definition folders under each directory (later directories override earlier ones for the same id). */
export function findModelFolders(modelsDirs: string[]): Map<string, ModelFolder> {
  const found = new Map<string, ModelFolder>();
  for (const root of modelsDirs) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      if (!/^[a-z][a-z0-9_]*$/.test(name) || !statSync(dir).isDirectory()) continue;
      const ingestDir = join(dir, 'ingest');
      const ingestConfigs = existsSync(ingestDir)
        ? readdirSync(ingestDir)
            .filter((f) => f.endsWith('.yaml'))
            .sort()
            .map((f) => join(ingestDir, f))
        : [];
      if (existsSync(join(dir, 'model.yaml'))) found.set(name, { id: name, dir, ingestConfigs });
    }
  }
  return found;
}

/** Matches definition folders with the databases of the data folder. */
export function surveyModels(dataDir: string, modelsDirs: string[]): ModelSurvey {
  const folders = findModelFolders(modelsDirs);
  const databases = existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((f) => f.endsWith('.duckdb'))
        .map((f) => f.slice(0, -'.duckdb'.length))
        .sort()
    : [];
  const served = [...folders.values()]
    .filter((f) => databases.includes(f.id))
    .map((f) => ({ ...f, db: join(dataDir, `${f.id}.duckdb`) }))
    .sort((a, b) => (a.id === 'retail' ? -1 : b.id === 'retail' ? 1 : a.id.localeCompare(b.id)));
  return {
    served,
    noData: [...folders.values()].filter((f) => !databases.includes(f.id)),
    noModel: databases.filter((id) => !folders.has(id)),
  };
}

/** What to do about a database without a model (printed at start). */
export function noModelAdvice(dataDir: string, id: string): string {
  const db = relative(process.cwd(), join(dataDir, `${id}.duckdb`)) || `${id}.duckdb`;
  return `database ${db} has no model: not served. Scaffold one with \`npm run model -- init --from ${db} --name ${id}\`, or put its definition folder under semantic-layer/models/${id}/ or --models-dir`;
}

/** What to do about a model without data (printed at start). */
export function noDataAdvice(dataDir: string, folder: ModelFolder): string {
  const db = relative(process.cwd(), join(dataDir, `${folder.id}.duckdb`)) || `${folder.id}.duckdb`;
  const how = folder.ingestConfigs.length
    ? `\`npm run ingest -- --config ${relative(process.cwd(), folder.ingestConfigs[0]!)} --db ${db}\``
    : `\`npm run ingest -- --config <mapping.yaml> --db ${db}\` (see semantic-layer/MODELING.md)`;
  return `model ${folder.id} has no data (${db} is missing): not served. Load it with ${how}`;
}
