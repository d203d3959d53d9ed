/**
 * `npm start` (= `npm run serve -- [--port N] [--data-dir .data] [--customers N] [--host 0.0.0.0]`):
 * generates the demo data on first start, prepares the models and serves the web app and the API.
 * Environment: PORT, DATABASE_URL (PostgreSQL app state; PGlite in .data-app otherwise), CHATBI_APP_DIR,
 * CHATBI_API_TOKEN, OPENAI_API_KEY / OPENAI_BASE_URL / LLM_MODEL (optional LLM interpreter), SLACK_* and
 * WECOM_* (chat channels, validated here: a partial or malformed setting stops with the variable's name).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { warmRisk } from '../analysis/risk/warm-risk.ts';
import { runAnalysis } from '../analysis/run-analysis.ts';
import { warmInterpreter } from '../ask/warm-interpreter.ts';
import { type ChannelConfig, ChannelConfigError, channelConfigFromEnv } from '../channels/channel-config.ts';
import type { ActiveModel } from '../models/model-registry.ts';
import { serverHooks } from '../server/server-hooks.ts';
import { PROJECT_ROOT, startServer } from '../server/start-server.ts';
import { warmAnswers } from '../server/warm-answers.ts';
import { commandArgs } from './command-args.ts';

export const summary = 'serve the web app and API on http://localhost:8787 (demo data on first start)';

const USAGE = `usage: npm start -- [--port N] [--host H] [--data-dir DIR] [--app-dir DIR] [--customers N] [--demo]
                    [--no-demo] [--models-dir DIR]…

  --port N        port (default: $PORT or 8787)
  --host H        interface to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --data-dir DIR  analytic databases (default .data)
  --app-dir DIR   embedded app state without DATABASE_URL (default: $CHATBI_APP_DIR or <data-dir>-app)
  --customers N   size of the demo generated on first start (default 10000)
  --demo          demo mode: demo accounts and one-click sign-in for the non-admin ones (on by default only
                  when this start generated the demo with embedded app state)
  --no-demo       do not generate the retail demo: serve only the models that have data
  --models-dir D  more model definition folders (D/<id>/model.yaml, served with <data-dir>/<id>.duckdb);
                  repeatable. Every model under semantic-layer/models/ with data is served too.`;

export async function run(args: string[]): Promise<number> {
  const parsed = commandArgs(
    args,
    {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      customers: { type: 'string' },
      'app-dir': { type: 'string' },
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      'models-dir': { type: 'string', multiple: true },
    },
    USAGE,
  );
  if ('exit' in parsed) return parsed.exit;
  const { values } = parsed;
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  const customers = Number(values.customers ?? 10_000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`error: --port must be an integer 0..65535, got ${values.port ?? process.env.PORT}`);
    return 2;
  }
  if (!Number.isInteger(customers) || customers < 100) {
    console.error(`error: --customers must be an integer ≥ 100, got ${values.customers}`);
    return 2;
  }
  let channels: ChannelConfig;
  try {
    channels = channelConfigFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ChannelConfigError)) throw error;
    console.error(`error: ${error.message}`);
    return 2;
  }
  const started = performance.now();
  const webDist = join(PROJECT_ROOT, 'web/dist');
  const server = await startServer({
    dataDir: String(values['data-dir'] ?? '.data'),
    appDir: (values['app-dir'] as string | undefined) ?? (process.env.CHATBI_APP_DIR || undefined),
    demo: values.demo ? true : undefined,
    port,
    host: values.host as string | undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    demoCustomers: customers,
    noDemo: values['no-demo'] === true,
    modelsDirs: (values['models-dir'] as string[] | undefined) ?? [],
    ingestShipped: true,
    apiToken: process.env.CHATBI_API_TOKEN,
    log: (line) => console.log(line),
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : undefined,
    channels: { config: channels },
    ...(await serverHooks()),
  });
  const { boot } = server;
  if (boot.adminPassword)
    console.log(
      `\nadmin account created: username admin, one-time password ${boot.adminPassword} (change it on first sign-in)`,
    );
  for (const u of boot.demoUsersCreated)
    console.log(`demo account: ${u.username} / ${u.password} (${u.role})`);
  if (boot.apiToken === 'too_short')
    console.log('CHATBI_API_TOKEN ignored: it must have at least 16 characters');
  const status = await server.channels.status();
  for (const [name, channel] of [
    ['Slack', status.slack],
    ['WeCom app', status.wecomApp],
    ['WeCom robot', status.wecomBot],
  ] as const)
    for (const route of 'routes' in channel ? (channel.routes ?? []) : [])
      console.log(`${name}: ${server.url}${route}`);
  if (server.demo)
    console.log(
      `demo mode: one-click sign-in for the demo accounts${values.host && !/^(127\.|localhost|::1)/.test(String(values.host)) ? ' — WARNING: listening beyond this machine with documented demo passwords' : ''}`,
    );
  console.log(`\nready in ${((performance.now() - started) / 1000).toFixed(1)} s → ${server.url}`);
  if (!existsSync(join(webDist, 'index.html')))
    console.log('(web app not built: run `npm run build` for the UI; the API is up)');
  // The risk model trains in the background (now and after each publish), then the example questions and
  // their follow-ups are answered ahead of the users (warm-answers.ts); questions are answered meanwhile.
  const log = (line: string) => console.log(line);
  // Shutdown stops the warm-up and waits for the question in flight before the engine closes.
  const stopping = new AbortController();
  const warming = new Set<Promise<unknown>>();
  const warm = (active: ActiveModel) => {
    warmInterpreter(active.runtime.catalog, active.runtime.asOf);
    const task = warmRisk(active.runtime, log).then(() =>
      warmAnswers(active, runAnalysis, log, undefined, stopping.signal),
    );
    warming.add(task);
    const done = () => warming.delete(task);
    void task.then(done, done);
  };
  for (const active of server.registry.list()) warm(active);
  server.registry.onActivate((_, active) => warm(active));

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('shutting down…');
  stopping.abort();
  await Promise.allSettled([...warming]);
  await server.close();
  return 0;
}
