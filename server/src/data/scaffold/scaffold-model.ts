/**
 * The scaffold end to end: profile the table, guess the model, write its folder (definitions and ingest
 * mapping), validate it, ingest the data, and say what was guessed and what to do next, with the time
 * each step took.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue as formatModelIssue, loadModel } from '../../../../semantic-layer/src/index.ts';
import { ingest } from '../ingest/ingest.ts';
import { formatIssue } from '../ingest/mapping-issue.ts';
import type { IngestReport } from '../ingest/report.ts';
import { sharedDataDir } from '../shared-data.ts';
import { type GuessOptions, guessModel, type ScaffoldPlan } from './guess-model.ts';
import { scaffoldFiles } from './model-files.ts';
import { exportTable, measureLog, profileTable, type TableProfile } from './profile-table.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ScaffoldOptions {
  from: string;
  id: string;
  /** Folder the model folder goes in (default semantic-layer/models). */
  outDir?: string;
  dataDir?: string;
  table?: string;
  key?: string;
  churnColumn?: string;
  windowDays?: number;
  currency?: string;
  clean?: boolean;
  force?: boolean;
  /** Today for a table without dates (as_of); default the clock's date. */
  today?: string;
  log: (line: string) => void;
}

export type ScaffoldResult =
  | {
      ok: true;
      plan: ScaffoldPlan;
      modelDir: string;
      dbPath: string;
      report: IngestReport;
      seconds: Record<string, number>;
    }
  | { ok: false; message: string };

/**
 * The plan of a profiled table: guessed, and for a log guessed again with the measured gaps between rows
 * (the inactivity window). The CLI and the web upload both plan through here.
 */
export async function planTable(profile: TableProfile, opts: GuessOptions): Promise<ScaffoldPlan> {
  const plan = guessModel(profile, opts);
  if (plan.churn?.kind !== 'inactivity') return plan;
  const { column, format } = plan.churn;
  return guessModel(profile, { ...opts, ...(await measureLog(profile, plan.key, column, format)) });
}

/** How a mapping refers to the table: under the shared data folder portably, else relative to the mapping. */
function sourceReference(file: string, mappingDir: string): string {
  const shared = sharedDataDir();
  if (file.startsWith(shared + sep))
    return `\${CHATBI_SHARED_DATA}/${relative(shared, file).split(sep).join('/')}`;
  return relative(mappingDir, file).split(sep).join('/');
}

export async function scaffoldModel(opts: ScaffoldOptions): Promise<ScaffoldResult> {
  const { log } = opts;
  const fail = (message: string): ScaffoldResult => {
    log(`error: ${message}`);
    return { ok: false, message };
  };
  if (!/^[a-z][a-z0-9_]*$/.test(opts.id))
    return fail(`--name ${opts.id}: use snake_case (a-z, 0-9, _), e.g. ecommerce`);
  const currency = (opts.currency ?? 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return fail(`--currency ${opts.currency}: use an ISO 4217 code such as USD, EUR, CNY`);
  const from = resolve(opts.from);
  if (!existsSync(from)) return fail(`${opts.from} does not exist`);
  const outDir = resolve(opts.outDir ?? join(PROJECT_ROOT, 'semantic-layer/models'));
  const modelDir = join(outDir, opts.id);
  if (existsSync(modelDir) && readdirSync(modelDir).length > 0 && !opts.force)
    return fail(`${modelDir} already exists: choose another --name, or --force to overwrite it`);
  const dataDir = resolve(opts.dataDir ?? '.data');
  const dbPath = join(dataDir, `${opts.id}.duckdb`);
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await work();
    seconds[step] = (performance.now() - t0) / 1000;
    return out;
  };

  const profile = await timed('read', () => profileTable(from, { table: opts.table }));
  log(
    `read ${profile.rows.toLocaleString('en-US')} rows × ${profile.columns.length} columns of ${opts.from}${profile.table ? ` (table ${profile.table})` : ''} in ${seconds.read!.toFixed(1)} s`,
  );
  const guessOpts = {
    id: opts.id,
    key: opts.key,
    churnColumn: opts.churnColumn,
    clean: opts.clean,
    windowDays: opts.windowDays,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
  };
  const plan = await timed('gaps', () => planTable(profile, guessOpts));

  const mappingDir = join(modelDir, 'ingest');
  let sourceFile = from;
  if (profile.kind === 'duckdb') {
    sourceFile = join(dataDir, 'sources', `${opts.id}.parquet`);
    mkdirSync(dirname(sourceFile), { recursive: true });
    await timed('export', () => exportTable(profile, sourceFile));
    log(
      `copied table ${profile.table} to ${relative(process.cwd(), sourceFile)} (ingest mappings read files)`,
    );
  }
  const files = scaffoldFiles(plan, {
    sourceFile: isAbsolute(sourceFile) ? sourceReference(sourceFile, mappingDir) : sourceFile,
    currency,
    description: `${plan.label}, from ${profile.table ?? opts.from.split(/[\\/]/).pop()}`,
  });
  const loaded = loadModel(files.definitions);
  if (!loaded.ok) {
    for (const issue of loaded.issues) log(`  ${formatModelIssue(issue)}`);
    return fail(
      'the scaffolded model does not validate (a bug of the scaffold: please report it with the table)',
    );
  }
  mkdirSync(mappingDir, { recursive: true });
  for (const [name, text] of Object.entries(files.definitions)) writeFileSync(join(modelDir, name), text);
  const mappingPath = join(mappingDir, `${opts.id}.yaml`);
  writeFileSync(mappingPath, files.mapping);
  log(
    `wrote ${relative(process.cwd(), modelDir) || modelDir}/ (${Object.keys(files.definitions).join(', ')}, ingest/${opts.id}.yaml)`,
  );

  log('\nwhat was guessed (check it):');
  for (const note of plan.notes) log(`  - ${note}`);
  const dims = plan.attributes.filter((a) => a.role !== 'skipped' && a.role !== 'measure_only');
  if (dims.length)
    log(`  - dimensions: ${dims.map((a) => a.name + (a.role === 'band' ? '_band' : '')).join(', ')}`);
  log(`  - metrics: ${Object.keys(loaded.model.metrics).join(', ')}`);

  const result = await timed('ingest', () => ingest({ model: opts.id, configPath: mappingPath, dbPath }));
  if (!result.ok) {
    for (const issue of result.issues) log(`  ${formatIssue(issue)}`);
    return fail(`ingest of ${mappingPath} failed`);
  }
  for (const t of result.report.tables)
    log(
      `ingested ${t.table}: ${t.loaded.toLocaleString('en-US')} rows${t.rejected ? `, ${t.rejected} rejected (see ${t.rejectsFile ?? 'the report'})` : ''}`,
    );
  log(`into ${relative(process.cwd(), dbPath) || dbPath} in ${seconds.ingest!.toFixed(1)} s`);

  const inRepo = outDir === resolve(PROJECT_ROOT, 'semantic-layer/models');
  const modelsDirFlag = inRepo ? '' : ` --models-dir ${relative(process.cwd(), outDir) || '.'}`;
  const dataDirFlag = dataDir === resolve('.data') ? '' : ` --data-dir ${relative(process.cwd(), dataDir)}`;
  // The first category a user would group by (not the customer id, which is there for lists).
  const first = Object.values(loaded.model.dimensions).find(
    (d) => d.type === 'categorical' && d.index_values,
  );
  const question = first
    ? `${plan.churn ? 'churn rate' : 'customers'} by ${first.label.en.toLowerCase()}`
    : plan.churn
      ? 'churn rate by quarter'
      : 'how many customers';
  log(`
next steps:
  1. read the guesses above and the files in ${relative(process.cwd(), modelDir)}/ (semantic-layer/MODELING.md explains each field);
     add Chinese labels and synonyms (label: { zh: …, en: … }) so questions in Chinese match too
  2. npm start${modelsDirFlag || dataDirFlag ? ' --' : ''}${modelsDirFlag}${dataDirFlag}        (serves "${opts.id}" next to the other models)
  3. ask "${question}" — in the web chat pick the model "${plan.label}", or over HTTP:
     curl -s localhost:8787/api/ask -H "Authorization: Bearer $CHATBI_API_TOKEN" -H 'content-type: application/json' \\
          -d '{"model": "${opts.id}", "question": "${question}"}'
  4. re-load changed data with: npm run ingest -- --config ${relative(process.cwd(), mappingPath)} --db ${relative(process.cwd(), dbPath)}`);
  return { ok: true, plan, modelDir, dbPath, report: result.report, seconds };
}
