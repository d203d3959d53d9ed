/** The product server for HTTP suites: a data folder, an app store, the governance hooks, port 0, quiet. */
import { serverHooks } from '../../src/server/server-hooks.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/open-store.ts';

/** Starts the server on `dataDir` (generating the 3,000-customer demo there when it has none). */
export async function startTestServer(dataDir: string, store: Store, demo?: boolean): Promise<RunningServer> {
  return startServer({
    dataDir,
    port: 0,
    demoCustomers: 3000,
    ...(demo === undefined ? {} : { demo }),
    store,
    log: () => {},
    ...(await serverHooks()),
  });
}
