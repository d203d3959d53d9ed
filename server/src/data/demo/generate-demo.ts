/**
 * The demo CRM generator: a Chinese retail / e-commerce CRM with planted churn causes, built
 * entirely inside DuckDB with SQL (no rows pass through JS), so 1,000,000 customers fit in a few
 * minutes on 2 cores. Every random draw is `hash(seed, key, salt)`: one seed, one dataset.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CANONICAL_TABLES, createTableSql } from '../../canonical/canonical-schema.ts';
import { classifyFeedbackTable } from '../classify-feedback-table.ts';
import { customerSql } from './customer-step.ts';
import { feedbackSql } from './feedback-step.ts';
import { candidateSql, lifecycleSql } from './lifecycle-step.ts';
import { campaignTouchSql, communicationSql, touchSql } from './marketing-step.ts';
import { orderSql, peakOrderSql } from './order-step.ts';
import { DEFAULT_SCENARIO_PATH, formatScenarioErrors, loadScenario, type Scenario } from './scenario.ts';
import { interactionSql, signalSql, ticketSql } from './service-step.ts';
import { lit, randomMacroSql } from './sql-helpers.ts';
import { textTablesSql } from './text-sql.ts';
import { computeTruth } from './truth.ts';
import { CHURN_WINDOW_DAYS, DEMO_CALENDAR } from './vocabulary.ts';

export interface DemoOptions {
  dbPath: string;
  customers: number;
  seed: number;
  scenarioPath?: string;
  /** Called after each step; `detail` gives the rows the step wrote and its seconds. */
  onProgress?: (step: string, done: number, total: number, detail?: StepDetail) => void;
  /** Keep the `_demo_*` work tables (for debugging the generator). */
  keepWorkTables?: boolean;
}

export interface StepDetail {
  table: string | null;
  rows: number;
  seconds: number;
}

export interface DemoResult {
  rows: Record<string, number>;
  seconds: number;
  truthPath: string;
}

/** DuckDB settings: 2 threads and a memory cap so 1M customers spill to disk rather than fail. */
export const DEMO_DUCKDB_SETTINGS = {
  threads: '2',
  memory_limit: '4GB',
  preserve_insertion_order: 'false',
} as const;

/** Upper bound on `customers` (ids are 7 digits). */
export const MAX_DEMO_CUSTOMERS = 9_999_999;

const WORK_TABLES = [
  '_demo_cust',
  '_demo_quarters',
  '_demo_cand',
  '_demo_life',
  '_demo_span',
  '_demo_campaigns',
  '_demo_touch',
  '_demo_peak',
  '_demo_signal',
  '_demo_tk',
  '_demo_fb',
  '_demo_texts',
  '_demo_text_n',
];

/** Path of the truth JSON written beside a database file. */
export function truthPathFor(dbPath: string): string {
  return `${dbPath.replace(/\.duckdb$/, '')}.truth.json`;
}

interface Step {
  name: string;
  table: string | null;
  sql: () => string[];
}

function steps(scenario: Scenario, customers: number): Step[] {
  return [
    { name: 'customers', table: 'customers', sql: () => customerSql(customers) },
    {
      name: 'churn lifecycle',
      table: null,
      sql: () => [...candidateSql(scenario), ...lifecycleSql(scenario)],
    },
    { name: 'campaign reach', table: null, sql: () => touchSql() },
    { name: 'orders', table: 'orders', sql: () => [...peakOrderSql(), ...orderSql(scenario)] },
    { name: 'campaign_touches', table: 'campaign_touches', sql: () => campaignTouchSql() },
    { name: 'communications', table: 'communications', sql: () => communicationSql() },
    { name: 'tickets', table: 'tickets', sql: () => [...signalSql(scenario), ...ticketSql(scenario)] },
    { name: 'interactions', table: 'interactions', sql: () => interactionSql() },
    { name: 'feedback', table: 'feedback', sql: () => feedbackSql() },
  ];
}

/** Generates the demo database at `dbPath` (replacing the file) and its truth JSON. */
export async function generateDemo(opts: DemoOptions): Promise<DemoResult> {
  if (!Number.isInteger(opts.customers) || opts.customers < 1 || opts.customers > MAX_DEMO_CUSTOMERS) {
    throw new Error(`customers must be an integer in 1..${MAX_DEMO_CUSTOMERS}, got ${opts.customers}`);
  }
  if (!Number.isSafeInteger(opts.seed)) throw new Error(`seed must be an integer, got ${opts.seed}`);
  const loaded = loadScenario(opts.scenarioPath ?? DEFAULT_SCENARIO_PATH);
  if (!loaded.ok) throw new Error(`invalid scenario:\n${formatScenarioErrors(loaded.errors)}`);
  const scenario = loaded.scenario;

  const started = performance.now();
  mkdirSync(dirname(opts.dbPath), { recursive: true });
  for (const suffix of ['', '.wal']) rmSync(`${opts.dbPath}${suffix}`, { force: true });
  const tempDir = `${opts.dbPath}.tmp`;
  const instance = await DuckDBInstance.create(opts.dbPath, {
    ...DEMO_DUCKDB_SETTINGS,
    temp_directory: tempDir,
  });
  const con = await instance.connect();
  try {
    await con.run(randomMacroSql(opts.seed));
    for (const table of CANONICAL_TABLES) await con.run(createTableSql(table, false));
    for (const sql of textTablesSql(scenario)) await con.run(sql);

    const plan = steps(scenario, opts.customers);
    const total = plan.length + 2;
    for (const [i, step] of plan.entries()) {
      const t0 = performance.now();
      for (const sql of step.sql()) {
        const ts = performance.now();
        await con.run(sql);
        if (process.env.DEMO_TIMING)
          console.error(
            `  ${((performance.now() - ts) / 1000).toFixed(2)}s ${sql.slice(0, 60).replace(/\s+/g, ' ')}`,
          );
      }
      const rows = step.table ? await countRows(con, step.table) : 0;
      opts.onProgress?.(step.name, i + 1, total, {
        table: step.table,
        rows,
        seconds: (performance.now() - t0) / 1000,
      });
    }

    const tc = performance.now();
    const classified = await classifyFeedbackTable(con);
    opts.onProgress?.('feedback topics', total - 1, total, {
      table: 'feedback',
      rows: classified,
      seconds: (performance.now() - tc) / 1000,
    });

    const t0 = performance.now();
    const truth = await computeTruth(con, scenario, opts.seed, opts.customers);
    const truthPath = truthPathFor(opts.dbPath);
    writeFileSync(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
    await writeMeta(con, opts, scenario);
    if (!opts.keepWorkTables) for (const t of WORK_TABLES) await con.run(`DROP TABLE IF EXISTS ${t}`);
    await con.run('CHECKPOINT');
    opts.onProgress?.('truth and cleanup', total, total, {
      table: null,
      rows: 0,
      seconds: (performance.now() - t0) / 1000,
    });

    const rows: Record<string, number> = {};
    for (const table of CANONICAL_TABLES) rows[table.name] = await countRows(con, table.name);
    return { rows, seconds: (performance.now() - started) / 1000, truthPath };
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

async function countRows(
  con: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: string,
): Promise<number> {
  const reader = await con.runAndReadAll(`SELECT count(*) AS n FROM ${table}`);
  return Number(reader.getRowObjectsJson()[0]?.n ?? 0);
}

async function writeMeta(
  con: Awaited<ReturnType<DuckDBInstance['connect']>>,
  opts: DemoOptions,
  scenario: Scenario,
) {
  const meta: [string, string][] = [
    ['as_of', DEMO_CALENDAR.asOf],
    ['data_start', DEMO_CALENDAR.dataStart],
    ['data_end', DEMO_CALENDAR.dataEnd],
    ['churn_window_days', String(CHURN_WINDOW_DAYS)],
    ['seed', String(opts.seed)],
    ['customers', String(opts.customers)],
    ['scenario', scenario.name],
    ['currency', 'CNY'],
    ['time_zone', 'Asia/Shanghai'],
  ];
  await con.run('CREATE OR REPLACE TABLE demo_meta (key VARCHAR, value VARCHAR)');
  await con.run(`INSERT INTO demo_meta VALUES ${meta.map(([k, v]) => `(${lit(k)}, ${lit(v)})`).join(', ')}`);
}
