/**
 * What held the event loop: `npx tsx evals/bench/profile-stalls.ts <dir> [--top 12]` over a folder written by
 * `load-test.ts --profile` (the server's `--cpu-prof` profile and loop-monitor.mjs's holds, `stalls.jsonl`).
 * For the holds after boot together and for the five busiest (most main-thread CPU): the share of CPU samples per leaf function (self), per
 * first product frame (server/ or semantic-layer/ code the stack passes through) and per package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
interface Hold {
  startUs: number;
  endUs: number;
  ms: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '12' } },
});
const dir = positionals[0];
if (!dir) throw new Error('usage: profile-stalls.ts <dir written by load-test --profile>');
const top = Number(values.top);
// CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: the main thread is thread 0 (workers write their own).
const threadOf = (f: string) => Number(f.split('.').at(-3));
const profileFile = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort((a, b) => threadOf(a) - threadOf(b))[0];
if (!profileFile) throw new Error(`no .cpuprofile in ${dir} (did the server exit cleanly?)`);
const profile = JSON.parse(readFileSync(join(dir, profileFile), 'utf8')) as CpuProfile;
const holds = readFileSync(join(dir, 'stalls.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Hold);

const phases = (() => {
  try {
    return readFileSync(join(dir, 'phases.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { phase: string; startUs: number });
  } catch {
    return [];
  }
})();
const phaseAt = (us: number) => phases.filter((p) => p.startUs <= us).at(-1)?.phase ?? 'boot';

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const times: number[] = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) {
  t += d;
  times.push(t);
}

const short = (url: string) =>
  url.replace(/^file:\/\//, '').replace(/^.*?\/(server|semantic-layer|node_modules)\//, '$1/');
const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const isProduct = (url: string) =>
  /\/(server|semantic-layer)\/src\//.test(url) && !url.includes('node_modules');
const packageOf = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (isProduct(url)) return 'product';
  if (url.startsWith('node:') || url === '') return url || '(native/vm)';
  return short(url);
};

function describe(samples: number[]) {
  const self = new Map<string, number>();
  const product = new Map<string, number>();
  const pkg = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const id of samples) {
    const leaf = byId.get(id)!;
    add(self, frameName(leaf));
    add(pkg, packageOf(leaf.callFrame.url) || leaf.callFrame.functionName);
    let at: number | undefined = id;
    let found = '(no product frame)';
    while (at !== undefined) {
      const n = byId.get(at)!;
      if (isProduct(n.callFrame.url)) {
        found = frameName(n);
        break;
      }
      at = parent.get(at);
    }
    add(product, found);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / samples.length).toFixed(1).padStart(5)}%  ${k}`);
  return { samples: samples.length, self: rank(self), product: rank(product), packages: rank(pkg) };
}

function samplesIn(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < times.length; i++)
    if (times[i]! >= from && times[i]! <= to) out.push(profile.samples[i]!);
  return out;
}

const print = (title: string, d: ReturnType<typeof describe>) => {
  console.log(`\n== ${title} (${d.samples} samples)`);
  console.log('  self:');
  for (const l of d.self) console.log(`    ${l}`);
  console.log('  first product frame:');
  for (const l of d.product) console.log(`    ${l}`);
  console.log('  package of the leaf:');
  for (const l of d.packages) console.log(`    ${l}`);
};

/**
 * The main thread's CPU time in a hold: its samples that are not "(idle)" times the sampling interval. On a
 * loaded machine a hold is mostly waiting for a core (few samples, or idle ones while the wake-up waits); the
 * busy time is the part this process can shorten.
 */
const idleIds = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const intervalMs = (() => {
  const sorted = [...profile.timeDeltas].sort((a, b) => a - b);
  return (sorted[Math.floor(sorted.length / 2)] ?? 1000) / 1000;
})();
const busySamples = (h: Hold) => samplesIn(h.startUs, h.endUs).filter((id) => !idleIds.has(id));
const busyMs = (h: Hold) => Math.round(busySamples(h).length * intervalMs);
const totalMs = holds.reduce((s, h) => s + h.ms, 0);
console.log(
  `${holds.length} holds ≥ threshold, ${(totalMs / 1000).toFixed(1)} s held; longest ${holds
    .map((h) => h.ms)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .join(', ')} ms`,
);
const phaseNames = [...new Set(holds.map((h) => phaseAt(h.startUs)))];
for (const name of phaseNames) {
  const inPhase = holds.filter((h) => phaseAt(h.startUs) === name);
  const sum = (f: (h: Hold) => number) => (inPhase.reduce((s, h) => s + f(h), 0) / 1000).toFixed(1);
  console.log(
    `  ${name}: ${inPhase.length} holds, ${sum((h) => h.ms)} s, longest ${Math.max(...inPhase.map((h) => h.ms))} ms; ` +
      `main-thread CPU in them ${sum(busyMs)} s, busiest ${Math.max(...inPhase.map(busyMs))} ms`,
  );
}
const loaded = holds.filter((h) => phaseAt(h.startUs) !== 'boot');
print('busy samples in the holds after boot', describe(loaded.flatMap(busySamples)));
for (const h of [...loaded].sort((a, b) => busyMs(b) - busyMs(a)).slice(0, 5))
  print(
    `hold of ${h.ms} ms (${busyMs(h)} ms busy) in ${phaseAt(h.startUs)} at +${((h.startUs - profile.startTime) / 1e6).toFixed(1)} s`,
    describe(busySamples(h)),
  );
