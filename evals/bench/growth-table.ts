/**
 * How each figure grows with the customer base: `npx tsx evals/bench/growth-table.ts --customers
 * 10000,100000,1000000` reads the JSON the benchmark scripts wrote under evals/bench/out/ for those sizes
 * (generation, answer and analysis latency, compiled ÷ reference SQL, HTTP load) and prints one markdown
 * table, one column per size, plus the factor from the smallest to the largest size; writes
 * out/growth.md. `npm run bench -- --customers 10000,100000,1000000` runs everything, then this.
 * A figure whose file is missing (a step not run at that size) reads "–".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');

/** The parts of each script's JSON the table reads. */
interface GenerateJson {
  results?: { customers: number; seconds: number; rows_per_second: number; peak_rss_mb: number }[];
}
interface LatencyJson {
  materialiseSeconds?: number | null;
  firstRiskMs?: number | null;
  summary?: { total?: { p50: number; p95: number } };
  cached?: { p95: number };
  perQuestion?: { totalMs: number[] }[];
}
interface RatioJson {
  geometric_mean_ratio?: number;
}
interface LoadJson {
  conversations?: { requestsPerSecond?: number; latencyMs?: { p95: number } };
  throughput?: { clients: number; requestsPerSecond: number }[];
  server?: { rssMB?: { peak?: number } };
  health?: Record<string, { latencyMs?: { max?: number } }>;
}
interface IngestJson {
  runs?: { format: string; rows: number; seconds: number; bareSeconds?: number; bareRatio?: number }[];
}
interface StallJson {
  results?: { label: string; worstStallMs: number }[];
}

function read<T>(name: string): T | null {
  const file = join(OUT, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : Number.NaN;
};

interface Row {
  label: string;
  unit: string;
  value: (n: number) => number | null | undefined;
}

const generation = (n: number) =>
  read<GenerateJson>('generate.json')?.results?.find((r) => r.customers === n);
const latency = (n: number) => read<LatencyJson>(`ask-latency-${n}.json`);
const analyses = (n: number) => read<LatencyJson>(`ask-latency-analyses-${n}.json`);
const load = (n: number) => read<LoadJson>(`load-${n}-pglite.json`);
const throughputAt = (n: number, clients: number) => load(n)?.throughput?.find((l) => l.clients === clients);
const analysisMedians = (n: number) => (analyses(n)?.perQuestion ?? []).map((q) => median(q.totalMs));

export const ROWS: Row[] = [
  { label: 'demo generation', unit: 's', value: (n) => generation(n)?.seconds },
  { label: 'generation throughput', unit: 'rows/s', value: (n) => generation(n)?.rows_per_second },
  { label: 'generation peak RSS', unit: 'MB', value: (n) => generation(n)?.peak_rss_mb },
  { label: 'materialisation (derived tables)', unit: 's', value: (n) => latency(n)?.materialiseSeconds },
  { label: 'answers p50 (uncached)', unit: 'ms', value: (n) => latency(n)?.summary?.total?.p50 },
  { label: 'answers p95 (uncached)', unit: 'ms', value: (n) => latency(n)?.summary?.total?.p95 },
  { label: 'answers p95 (result cache)', unit: 'ms', value: (n) => latency(n)?.cached?.p95 },
  {
    label: 'slowest analysis (median, model warm)',
    unit: 'ms',
    value: (n) => (analyses(n) ? Math.max(...analysisMedians(n)) : null),
  },
  { label: 'risk model first ask (training)', unit: 'ms', value: (n) => analyses(n)?.firstRiskMs },
  {
    label: 'compiled ÷ reference SQL (geo-mean)',
    unit: '×',
    value: (n) => read<RatioJson>(`semantic-ratio-${n}.json`)?.geometric_mean_ratio,
  },
  { label: 'HTTP 50 askers: answers/s', unit: '/s', value: (n) => load(n)?.conversations?.requestsPerSecond },
  { label: 'HTTP 50 askers: p95', unit: 'ms', value: (n) => load(n)?.conversations?.latencyMs?.p95 },
  ...[1, 8, 32].map((c) => ({
    label: `HTTP ${c} client${c > 1 ? 's' : ''}: req/s`,
    unit: '/s',
    value: (n: number) => throughputAt(n, c)?.requestsPerSecond,
  })),
  { label: 'server peak RSS', unit: 'MB', value: (n) => load(n)?.server?.rssMB?.peak },
  {
    label: 'worst /api/health wait under HTTP load',
    unit: 'ms',
    value: (n) => {
      const h = load(n)?.health;
      return h
        ? Math.max(...['duringConversations', 'duringThroughput'].map((k) => h[k]?.latencyMs?.max ?? 0))
        : null;
    },
  },
  ...[0, 1].map((i) => ({
    label: `worst event-loop stall, burst of 10 analyses (${i ? 'warm' : 'cold'})`,
    unit: 'ms',
    value: (n: number) => read<StallJson>(`stall-${n}.json`)?.results?.[i]?.worstStallMs,
  })),
];

const fmt = (v: number | null | undefined, unit: string) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (unit === '×') return v.toFixed(2);
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1);
};

export function growthTable(sizes: number[]): string {
  const head = `| figure | ${sizes.map((n) => n.toLocaleString('en-US')).join(' | ')} | ${sizes.at(-1)! / sizes[0]!}× customers |`;
  const lines = [head, `|---|${sizes.map(() => '---:').join('|')}|---:|`];
  for (const row of ROWS) {
    const values = sizes.map((n) => row.value(n));
    const [first, last] = [values[0], values.at(-1)];
    const growth =
      first && last && Number.isFinite(first) && Number.isFinite(last)
        ? `${(last / first).toFixed(1)}×`
        : '–';
    lines.push(
      `| ${row.label} (${row.unit}) | ${values.map((v) => fmt(v, row.unit)).join(' | ')} | ${growth} |`,
    );
  }
  return lines.join('\n');
}

/** Ingest does not depend on the customer base: one line per file ingested, against a bare copy of it. */
export function ingestLines(): string[] {
  return (read<IngestJson>('ingest.json')?.runs ?? []).map(
    (r) =>
      `ingest ${r.format} ${r.rows.toLocaleString('en-US')} rows: ${r.seconds} s; bare CREATE TABLE AS ${r.bareSeconds ?? '–'} s; ratio ${r.bareRatio ?? '–'}×`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { customers: { type: 'string', default: '10000,100000,1000000' } },
  });
  const sizes = values.customers.split(',').map(Number);
  const table = [growthTable(sizes), '', ...ingestLines()].join('\n');
  console.log(table);
  writeFileSync(join(OUT, 'growth.md'), `${table}\n`);
  console.log(`\nwritten ${join(OUT, 'growth.md')}`);
}
