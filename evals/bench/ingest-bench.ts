/**
 * Ingest benchmark: synthetic Parquet files of 1M and 5M order rows (plus 1M as CSV) go through
 * the real pipeline (mapping → staging → rejects → insert → quality checks) into a fresh DuckDB.
 * Each size runs in its own child process so the peak RSS is that run's alone.
 *
 * Run: `npx tsx evals/bench/ingest-bench.ts [--sizes 1000000,5000000] [--formats parquet,csv] [--profile]`
 * → table + evals/bench/out/ingest.json. `--profile` also prints the time of every DuckDB statement
 * of 5 ms or more per run (CSV runs at the first size only). Each run also times a bare `CREATE TABLE AS SELECT *`
 * of the same files into a fresh DuckDB file and reports the ingest ÷ bare ratio (issue 21 §5).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingest } from '../../server/src/data/ingest/ingest.ts';
import { formatProfile, profileStatements, type StatementTiming } from './statement-profile.ts';

interface BenchRun {
  format: 'parquet' | 'csv';
  rows: number;
  fileMB: number;
  seconds: number;
  /** CPU time of the run (user + system, all threads): less sensitive than wall time to a busy machine. */
  cpuSeconds: number;
  ordersSeconds: number;
  rowsPerSecond: number;
  ordersRowsPerSecond: number;
  rejected: number;
  duplicates: number;
  peakRssMB: number;
  /** A bare `CREATE TABLE AS SELECT *` of the same files into a fresh DuckDB file: no mapping, checks or de-dup. */
  bareSeconds: number;
  /** seconds ÷ bareSeconds: what the ingest's work costs over writing the rows at all (issue 21 §5). */
  bareRatio: number;
  profile?: StatementTiming[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out', 'ingest.json');

/** Writes `rows` orders (with a sprinkle of bad rows and duplicates) and the mapping for them. */
async function writeInput(dir: string, rows: number, format: BenchRun['format']): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const file = join(dir, `orders.${format}`);
  // Every 100,000th row has an unknown status (a reject) and every 250,000th repeats an id.
  await con.run(`COPY (
    SELECT CASE WHEN i % 250000 = 7 THEN 'o' || (i - 1) ELSE 'o' || i END AS order_no,
           'c' || (i % 200000) AS customer,
           TIMESTAMP '2024-01-01' + to_seconds(i % 86400000) AS placed_at,
           round(5 + (i * 7919 % 100000) / 100.0, 2) AS net,
           round((i % 13) * 0.5, 2) AS discount,
           ['母婴', '服饰', '美妆', '数码'][1 + i % 4] AS cat,
           ['online', 'store', 'app'][1 + i % 3] AS channel,
           CASE WHEN i % 100000 = 3 THEN 'lost' ELSE 'completed' END AS state
    FROM range(${rows}) t(i)
  ) TO '${file}' (FORMAT ${format === 'csv' ? 'CSV, HEADER' : 'PARQUET'})`);
  await con.run(`COPY (SELECT 'c' || i AS id, DATE '2023-06-01' + (i % 200)::INTEGER AS signup FROM range(200000) t(i))
    TO '${join(dir, 'customers.parquet')}' (FORMAT PARQUET)`);
  con.closeSync();
  instance.closeSync();
  const mapping = join(dir, 'bench.yaml');
  writeFileSync(
    mapping,
    `model: bench
as_of: '2026-10-01'
sources:
  cust: { file: customers.parquet }
  ord: { file: orders.${format} }
tables:
  customers:
    from: cust
    columns: { customer_id: id, signup_date: signup, customer_type: { const: B2C } }
  orders:
    from: ord
    columns:
      order_id: order_no
      customer_id: customer
      order_ts: placed_at
      amount: net
      discount_amount: discount
      category: cat
      sales_channel: channel
      status: state
`,
  );
  return mapping;
}

/** Seconds to copy the input files as they are into a fresh DuckDB file (the floor any ingest pays). */
async function bareCopy(dir: string, format: BenchRun['format']): Promise<number> {
  const instance = await DuckDBInstance.create(join(dir, 'bare.duckdb'));
  const con = await instance.connect();
  const read = (file: string) =>
    file.endsWith('.csv') ? `read_csv('${file}', header = true)` : `read_parquet('${file}')`;
  const started = performance.now();
  await con.run(`CREATE TABLE customers AS SELECT * FROM ${read(join(dir, 'customers.parquet'))}`);
  await con.run(`CREATE TABLE orders AS SELECT * FROM ${read(join(dir, `orders.${format}`))}`);
  await con.run('CHECKPOINT');
  const seconds = (performance.now() - started) / 1000;
  con.closeSync();
  instance.closeSync();
  return seconds;
}

/** One measured run (in the child process). */
async function runOne(rows: number, format: BenchRun['format'], profile: boolean): Promise<BenchRun> {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  try {
    const mapping = await writeInput(dir, rows, format);
    const fileMB = statSync(join(dir, `orders.${format}`)).size / 1e6;
    const profiler = profile ? profileStatements() : undefined;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await ingest({ configPath: mapping, dbPath: join(dir, 'bench.duckdb'), mode: 'replace' });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const timings = profiler?.stop();
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const orders = result.report.tables.find((t) => t.table === 'orders')!;
    const bareSeconds = await bareCopy(dir, format);
    return {
      format,
      rows,
      fileMB: Math.round(fileMB * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      ordersSeconds: Math.round(orders.seconds * 100) / 100,
      rowsPerSecond: Math.round(rows / seconds),
      ordersRowsPerSecond: Math.round(orders.rowsPerSecond),
      rejected: orders.rejected,
      duplicates: orders.duplicates.count,
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      bareSeconds: Math.round(bareSeconds * 100) / 100,
      bareRatio: Math.round((seconds / bareSeconds) * 100) / 100,
      profile: timings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const child = argv.indexOf('--child');
  if (child >= 0) {
    const run = await runOne(
      Number(argv[child + 1]),
      argv[child + 2] as BenchRun['format'],
      argv.includes('--profile'),
    );
    process.stdout.write(JSON.stringify(run));
    return;
  }
  const sizesArg = argv.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? argv[sizesArg + 1]!.split(',').map(Number) : [1_000_000, 5_000_000];
  const formatsArg = argv.indexOf('--formats');
  const formats = formatsArg >= 0 ? argv[formatsArg + 1]!.split(',') : ['parquet', 'csv'];
  const profile = argv.includes('--profile');
  const cases: [number, BenchRun['format']][] = [
    ...(formats.includes('parquet') ? sizes.map((n) => [n, 'parquet'] as [number, 'parquet']) : []),
    ...(formats.includes('csv') ? [[sizes[0]!, 'csv'] as [number, 'csv']] : []),
  ];
  const runs: BenchRun[] = [];
  for (const [n, format] of cases) {
    const out = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(import.meta.url),
        '--child',
        String(n),
        format,
        ...(profile ? ['--profile'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const { profile: timings, ...run } = JSON.parse(out) as BenchRun;
    if (timings) console.log(`\n${format} ${n.toLocaleString('en-US')}:\n${formatProfile(timings)}`);
    runs.push(run);
  }
  const head = [
    'format',
    'rows',
    'file MB',
    'total s',
    'cpu s',
    'rows/s (total)',
    'orders s',
    'rows/s (orders)',
    'rejected',
    'dups',
    'peak RSS MB',
    'bare CTAS s',
    '÷ bare',
  ];
  const table = runs.map((r) => [
    r.format,
    r.rows.toLocaleString('en-US'),
    String(r.fileMB),
    String(r.seconds),
    String(r.cpuSeconds),
    r.rowsPerSecond.toLocaleString('en-US'),
    String(r.ordersSeconds),
    r.ordersRowsPerSecond.toLocaleString('en-US'),
    String(r.rejected),
    String(r.duplicates),
    String(r.peakRssMB),
    String(r.bareSeconds),
    `${r.bareRatio}×`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log([fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...table.map(fmt)].join('\n'));
  mkdirSync(dirname(OUT), { recursive: true });
  const cpus = (await import('node:os')).cpus();
  writeFileSync(
    OUT,
    `${JSON.stringify({ benchmark: 'ingest', at: new Date().toISOString(), cpus: cpus.length, cpu: cpus[0]?.model, runs }, null, 2)}\n`,
  );
  console.log(`\nwritten ${resolve(OUT)}`);
}

await main(process.argv.slice(2));
