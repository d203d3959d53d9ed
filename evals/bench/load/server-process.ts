/**
 * Runs the real server as a child process, the way `npm start` does (`tsx server/src/cli.ts serve` with the
 * start script's heap flags, without the web build), on a free loopback port, so its memory and CPU are its own: VmRSS/VmHWM and utime+stime
 * come from /proc/<pid>. Output goes to a log file; the URL is read from the "ready … → url" line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerProcessOptions {
  root: string;
  /** Data folder holding retail.duckdb (and app/ for PGlite). */
  dataDir: string;
  customers: number;
  /** PostgreSQL app state; PGlite in dataDir/app when absent. */
  databaseUrl?: string;
  logFile: string;
  readyTimeoutMs?: number;
  /**
   * A folder for the server's V8 CPU profile (`--cpu-prof`, written when it exits) and the event-loop holds
   * of loop-monitor.mjs (`stalls.jsonl`): evals/bench/profile-stalls.ts reads both.
   */
  profileDir?: string;
  /** Node flags instead of the start script's (`load-test.ts --node-flags`, e.g. another heap size). */
  nodeFlags?: string[];
}

export interface ProcessMemory {
  rssMB: number;
  hwmMB: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  readySeconds: number;
  memory(): ProcessMemory;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  /** Lines the server logged containing `failed` (the app logs every 500 that way). */
  failureLines(): string[];
  /** SIGTERM, then SIGKILL after 20 s; memory as last read before the signal. */
  stop(): Promise<{ exitCode: number | null; memory: ProcessMemory }>;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** The Node flags `npm start` gives the server (package.json's start script, e.g. `--max-old-space-size=512`). */
export function startScriptNodeFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => /^--max-(old|semi)-space-size=\d+$/.test(word));
}
const LOOP_MONITOR = new URL('./loop-monitor.mjs', import.meta.url).href;

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: opts.databaseUrl ?? '' };
  // Where the server's memory is, every 2 s, into its log (load/memory-lines.ts reads it back).
  env.CHATBI_MEMORY_LOG_MS ??= '2000';
  // The offline rules interpreter, as in the benchmarks: no LLM calls, no provisioned token.
  for (const key of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_MODEL', 'CHATBI_API_TOKEN', 'PORT'])
    delete env[key];
  const profiling = opts.profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', opts.profileDir, '--import', LOOP_MONITOR]
    : [];
  if (opts.profileDir) {
    env.LOOP_MONITOR_FILE = join(opts.profileDir, 'stalls.jsonl');
    env.LOOP_MONITOR_MS ??= '50';
  }
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(opts.nodeFlags ?? startScriptNodeFlags(opts.root)),
      ...profiling,
      '--import',
      'tsx',
      'server/src/cli.ts',
      'serve',
      '--port',
      '0',
      '--data-dir',
      opts.dataDir,
      '--customers',
      String(opts.customers),
      // The askers sign in as the demo accounts, also with PostgreSQL app state.
      '--demo',
    ],
    { cwd: opts.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(opts.logFile);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const pid = child.pid!;

  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () =>
        reject(new Error(`server not ready after ${opts.readyTimeoutMs ?? 600_000} ms; see ${opts.logFile}`)),
      opts.readyTimeoutMs ?? 600_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /ready in [\d.]+ s → (http:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready; see ${opts.logFile}`));
    });
  });

  let lastMemory: ProcessMemory = { rssMB: 0, hwmMB: 0 };
  const memory = (): ProcessMemory => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      lastMemory = { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
    } catch {
      // exited: keep the last reading
    }
    return lastMemory;
  };
  const cpuSeconds = () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return Number.NaN;
    }
  };

  return {
    url,
    pid,
    readySeconds: (performance.now() - started) / 1000,
    memory,
    cpuSeconds,
    failureLines: () =>
      readFileSync(opts.logFile, 'utf8')
        .split('\n')
        .filter((l) => / failed\b/.test(l)),
    stop: () => stopChild(child, memory, log),
  };
}

async function stopChild(
  child: ChildProcess,
  memory: () => ProcessMemory,
  log: ReturnType<typeof createWriteStream>,
): Promise<{ exitCode: number | null; memory: ProcessMemory }> {
  const last = memory();
  if (child.exitCode !== null) return { exitCode: child.exitCode, memory: last };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exitCode = await exited;
  clearTimeout(timer);
  await new Promise<void>((resolve) => log.end(() => resolve()));
  return { exitCode, memory: last };
}

export function serverLogPath(outDir: string, customers: number, store: string): string {
  return join(outDir, `load-${customers}-${store}.server.log`);
}
