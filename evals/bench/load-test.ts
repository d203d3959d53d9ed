/**
 * HTTP load test of the running product (issues 6 and 8):
 * `npx tsx evals/bench/load-test.ts [--customers 10000] [--store pglite|postgres] [--askers 50] [--seconds 60]
 *  [--clients 1,8,32] [--level-seconds 20] [--level-requests 400] [--profile] [--node-flags '<flags>']`.
 *
 * Starts the server as a child process like `npm start` (on a copy of .data/bench/retail-<N>.duckdb in a
 * temporary data folder; app state in a fresh PGlite, or a scratch PostgreSQL database next to
 * DATABASE_URL with --store postgres), warms it with one round of the single-turn questions, then
 *  A. conversations: N askers converse for S seconds; every conversation's history is checked for lost,
 *     duplicated, misplaced and reordered messages (load/verify-conversations.ts);
 *  B. throughput: 1, 8, 32 concurrent clients ask single-turn questions (20 s or 400 requests a level).
 * Prints a table; writes evals/bench/out/load-<N>-<store>.json (and the server log next to it). `--profile`
 * records the server's CPU profile and event-loop holds in evals/bench/out/profile-<N>-<store>/ (read them with
 * `npx tsx evals/bench/profile-stalls.ts <that folder>`).
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDatabase, scratchDataDir } from './load/bench-data.ts';
import { runConversationPhase } from './load/conversation-phase.ts';
import { startHealthProbe } from './load/health-probe.ts';
import { ask, DEMO_ACCOUNTS, type Session, signIn } from './load/http-client.ts';
import { summarize } from './load/latency-stats.ts';
import { formatMemory, memoryBreakdown, readMemoryLines } from './load/memory-lines.ts';
import { SINGLE_TURN_QUESTIONS } from './load/questions.ts';
import { createScratchDatabase, type ScratchDatabase } from './load/scratch-postgres.ts';
import { type ServerProcess, serverLogPath, startServerProcess } from './load/server-process.ts';
import { runThroughputPhase } from './load/throughput-phase.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = join(ROOT, 'evals/bench/out');

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '10000' },
    store: { type: 'string', default: 'pglite' },
    askers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '1,8,32' },
    'level-seconds': { type: 'string', default: '20' },
    'level-requests': { type: 'string', default: '400' },
    profile: { type: 'boolean', default: false },
    /** The server's Node flags instead of package.json's start script's (`--node-flags=` for none). */
    'node-flags': { type: 'string' },
  },
});
const customers = Number(values.customers);
const store = values.store as 'pglite' | 'postgres';
const askers = Number(values.askers);
const seconds = Number(values.seconds);
const levels = values.clients!.split(',').map(Number);
const levelSeconds = Number(values['level-seconds']);
const levelRequests = Number(values['level-requests']);
if (!['pglite', 'postgres'].includes(store))
  throw new Error(`--store must be pglite or postgres, got ${store}`);
for (const [name, n] of Object.entries({ customers, askers, seconds, levelSeconds, levelRequests }))
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--clients must list integers ≥ 1');

const round = (n: number) => Math.round(n * 10) / 10;
const loadavgAtStart = loadavg().map(round);
const clientCpuAtStart = process.cpuUsage();
mkdirSync(OUT_DIR, { recursive: true });
const profileDir = values.profile ? join(OUT_DIR, `profile-${customers}-${store}`) : undefined;
if (profileDir) {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
}
const db = await benchDatabase(ROOT, customers);
const data = scratchDataDir(db);
let postgres: ScratchDatabase | undefined;
let server: ServerProcess | undefined;
const rssTimeline: { t: number; phase: string; rssMB: number }[] = [];
let phase = 'boot';
/** Phase starts on the monotonic clock of the server's CPU profile (profile-stalls.ts labels holds with them). */
const markPhase = (name: string) => {
  phase = name;
  if (profileDir)
    appendFileSync(
      join(profileDir, 'phases.jsonl'),
      `${JSON.stringify({ phase: name, startUs: Number(process.hrtime.bigint() / 1000n) })}\n`,
    );
};
let sampler: NodeJS.Timeout | undefined;
try {
  if (store === 'postgres') {
    postgres = await createScratchDatabase(
      process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    );
    console.log(`app state: PostgreSQL database ${postgres.name} (dropped at the end)`);
  }
  console.log(`starting the server on ${customers.toLocaleString('en-US')} customers (${store})…`);
  server = await startServerProcess({
    root: ROOT,
    dataDir: data.dir,
    customers,
    databaseUrl: postgres?.url,
    logFile: serverLogPath(OUT_DIR, customers, store),
    profileDir,
    nodeFlags: values['node-flags']?.split(/\s+/).filter(Boolean),
  });
  const running = server;
  const readyAt = Date.now();
  const bootMemory = running.memory();
  console.log(
    `  ready in ${running.readySeconds.toFixed(1)} s at ${running.url}, RSS ${bootMemory.rssMB.toFixed(0)} MB`,
  );
  const t0 = performance.now();
  sampler = setInterval(() => {
    rssTimeline.push({
      t: round((performance.now() - t0) / 1000),
      phase,
      rssMB: round(running.memory().rssMB),
    });
  }, 2000);

  // One signed-in session per client slot, spread over the demo accounts.
  const sessions: Session[] = [];
  for (let i = 0; i < Math.max(...levels); i++) {
    const login = await signIn(running.url, DEMO_ACCOUNTS[i % DEMO_ACCOUNTS.length]!);
    if (!login.body) throw new Error(`sign-in failed: ${login.status} ${login.error}`);
    sessions.push(login.body);
  }

  markPhase('warm-up');
  const warmUp: number[] = [];
  const known = new Set<string>();
  for (const question of SINGLE_TURN_QUESTIONS) {
    const r = await ask(sessions[0]!, question);
    if (r.status !== 200) throw new Error(`warm-up: "${question}" → ${r.status} ${r.error}`);
    known.add(r.body!.conversationId);
    warmUp.push(r.ms);
  }
  console.log(`  warm-up: ${SINGLE_TURN_QUESTIONS.length} questions, p50 ${summarize(warmUp).p50} ms`);

  markPhase('A');
  console.log(`phase A: ${askers} askers × ${seconds} s…`);
  const idleHealth = startHealthProbe(running.url);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const healthIdle = await idleHealth.stop();
  const cpuA = running.cpuSeconds();
  const healthA = startHealthProbe(running.url);
  const conversations = await runConversationPhase({
    baseUrl: running.url,
    askers,
    seconds,
    knownConversations: known,
    onVerify: () => markPhase('A-verify'),
  });
  const healthDuringA = await healthA.stop();
  const serverCpuCoresA = Math.round(((running.cpuSeconds() - cpuA) / conversations.seconds) * 100) / 100;
  const afterA = running.memory();
  const askersEndAt = Date.now();

  markPhase('B');
  console.log(
    `phase B: ${levels.join(', ')} clients (≤ ${levelSeconds} s or ${levelRequests} requests each)…`,
  );
  const healthB = startHealthProbe(running.url);
  const throughput = await runThroughputPhase({
    sessions,
    levels,
    maxSeconds: levelSeconds,
    maxRequests: levelRequests,
    server: running,
  });
  const healthDuringB = await healthB.stop();
  clearInterval(sampler);
  const failureLines = running.failureLines();
  const stopped = await running.stop();
  server = undefined;
  const memoryLog = memoryBreakdown(
    readMemoryLines(serverLogPath(OUT_DIR, customers, store)),
    readyAt,
    askersEndAt,
  );

  const result = {
    date: new Date().toISOString(),
    command: `npx tsx evals/bench/load-test.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGB: round(totalmem() / 2 ** 30),
      freeMemoryGBAtEnd: round(freemem() / 2 ** 30),
      loadavgAtStart,
      loadavgAtEnd: loadavg().map(round),
      node: process.version,
    },
    customers,
    store,
    server: {
      readySeconds: round(running.readySeconds),
      rssMB: {
        afterBoot: round(bootMemory.rssMB),
        afterConversations: round(afterA.rssMB),
        atEnd: round(stopped.memory.rssMB),
        peak: round(stopped.memory.hwmMB),
      },
      exitCode: stopped.exitCode,
      loggedFailures: failureLines.length,
      loggedFailureSamples: failureLines.slice(0, 5),
      rssTimeline,
      /** The server's own memory log (CHATBI_MEMORY_LOG_MS): V8, DuckDB, PGlite at boot, after A, at the peak. */
      memoryLog,
    },
    /** CPU the load generator itself used (it shares the machine with the server). */
    loadGeneratorCpuSeconds: round(
      (process.cpuUsage(clientCpuAtStart).user + process.cpuUsage(clientCpuAtStart).system) / 1e6,
    ),
    warmUpMs: summarize(warmUp),
    /** GET /api/health every 0.5 s: how long any request waits for the event loop. */
    health: { idle: healthIdle, duringConversations: healthDuringA, duringThroughput: healthDuringB },
    conversations: { ...conversations, serverCpuCores: serverCpuCoresA },
    throughput,
  };
  const out = join(OUT_DIR, `load-${customers}-${store}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  printReport(result);
  console.log(`\nwritten ${out}`);
} finally {
  if (sampler) clearInterval(sampler);
  if (server) await server.stop();
  await postgres?.drop();
  data.remove();
}

function printReport(r: {
  customers: number;
  store: string;
  server: {
    readySeconds: number;
    rssMB: Record<string, number>;
    loggedFailures: number;
    memoryLog: ReturnType<typeof memoryBreakdown>;
  };
  health: Record<string, { latencyMs: { p50: number; p95: number; max: number } }>;
  conversations: Awaited<ReturnType<typeof runConversationPhase>> & { serverCpuCores: number };
  throughput: Awaited<ReturnType<typeof runThroughputPhase>>;
}) {
  const c = r.conversations;
  const v = c.verification;
  const ms = (l: { p50: number; p95: number; p99: number }) =>
    `p50 ${l.p50.toFixed(0).padStart(5)}  p95 ${l.p95.toFixed(0).padStart(5)}  p99 ${l.p99.toFixed(0).padStart(5)} ms`;
  console.log(
    `\n${r.customers.toLocaleString('en-US')} customers, ${r.store}; server ready in ${r.server.readySeconds} s; ` +
      `RSS boot ${r.server.rssMB.afterBoot} MB, after A ${r.server.rssMB.afterConversations} MB, peak ${r.server.rssMB.peak} MB`,
  );
  for (const [when, m] of Object.entries(r.server.memoryLog))
    console.log(`   memory ${when.padEnd(11)} ${formatMemory(m)}`);
  console.log(
    `A  ${c.askers} askers × ${c.seconds} s: ${c.requests} asks, ${c.requestsPerSecond} req/s, ${ms(c.latencyMs)}, ` +
      `server CPU ${c.serverCpuCores} cores`,
  );
  console.log(
    `   http errors ${c.httpErrors}, error answers ${c.errorAnswers}, kinds ${JSON.stringify(c.kinds)}, ` +
      `statuses ${JSON.stringify(c.statuses)}`,
  );
  console.log(
    `   verified ${v.conversations} conversations, ${v.expected} answered turns: found ${v.found}, lost ${v.lost}, ` +
      `duplicated ${v.duplicated}, misplaced ${v.misplaced}, out of order ${v.outOfOrder}, ` +
      `answer mismatch ${v.answerMismatch}, stored despite error ${v.recordedDespiteError}`,
  );
  console.log(
    `   cross-user reads ${v.crossUserReads}, orphan conversations ${v.orphanConversations}, ` +
      `missing from list ${v.missingFromList}; history fetch ${ms(v.historyFetch.latencyMs)}`,
  );
  for (const p of v.problems.slice(0, 5)) console.log(`   ! ${p}`);
  console.log('   questions by server time spent (count × server p50 = total), answered from');
  for (const q of [...c.questions].sort((x, y) => y.serverTotalMs - x.serverTotalMs).slice(0, 12))
    console.log(
      `   ${String(q.count).padStart(5)} × ${q.serverP50.toFixed(0).padStart(6)} ms = ${(q.serverTotalMs / 1000).toFixed(1).padStart(6)} s  ` +
        `${q.question}  ${JSON.stringify(q.from)}`,
    );
  console.log('B  clients   requests    req/s     p50 ms    p95 ms    p99 ms   errors   server CPU');
  for (const l of r.throughput)
    console.log(
      `   ${String(l.clients).padStart(7)} ${String(l.requests).padStart(10)} ${l.requestsPerSecond.toFixed(1).padStart(8)} ` +
        `${l.latencyMs.p50.toFixed(0).padStart(10)} ${l.latencyMs.p95.toFixed(0).padStart(9)} ${l.latencyMs.p99.toFixed(0).padStart(9)} ` +
        `${String(l.httpErrors + l.errorAnswers).padStart(8)} ${l.serverCpuCores.toFixed(2).padStart(10)}`,
    );
  console.log(
    `GET /api/health (event-loop wait): ${Object.entries(r.health)
      .map(([k, h]) => `${k} p50 ${h.latencyMs.p50} / p95 ${h.latencyMs.p95} / max ${h.latencyMs.max} ms`)
      .join('; ')}`,
  );
  if (r.server.loggedFailures)
    console.log(`server logged ${r.server.loggedFailures} failures (see the .server.log)`);
}
