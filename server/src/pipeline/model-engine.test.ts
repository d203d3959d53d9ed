import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../data/duckdb-engine.ts';
import { openModelEngine } from './model-engine.ts';

describe('the served model engine (issue 21 §3)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'model-engine-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('caps DuckDB at 1 GB while materialising, 512 MB once serving, and spills to a fresh directory of its own in the temp folder, not the data folder', async () => {
    const seed = await DuckDbEngine.open({ path: join(dataDir, 'retail.duckdb') });
    await seed.close();
    const engines = [await openModelEngine(dataDir, 'retail'), await openModelEngine(dataDir, 'retail')];
    try {
      const settings = await Promise.all(
        engines.map(
          async (e) =>
            (
              await e.query(
                "SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t",
              )
            ).rows[0]!,
        ),
      );
      expect(settings.map((s) => s.m)).toEqual(['953.6 MiB', '953.6 MiB']);
      for (const s of settings)
        expect(String(s.t)).toMatch(new RegExp(`^${tmpdir()}/chatbi-spill-retail-[0-9a-f]{12}$`));
      expect(settings[0]!.t).not.toBe(settings[1]!.t);
      // Materialised (the registry calls startServing): 512 MB while serving, the configuration locked.
      const limit = async (e: (typeof engines)[0]) =>
        (await e.query("SELECT current_setting('memory_limit') AS m")).rows[0]!.m;
      await engines[0]!.startServing();
      expect(await limit(engines[0]!)).toBe('488.2 MiB');
      await expect(engines[0]!.exec("SET memory_limit = '2GB'")).rejects.toThrow(/lock/i);
      await engines[0]!.startServing();
      expect(await limit(engines[0]!)).toBe('488.2 MiB');
      expect(await limit(engines[1]!)).toBe('953.6 MiB');
    } finally {
      for (const e of engines) await e.close();
    }
  });
});
