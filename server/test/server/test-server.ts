/** The product server for HTTP suites: a data folder, an app store, the governance hooks, port 0, quiet. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverHooks } from '../../src/server/server-hooks.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/open-store.ts';
import { cachedDemo } from '../data/demo-store.ts';

/** A fresh data folder holding a copy of the cached 3,000-customer demo (so no start generates one). */
export async function copiedDemo(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chatbi-data-'));
  copyFileSync(await cachedDemo(3000, 42), join(dataDir, 'retail.duckdb'));
  return dataDir;
}

/** Starts the server on `dataDir` (generating the 3,000-customer demo there when it has none). */
export async function startTestServer(
  dataDir: string,
  store?: Store,
  demo?: boolean,
): Promise<RunningServer> {
  return startServer({
    dataDir,
    port: 0,
    demoCustomers: 3000,
    ...(demo === undefined ? {} : { demo }),
    ...(store ? { store } : {}),
    log: () => {},
    ...(await serverHooks()),
  });
}
