/**
 * The server's opt-in memory log (`CHATBI_MEMORY_LOG_MS`, server/src/server/memory-log.ts) read back from its log
 * file: the snapshot at boot (first after ready), after the askers (last before their end) and at the peak RSS.
 */
import { readFileSync } from 'node:fs';
import type { MemorySnapshot } from '../../../server/src/server/memory-log.ts';

export type LoggedMemory = MemorySnapshot & { t: number; gcMs?: number; gcCount?: number };

export function readMemoryLines(logFile: string): LoggedMemory[] {
  const out: LoggedMemory[] = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n'))
    if (line.startsWith('memory {')) out.push(JSON.parse(line.slice('memory '.length)) as LoggedMemory);
  return out;
}

/** Boot, after the askers and peak snapshots, given the wall-clock times of ready and of the askers' end. */
export function memoryBreakdown(
  lines: LoggedMemory[],
  readyAt: number,
  askersEndAt: number,
): { boot?: LoggedMemory; afterAskers?: LoggedMemory; peak?: LoggedMemory } {
  const boot = lines.find((l) => l.t >= readyAt);
  const afterAskers = lines.filter((l) => l.t <= askersEndAt).at(-1);
  const peak = lines.reduce<LoggedMemory | undefined>((a, l) => (!a || l.rssMB > a.rssMB ? l : a), undefined);
  return { boot, afterAskers, peak };
}

/** One line: RSS, V8 heap used/total, external, array buffers, DuckDB used (limit, top tags), PGlite WASM. */
export function formatMemory(m: LoggedMemory | undefined): string {
  if (!m) return '(no memory log line)';
  const duck = Object.entries(m.duckdb)
    .map(([id, d]) => {
      const tags = Object.entries(d.tags)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      return `${id} ${d.usedMB} MB of ${d.limit}${d.spilledMB ? `, spilled ${d.spilledMB}` : ''} (${tags})`;
    })
    .join('; ');
  return (
    `RSS ${m.rssMB}, heap ${m.heapUsedMB}/${m.heapTotalMB}, external ${m.externalMB} (array buffers ${m.arrayBuffersMB}), ` +
    `DuckDB ${duck}, PGlite WASM ${m.pgliteWasmMB ?? '—'} MB; GC so far ${m.gcMs ?? '—'} ms in ${m.gcCount ?? '—'}`
  );
}
