import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copiedDemo } from '../../test/server/test-server.ts';
import { openStore } from '../store/open-store.ts';
import { serverHooks } from './server-hooks.ts';
import { startServer } from './start-server.ts';

/** Where app state lives: outside the data folder the analytic engine reads; an old layout is moved there. */
describe('the app folder', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('moves an app state left in <data-dir>/app to <data-dir>-app, says so, and keeps its accounts; demo mode stays off', async () => {
    const dataDir = await copiedDemo();
    dirs.push(dataDir, `${dataDir}-app`);
    const old = await openStore({ dataDir: join(dataDir, 'app') });
    await old.users.create({ username: 'kept', role: 'viewer' });
    await old.close();
    const lines: string[] = [];
    const server = await startServer({
      dataDir,
      port: 0,
      demoCustomers: 3000,
      log: (line) => lines.push(line),
      ...(await serverHooks()),
    });
    try {
      expect(lines.join('\n')).toContain(
        `moved the app state ${join(dataDir, 'app')} → ${join(`${dataDir}-app`, 'pglite')}`,
      );
      expect(existsSync(join(dataDir, 'app'))).toBe(false);
      expect(await server.store.users.findByUsername('kept')).not.toBeNull();
      expect(server.demo).toBe(false);
    } finally {
      await server.close();
    }
  }, 120_000);
});
