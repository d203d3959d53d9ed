/**
 * Benchmark of the demo generator: `npx tsx evals/bench/generate-bench.ts --customers 10000,100000,1000000`.
 * Per size: wall seconds, CPU seconds, rows per table, total rows/s, peak RSS of this process and
 * DuckDB's memory (peak of duckdb_memory() sampled after each step). Writes evals/bench/out/generate.json.
 * Each size runs in a child process so peak RSS belongs to that size alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEMO_DUCKDB_SETTINGS, generateDemo } from '../../server/src/data/demo/generate-demo.ts';

interface SizeResult {
  customers: number;
  seconds: number;
  cpu_seconds: number;
  rows: Record<string, number>;
  total_rows: number;
  rows_per_second: number;
  peak_rss_mb: number;
  duckdb_memory_mb: number;
  db_file_mb: number;
  steps: { step: string; rows: number; seconds: number }[];
}

const HERE = dirname(fileURLToPath(import.meta.url));

async function runOne(customers: number, seed: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'demo-bench-'));
  const dbPath = join(dir, 'retail.duckdb');
  const steps: SizeResult['steps'] = [];
  const cpu0 = process.cpuUsage();
  try {
    const result = await generateDemo({
      dbPath,
      customers,
      seed,
      onProgress: (step, _done, _total, detail) =>
        steps.push({ step, rows: detail?.rows ?? 0, seconds: detail?.seconds ?? 0 }),
    });
    const cpu = process.cpuUsage(cpu0);
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    return {
      customers,
      seconds: round(result.seconds),
      cpu_seconds: round((cpu.user + cpu.system) / 1e6),
      rows: result.rows,
      total_rows: total,
      rows_per_second: Math.round(total / result.seconds),
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
      duckdb_memory_mb: await duckdbMemory(dbPath),
      db_file_mb: round(statSync(dbPath).size / 1024 / 1024),
      steps,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** DuckDB's own accounting of a representative query on the result (the generator's peak is in RSS). */
async function duckdbMemory(dbPath: string): Promise<number> {
  const inst = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY', ...DEMO_DUCKDB_SETTINGS });
  const con = await inst.connect();
  try {
    await con.run(
      'SELECT customer_id, count(*), sum(amount) FROM orders GROUP BY customer_id ORDER BY 3 DESC LIMIT 10',
    );
    const r = await con.runAndReadAll('SELECT sum(memory_usage_bytes) AS b FROM duckdb_memory()');
    return round(Number(r.getRowObjectsJson()[0]?.b ?? 0) / 1024 / 1024);
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function parseSizes(argv: string[]): number[] {
  const i = argv.indexOf('--customers');
  const raw = i >= 0 ? argv[i + 1] : '10000,100000';
  const sizes = (raw ?? '').split(',').map((s) => Number(s.replaceAll('_', '')));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--customers must be a comma-separated list of positive integers, got "${raw}"`);
  }
  return sizes;
}

function printTable(results: SizeResult[]): void {
  const tables = Object.keys(results[0]?.rows ?? {});
  const head = [
    'customers',
    'seconds',
    'cpu s',
    'total rows',
    'rows/s',
    'peak RSS MB',
    'duckdb MB',
    'file MB',
  ];
  console.log(head.map((h) => h.padStart(12)).join(''));
  for (const r of results) {
    const cells = [
      r.customers,
      r.seconds,
      r.cpu_seconds,
      r.total_rows,
      r.rows_per_second,
      r.peak_rss_mb,
      r.duckdb_memory_mb,
      r.db_file_mb,
    ];
    console.log(cells.map((c) => c.toLocaleString('en-US').padStart(12)).join(''));
  }
  console.log(
    `\n${'table'.padEnd(18)}${results.map((r) => r.customers.toLocaleString('en-US').padStart(14)).join('')}`,
  );
  for (const t of tables)
    console.log(
      `${t.padEnd(18)}${results.map((r) => r.rows[t]!.toLocaleString('en-US').padStart(14)).join('')}`,
    );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const single = argv.indexOf('--single');
  if (single >= 0) {
    // child mode: one size, JSON on stdout
    const result = await runOne(Number(argv[single + 1]), 42);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const results: SizeResult[] = [];
  for (const customers of parseSizes(argv)) {
    console.error(`generating ${customers.toLocaleString('en-US')} customers…`);
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--single', String(customers)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    results.push(JSON.parse(out.trim().split('\n').pop()!) as SizeResult);
  }
  const outDir = join(HERE, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'generate.json');
  writeFileSync(
    file,
    `${JSON.stringify({ generated_by: 'evals/bench/generate-bench.ts', settings: DEMO_DUCKDB_SETTINGS, results }, null, 2)}\n`,
  );
  printTable(results);
  console.log(`\nwritten ${file}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
