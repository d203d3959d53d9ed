import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../server/start-server.ts';

/** `npm start` as a user runs it: a real process that generates the demo, prints its URL and serves. */
describe('the serve command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-serve-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-app`, { recursive: true, force: true });
  });

  it('generates demo data on first start, prints progress, accounts and the URL, answers, and stops on SIGTERM', async () => {
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/src/cli.ts',
        'serve',
        '--data-dir',
        dir,
        '--port',
        '0',
        '--customers',
        '1000',
      ],
      // No public datasets here: the Telco model is reported as not loaded instead of ingested (seconds).
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: '', PORT: '', CHATBI_SHARED_DATA: dir } },
    );
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
    });
    child.stderr!.on('data', (d) => {
      out += String(d);
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 240 s:\n${out}`)), 240_000);
      const poll = setInterval(() => {
        const m = /ready in [\d.]+ s → (http:\/\/localhost:\d+)/.exec(out);
        if (m) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(m[1]!);
        }
      }, 100);
      child!.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
    expect(out).toMatch(/first start: generating the demo CRM \(1,000 customers\)/);
    expect(out).toMatch(/\[11\/11\] truth and cleanup/);
    expect(out).toMatch(/model telco: not loaded on first start — .*Telco-Customer-Churn\.csv/);
    expect(out).toMatch(/admin account created: username admin, one-time password \S{12,}/);
    expect(out).toContain('demo account: manager_south / demo-manager-south (viewer)');
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      ok: boolean;
      demo: boolean;
      models: { id: string }[];
    };
    expect(health.ok).toBe(true);
    // This start generated the demo with embedded app state: demo mode is on, the app state beside the data.
    expect(health.demo).toBe(true);
    expect(out).toContain('demo mode: one-click sign-in');
    expect(existsSync(join(`${dir}-app`, 'demo-mode'))).toBe(true);
    expect(health.models.map((m) => m.id)).toEqual(['retail']);
    // The risk model trains in the background after start and says so.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no risk warm-up line within 60 s:\n${out}`)), 60_000);
      const poll = setInterval(() => {
        if (/model retail: risk model/.test(out)) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 100);
    });
    expect(out).toMatch(
      /model retail: risk model trained \(out-of-time AUC 0\.\d{3}\), [\d,]+ active customers scored, [\d,]+ at risk/,
    );
    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('shutting down');
  }, 300_000);
});
