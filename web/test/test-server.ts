/**
 * The real product for the browser tests: the web app built by Vite into a temporary folder, served by
 * the server (`startServer`, the same code `npm start` runs, with the same optional hooks) on a random
 * port with a small demo dataset. `CHATBI_TEST_URL` points the tests at a server already running instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serverHooks } from '../../server/src/server/server-hooks.ts';
import { type RunningServer, type ServerOptions, startServer } from '../../server/src/server/start-server.ts';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface WebTestServer {
  url: string;
  /** The product in this process (absent with CHATBI_TEST_URL): tests drive e.g. `monitors.tick()`. */
  product?: RunningServer;
  close(): Promise<void>;
}

/** Builds the web app into `outDir` (production build, as served by `npm start`). */
export async function buildWeb(outDir: string): Promise<void> {
  await build({
    configFile: join(WEB_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Starts the server with a freshly built web app and a small demo dataset; `close` removes everything. */
export async function startWebTestServer(
  options: { customers?: number; monitors?: ServerOptions['monitors'] } = {},
): Promise<WebTestServer> {
  const external = process.env.CHATBI_TEST_URL;
  if (external) return { url: external.replace(/\/$/, ''), close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'chatbi-web-'));
  const webDist = join(dir, 'web-dist');
  await buildWeb(webDist);
  const lines: string[] = [];
  const server = await startServer({
    dataDir: join(dir, 'data'),
    port: 0,
    demoCustomers: options.customers ?? 3000,
    log: (line) => lines.push(line),
    webDist,
    ...(await serverHooks()),
    ...(options.monitors ? { monitors: options.monitors } : {}),
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    product: server,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
