import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { queryDb } from '../../test/data/ingest-test-db.ts';
import { cliLanguage } from '../cli-support/cli-language.ts';
import { ingest } from '../data/ingest/ingest.ts';
import { PROJECT_ROOT } from '../server/start-server.ts';
import { run } from './ingest.ts';

const dir = mkdtempSync(join(tmpdir(), 'ingest-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAPPING = `model: shop
as_of: '2024-12-31'
sources:
  cust: { file: customers.csv }
  ord: { file: orders.csv }
tables:
  customers:
    from: cust
    columns:
      customer_id: id
      region: region
      signup_date: { column: signup, format: ["%Y-%m-%d", "%d/%m/%Y", "%Y%m%d"] }
  orders:
    from: ord
    columns:
      order_id: order_id
      customer_id: customer
      order_ts: ts
      amount: amount
      status: status
`;

function writeCase(name: string, orders: string): string {
  const caseDir = join(dir, name);
  mkdirSync(caseDir, { recursive: true });
  writeFileSync(
    join(caseDir, 'customers.csv'),
    'id,region,signup\nc1,South,2024-01-10\nc2,south,10/02/2024\nc3,North,20240315\nc4, South  ,2024-04-01\nc5,North East,2024-05-01\nc6,north-east,2024-05-02\n',
  );
  writeFileSync(join(caseDir, 'orders.csv'), orders);
  writeFileSync(join(caseDir, 'shop.yaml'), MAPPING);
  return join(caseDir, 'shop.yaml');
}

/** Runs the command, capturing what it prints. */
async function runCommand(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const log = vi.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation((...a) => void lines.push(a.join(' ')));
  try {
    return { code: await run(args), out: lines.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('npm run ingest: hardening for data a user brings', () => {
  it('fails with exit 1 when every order is rejected, and suggests a map: with the values it saw', async () => {
    const config = writeCase(
      'all-rejected',
      'order_id,customer,ts,amount,status\nA1,c1,2024-02-01,10,delivered\nA2,c2,2024-02-02,5,delivered\nA3,c3,2024-02-03,7,shipped\n',
    );
    const { code, out } = await runCommand(['--config', config, '--db', join(dir, 'all-rejected.duckdb')]);
    expect(code).toBe(1);
    expect(out).toContain('status: "delivered" is not one of completed, refunded, cancelled');
    expect(out).toContain('status: values seen that are not allowed: delivered (2), shipped (1)');
    expect(out).toContain('map: { "delivered": completed, "shipped": completed }');
    expect(out).toContain('error: every row of orders was rejected');
  });

  it('reads several date formats in one column and reports case and spacing variants of a label', async () => {
    const config = writeCase(
      'variants',
      'order_id,customer,ts,amount,status\nA1,c1,2024-02-01,10,completed\n',
    );
    const db = join(dir, 'variants.duckdb');
    const result = await ingest({ configPath: config, dbPath: db });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const customers = result.report.tables.find((t) => t.table === 'customers')!;
    expect(customers.rejected).toBe(0);
    expect(
      await queryDb(db, 'SELECT customer_id, signup_date::VARCHAR AS d FROM customers ORDER BY 1'),
    ).toEqual([
      { customer_id: 'c1', d: '2024-01-10' },
      { customer_id: 'c2', d: '2024-02-10' },
      { customer_id: 'c3', d: '2024-03-15' },
      { customer_id: 'c4', d: '2024-04-01' },
      { customer_id: 'c5', d: '2024-05-01' },
      { customer_id: 'c6', d: '2024-05-02' },
    ]);
    // " South  " is trimmed on ingest, so it is "South" already; "south" differs in case only.
    expect(customers.labelVariants).toEqual([
      {
        column: 'region',
        groups: [
          ['North East', 'north-east'],
          ['South', 'south'],
        ],
      },
    ]);
    const { code, out } = await runCommand(['--config', config, '--db', db]);
    expect(code).toBe(0);
    expect(out).toContain('region: "South" / "south" differ only in case or spacing');
  });

  it('says "stop the server first" when another process holds the database', async () => {
    const config = writeCase('locked', 'order_id,customer,ts,amount,status\nA1,c1,2024-02-01,10,completed\n');
    const db = join(dir, 'locked.duckdb');
    (await DuckDBInstance.create(db)).closeSync();
    // Another process (as the server would be) holds the file open for writing.
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { DuckDBInstance } from '@duckdb/node-api'; await DuckDBInstance.create(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);",
        db,
      ],
      { cwd: PROJECT_ROOT },
    );
    try {
      await new Promise<void>((ok, fail) => {
        holder.stdout!.on('data', (d) => String(d).includes('held') && ok());
        holder.on('exit', (code) => fail(new Error(`holder exited ${code}`)));
      });
      const result = await ingest({ configPath: config, dbPath: db });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues[0]!.code).toBe('database_locked');
      expect(result.issues[0]!.message).toContain('stop the server first');
      // In the user's language: the CLI passes cliLanguage() (CHATBI_LANG or the locale).
      const zh = await ingest({
        configPath: config,
        dbPath: db,
        language: cliLanguage({ LANG: 'zh_CN.UTF-8' }),
      });
      expect(zh.ok).toBe(false);
      if (zh.ok) return;
      expect(zh.issues[0]!.message).toContain('请先停止服务器，再重新导入');
      // Through the command itself, as a user with a Chinese locale runs it.
      const cli = await runCommand(['--config', config, '--db', db, '--quiet'], { CHATBI_LANG: 'zh' });
      expect(cli.code).toBe(1);
      expect(cli.out).toContain('请先停止服务器');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
