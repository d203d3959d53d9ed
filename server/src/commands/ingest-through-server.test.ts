import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryDb } from '../../test/data/ingest-test-db.ts';
import { scaffoldModel } from '../data/scaffold/scaffold-model.ts';
import { serverHooks } from '../server/server-hooks.ts';
import { PROJECT_ROOT, type RunningServer, startServer } from '../server/start-server.ts';

const TOKEN = 'reload-test-token-0123456789';
const root = mkdtempSync(join(tmpdir(), 'ingest-through-server-'));
const csv = join(root, 'members.csv');
const dataDir = join(root, 'data');
const db = join(dataDir, 'members.duckdb');
afterAll(() => {
  for (const d of [root, `${root}-app`]) rmSync(d, { recursive: true, force: true });
});

/** 300 members; churn by device shifts with `round`, so a reload changes the answer. */
function writeMembers(round: number): void {
  const devices = ['Computer', 'Mobile Phone', 'Tablet'];
  const rows = ['MemberID,Churn,Device'];
  for (let i = 0; i < 300; i++)
    rows.push(`M${i},${(i + round) % (3 + (i % 3) + round) === 0 ? 1 : 0},${devices[i % 3]}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
}

const expected = async () =>
  Object.fromEntries(
    (
      await queryDb(
        ':memory:',
        `SELECT Device AS d, avg(Churn)::DOUBLE AS r FROM read_csv_auto('${csv}') GROUP BY 1`,
      )
    ).map((r) => [String(r.d), Number(Number(r.r).toFixed(4))]),
  );

async function rates(server: RunningServer): Promise<Record<string, number>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/ask`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'members', question: 'churn rate by device' }),
  });
  const answer = (await res.json()) as { table: { rows: Record<string, unknown>[] } };
  return Object.fromEntries(
    answer.table.rows.map((r) => [String(r.device), Number(Number(r.churn_rate).toFixed(4))]),
  );
}

/**
 * Runs `npm run ingest` with the scaffolded mapping in its own process (DuckDB locks a file per process, as
 * for a user whose server runs): its exit code and everything it printed.
 */
function ingestCommand(env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const args = [
    'tsx',
    'server/src/cli.ts',
    'ingest',
    '--config',
    join(root, 'models/members/ingest/members.yaml'),
  ];
  return new Promise((done) => {
    execFile(
      'npx',
      [...args, '--db', db, '--quiet'],
      { cwd: PROJECT_ROOT, env: { ...process.env, CHATBI_API_TOKEN: '', CHATBI_LANG: 'en', ...env } },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

describe('npm run ingest while the server runs', () => {
  it('loads through the running server (no restart), or says what to do, in the user language', async () => {
    writeMembers(0);
    const scaffolded = await scaffoldModel({
      from: csv,
      id: 'members',
      outDir: join(root, 'models'),
      dataDir,
      log: () => {},
    });
    expect(scaffolded.ok).toBe(true);
    const server = await startServer({
      dataDir,
      appDir: `${root}-app`,
      modelsDirs: [join(root, 'models')],
      noDemo: true,
      port: 0,
      demoCustomers: 1000,
      apiToken: TOKEN,
      log: () => {},
      ...(await serverHooks()),
    });
    try {
      const before = await expected();
      expect(await rates(server)).toEqual(before);
      writeMembers(1);

      // No token: the lock is explained with what to do, in English or Chinese; nothing changes.
      let r = await ingestCommand();
      expect(r.code).toBe(1);
      expect(r.output).toContain(`The server at http://127.0.0.1:${server.port} holds`);
      expect(r.output).toContain('Set CHATBI_API_TOKEN');
      r = await ingestCommand({ CHATBI_LANG: 'zh' });
      expect(r.output).toContain('请把 CHATBI_API_TOKEN 设为该服务器的管理员 API 令牌');
      expect(r.output).not.toMatch(/Could not set lock|Conflicting lock/);

      // With the admin token: staged, swapped in, answered from the new data at once.
      r = await ingestCommand({ CHATBI_API_TOKEN: TOKEN });
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/now serves the new data of members \(swapped in [\d.]+ s, no restart\)/);
      const after = await expected();
      expect(after).not.toEqual(before);
      expect(await rates(server)).toEqual(after);
      expect(existsSync(join(dataDir, 'members.staged.duckdb'))).toBe(false);
      expect(existsSync(join(dataDir, 'members.previous.duckdb'))).toBe(false);

      // Nothing staged: the API says how to stage it.
      const res = await fetch(`http://127.0.0.1:${server.port}/api/data/members/reload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'accept-language': 'zh' },
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        'members 没有待载入的新数据',
      );
    } finally {
      await server.close();
    }
    // Server gone: its address record too, and ingest opens the file itself.
    expect(existsSync(join(dataDir, '.server.json'))).toBe(false);
    writeMembers(2);
    expect((await ingestCommand()).code).toBe(0);
  }, 300_000);
});
