import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../data/duckdb-engine.ts';
import { openModelEngine } from './model-engine.ts';

describe('the served model engine (issue 21 §3)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'model-engine-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('caps DuckDB at 1 GB and spills to a fresh directory of its own in the temp folder, not the data folder', async () => {
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
    } finally {
      for (const e of engines) await e.close();
    }
  });
});
