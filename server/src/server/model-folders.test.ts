import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noDataAdvice, noModelAdvice, surveyModels } from './model-folders.ts';
import { startServer } from './start-server.ts';

const root = mkdtempSync(join(tmpdir(), 'model-folders-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}/data-app`, { recursive: true, force: true });
});

function folder(dir: string, id: string, ingest = false): void {
  mkdirSync(join(dir, id, 'ingest'), { recursive: true });
  writeFileSync(join(dir, id, 'model.yaml'), `id: ${id}\n`);
  if (ingest) writeFileSync(join(dir, id, 'ingest', `${id}.yaml`), `model: ${id}\n`);
}

describe('which models the server serves', () => {
  it('matches model folders of several directories with the databases, and names the rest', () => {
    const shipped = join(root, 'shipped');
    const mine = join(root, 'mine');
    const data = join(root, 'data');
    mkdirSync(data, { recursive: true });
    folder(shipped, 'retail');
    folder(shipped, 'telco', true);
    folder(mine, 'shop');
    mkdirSync(join(mine, 'not_a_model')); // no model.yaml: ignored
    for (const db of ['retail', 'shop', 'orphan']) writeFileSync(join(data, `${db}.duckdb`), '');

    const survey = surveyModels(data, [shipped, mine]);
    expect(survey.served.map((s) => [s.id, s.dir])).toEqual([
      ['retail', join(shipped, 'retail')],
      ['shop', join(mine, 'shop')],
    ]);
    expect(survey.noData.map((f) => f.id)).toEqual(['telco']);
    expect(survey.noModel).toEqual(['orphan']);
    expect(noModelAdvice(data, 'orphan')).toMatch(
      /orphan\.duckdb has no model: not served\. Scaffold one with `npm run model -- init --from .*orphan\.duckdb --name orphan`/,
    );
    expect(noDataAdvice(data, survey.noData[0]!)).toMatch(
      /model telco has no data \(.*telco\.duckdb is missing\): not served\. Load it with `npm run ingest -- --config .*telco\.yaml --db .*telco\.duckdb`/,
    );
  });

  it('--no-demo starts without generating the demo and says what is not served', {
    timeout: 240_000,
  }, async () => {
    const data = join(root, 'empty-data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'stray.duckdb'), '');
    const lines: string[] = [];
    const server = await startServer({
      dataDir: data,
      port: 0,
      demoCustomers: 1000,
      noDemo: true,
      log: (l) => lines.push(l),
    });
    try {
      const text = lines.join('\n');
      expect(text).not.toContain('generating the demo');
      expect(text).toContain('stray.duckdb has no model: not served');
      expect(text).toMatch(/model retail has no data .* not served/);
      expect(text).toContain('no model has data');
      expect(server.registry.list()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
