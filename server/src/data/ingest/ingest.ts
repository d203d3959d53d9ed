/**
 * Ingest: reads a mapping, loads its sources into the canonical churn model in a DuckDB file and
 * returns the data-quality report. All table loads run in one transaction, so a failed run leaves
 * the database as it was; mapping problems come back together, before anything is written.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { CANONICAL_TABLE_NAMES, CANONICAL_TABLES, createTableSql } from '../../canonical/canonical-schema.ts';
import { classifyFeedbackTable } from '../classify-feedback-table.ts';
import { MATERIALIZED_TABLE } from '../model-runtime.ts';
import { ingestMessage } from './ingest-messages.ts';
import { loadTable } from './load-table.ts';
import type { MappingIssue } from './mapping-issue.ts';
import { ATTRIBUTES_TABLE, type LoadedMapping, loadMapping, type TargetTableName } from './mapping-load.ts';
import type { ProgressListener } from './progress.ts';
import { checkTable, existingTables } from './quality-checks.ts';
import type { IngestReport, TableReport } from './report.ts';
import { registerSources } from './sources.ts';
import { planTable, type TablePlan } from './table-plan.ts';

export interface IngestOptions {
  /** Model name; must match the mapping's `model` when given. Names the default database file. */
  model?: string;
  configPath: string;
  /** DuckDB file; default `.data/<model>.duckdb` (`:memory:` for a throwaway run). */
  dbPath?: string;
  mode?: 'replace' | 'append';
  /** Where to write the JSON report; rejects go to `rejects/<model>/` beside it. */
  reportPath?: string;
  /** Folder for reject CSVs; default beside the report, else `<db folder>/rejects/<model>`. */
  rejectsDir?: string;
  /** Language of refusals meant for the user (the CLI's: `cliLanguage()`); default English. */
  language?: 'zh' | 'en';
  /** PostgreSQL URL for sources that name none. */
  sourceUrl?: string;
  onProgress?: ProgressListener;
  /** "Now" for future-timestamp checks when the mapping has no as_of (tests pin it). */
  now?: Date;
}

export type IngestResult = { ok: true; report: IngestReport } | { ok: false; issues: MappingIssue[] };

/** Canonical tables first (customers before the facts that reference them), then attributes. */
const LOAD_ORDER: TargetTableName[] = [
  'customers',
  ATTRIBUTES_TABLE,
  ...CANONICAL_TABLE_NAMES.filter((t) => t !== 'customers'),
];

async function planAll(
  con: DuckDBConnection,
  loaded: LoadedMapping,
  sourceUrl: string | undefined,
): Promise<{ ok: true; plans: TablePlan[] } | { ok: false; issues: MappingIssue[] }> {
  const registered = await registerSources(con, loaded, { sourceUrl });
  if (!registered.ok) return registered;
  const issues: MappingIssue[] = [];
  const plans: TablePlan[] = [];
  const tables = loaded.mapping.tables;
  for (const table of LOAD_ORDER.filter((t) => t in tables)) {
    const planned = planTable(loaded, table, tables[table]!, registered.sources);
    if (!planned.ok) {
      issues.push(...planned.issues);
      continue;
    }
    try {
      // Binding the staging query finds broken expressions and joins before anything is written.
      await con.run(`DESCRIBE ${planned.plan.stageSql}`);
      plans.push(planned.plan);
    } catch (err) {
      const path = ['tables', table];
      issues.push({
        code: 'bad_expression',
        file: loaded.file,
        path: path.join('.'),
        line: loaded.lineOf(path),
        message: (err instanceof Error ? err.message : String(err)).split('\n')[0]!,
      });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plans };
}

/**
 * Runs one ingest and returns its report, or every mapping issue found.
 * @example
 * const r = await ingest({ configPath: 'semantic-layer/models/cdnow/ingest/cdnow.yaml', dbPath: ':memory:' });
 * if (r.ok) console.log(r.report.tables[0].loaded);
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const started = performance.now();
  const startedAt = new Date();
  const mapping = loadMapping(options.configPath);
  if (!mapping.ok) return mapping;
  const loaded = mapping.loaded;
  const model = loaded.mapping.model;
  if (options.model && options.model !== model) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_shape',
          file: loaded.file,
          path: 'model',
          line: loaded.lineOf(['model']),
          message: `mapping is for model "${model}", not "${options.model}"`,
        },
      ],
    };
  }
  const mode = options.mode ?? 'replace';
  const dbPath = options.dbPath ?? join('.data', `${model}.duckdb`);
  const inMemory = dbPath === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(dbPath)), { recursive: true });
  const rejectsDir =
    options.rejectsDir ??
    (options.reportPath
      ? join(dirname(resolve(options.reportPath)), 'rejects', model)
      : inMemory
        ? undefined
        : join(dirname(resolve(dbPath)), 'rejects', model));
  const referenceDate =
    loaded.mapping.as_of ?? (options.now ?? startedAt).toISOString().slice(0, 19).replace('T', ' ');

  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(dbPath);
  } catch (error) {
    if (!/lock/i.test((error as Error).message)) throw error;
    return {
      ok: false,
      issues: [
        {
          code: 'database_locked',
          file: resolve(dbPath),
          path: '',
          message: ingestMessage('database_locked', options.language ?? 'en', { db: dbPath }),
        },
      ],
    };
  }
  const con = await instance.connect();
  try {
    if (options.onProgress)
      await con.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    options.onProgress?.({ table: '*', phase: 'sources' });
    const planned = await planAll(con, loaded, options.sourceUrl);
    if (!planned.ok) return planned;
    // Record ordinals are fixed once the sources are registered, so the loads may reorder rows,
    // which lets DuckDB insert in parallel.
    await con.run('SET preserve_insertion_order = false');

    await con.run('BEGIN TRANSACTION');
    try {
      // Every canonical table exists after an ingest, so semantic models can read empty ones.
      for (const t of CANONICAL_TABLES.filter((x) => !x.optional)) await con.run(createTableSql(t, true));
      const loads = [];
      for (const plan of planned.plans)
        loads.push(await loadTable(con, plan, { mode, rejectsDir, onProgress: options.onProgress }));
      const existing = await existingTables(con);
      const tables: TableReport[] = [];
      for (const [i, plan] of planned.plans.entries()) {
        options.onProgress?.({ table: plan.table, phase: 'checks' });
        const quality = await checkTable(con, plan.table, plan.key, plan.checks, referenceDate, existing);
        tables.push({ ...loads[i]!, ...quality });
      }
      if (planned.plans.some((p) => p.table === 'feedback')) {
        options.onProgress?.({ table: 'feedback', phase: 'classify' });
        await classifyFeedbackTable(con);
      }
      // New data: every derived table is rebuilt the next time a model is prepared.
      await con.run(`DROP TABLE IF EXISTS ${MATERIALIZED_TABLE}`);
      await con.run('COMMIT');
      const report: IngestReport = {
        model,
        mapping: loaded.file,
        db: inMemory ? dbPath : resolve(dbPath),
        mode,
        startedAt: startedAt.toISOString(),
        seconds: (performance.now() - started) / 1000,
        referenceDate,
        tables,
      };
      if (options.reportPath) {
        mkdirSync(dirname(resolve(options.reportPath)), { recursive: true });
        writeFileSync(options.reportPath, `${JSON.stringify(report, null, 2)}\n`);
      }
      return { ok: true, report };
    } catch (err) {
      await con.run('ROLLBACK');
      throw err;
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
