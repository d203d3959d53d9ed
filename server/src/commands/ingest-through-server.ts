/**
 * `npm run ingest` while the server holds the database: the data is loaded into the staged file beside it
 * (`<model>.staged.duckdb`, see models/staged-data.ts) and the running server (found by its `.server.json` in
 * the data folder) is asked to serve it, with the admin API token of `CHATBI_API_TOKEN`. Every step that
 * cannot go through the server says what to do instead, in the user's language.
 */
import { rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { type IngestOptions, type IngestResult, ingest } from '../data/ingest/ingest.ts';
import { ingestMessage } from '../data/ingest/ingest-messages.ts';
import { stagedDatabase } from '../models/staged-data.ts';
import { findServer } from '../server/server-address.ts';

/**
 * The exit code of loading through the running server, or null when no server of this data folder runs
 * (the caller reports the lock as it is). `finish` prints an ingest's result and gives its exit code.
 */
export async function ingestThroughServer(
  options: IngestOptions & { dbPath: string },
  finish: (result: IngestResult) => number,
  env: Record<string, string | undefined> = process.env,
): Promise<number | null> {
  const lang = options.language ?? 'en';
  const dataDir = dirname(resolve(options.dbPath));
  const server = findServer(dataDir);
  if (!server) return null;
  const say = (id: Parameters<typeof ingestMessage>[0], params: Record<string, string | number> = {}) =>
    ingestMessage(id, lang, { url: server.url, db: options.dbPath, ...params });
  if (options.mode === 'append') {
    console.error(say('server_append'));
    return 1;
  }
  const token = env.CHATBI_API_TOKEN;
  if (!token) {
    console.error(say('server_needs_token'));
    return 1;
  }
  const model = basename(options.dbPath, '.duckdb');
  const staged = stagedDatabase(dataDir, model);
  for (const f of [staged, `${staged}.wal`]) rmSync(f, { force: true });
  console.error(say('through_server', { staged }));
  const loaded = finish(await ingest({ ...options, dbPath: staged }));
  if (loaded !== 0) {
    for (const f of [staged, `${staged}.wal`]) rmSync(f, { force: true });
    return loaded;
  }
  let response: Response;
  try {
    response = await fetch(`${server.url}/api/data/${encodeURIComponent(model)}/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'accept-language': lang },
    });
  } catch (error) {
    console.error(say('server_unreachable', { why: (error as Error).message }));
    return 1;
  }
  const body = (await response.json().catch(() => ({}))) as {
    seconds?: number;
    error?: { message?: string };
  };
  if (!response.ok) {
    console.error(
      say('reload_refused', { model, status: response.status, message: body.error?.message ?? '' }),
    );
    return 1;
  }
  console.log(say('reloaded', { model, seconds: (body.seconds ?? 0).toFixed(1) }));
  return 0;
}
