/**
 * New data for a served model, loaded while the server runs: `npm run ingest` cannot open the database the
 * server holds, so it loads into `<data-dir>/<model>.staged.duckdb` and asks the server (POST
 * /api/data/{model}/reload) to swap it in: the served file is kept as `<model>.previous.duckdb` until the
 * staged one is prepared, then removed; on failure the previous file is served again.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyticsEngine } from '../data/analytics-engine.ts';
import type { ModelRegistry } from './model-registry.ts';

/** Where `npm run ingest` stages a served model's new data. */
export const stagedDatabase = (dataDir: string, model: string) => join(dataDir, `${model}.staged.duckdb`);

export type ReloadOutcome =
  | { ok: true; seconds: number }
  | { ok: false; code: 'unknown_model' | 'nothing_staged' | 'reload_failed'; detail?: string };

const withWal = (path: string) => [path, `${path}.wal`];

function move(from: string, to: string): void {
  for (const [a, b] of withWal(from).map((f, i) => [f, withWal(to)[i]!] as const)) {
    rmSync(b, { force: true });
    if (existsSync(a)) renameSync(a, b);
  }
}

/** Swaps the staged database of `model` in (see the file comment); `open` opens the served file's engine. */
export async function reloadStaged(
  registry: ModelRegistry,
  dataDir: string,
  model: string,
  open: () => Promise<AnalyticsEngine>,
): Promise<ReloadOutcome> {
  if (!registry.has(model)) return { ok: false, code: 'unknown_model' };
  const served = join(dataDir, `${model}.duckdb`);
  const staged = stagedDatabase(dataDir, model);
  const previous = join(dataDir, `${model}.previous.duckdb`);
  if (!existsSync(staged)) return { ok: false, code: 'nothing_staged' };
  const started = performance.now();
  try {
    await registry.replaceDatabase(model, {
      swap: () => {
        move(served, previous);
        move(staged, served);
      },
      undo: () => move(previous, served),
      open,
    });
  } catch (error) {
    for (const f of withWal(staged)) rmSync(f, { force: true });
    return {
      ok: false,
      code: 'reload_failed',
      detail: String((error as Error).message)
        .split('\n')[0]!
        .slice(0, 300),
    };
  }
  for (const f of withWal(previous)) rmSync(f, { force: true });
  return { ok: true, seconds: (performance.now() - started) / 1000 };
}
