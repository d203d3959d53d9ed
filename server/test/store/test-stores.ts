/**
 * Store factories for tests: in-memory PGlite, and PostgreSQL in a unique schema of the shared `test`
 * database (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test) that is dropped on close.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { PgliteThread } from '../../src/store/pglite-worker.ts';

/** Opens a fresh, migrated store. */
export type StoreFactory = () => Promise<Store>;

/** The PostgreSQL the tests use. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * In-memory PGlite. A fresh instance spends 3–6 s in initdb, so the first run dumps a migrated data
 * directory to the OS temp folder (keyed by PGlite version and migration files) and later ones load it in ~1 s.
 */
export const pgliteStore: StoreFactory = async () => {
  const snapshot = join(tmpdir(), `chatbi-pglite-${snapshotKey()}.tar`);
  if (existsSync(snapshot)) {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(snapshot)]) });
    return openStore({ pglite: client });
  }
  const client = new PGlite();
  const store = await openStore({ pglite: client });
  const dump = await client.dumpDataDir('none');
  const partial = `${snapshot}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, snapshot); // atomic, so parallel test files never read half a snapshot
  return store;
};

function snapshotKey(): string {
  const hash = createHash('sha256');
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(readFileSync(join(dirname(entry), '..', 'package.json')));
  const folder = new URL('../../src/store/migrations/', import.meta.url);
  for (const file of readdirSync(folder, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(readFileSync(new URL(file, folder)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** In-memory PGlite in a worker thread (as `npm start` runs it), from the same migrated snapshot. */
export const pgliteWorkerStore: StoreFactory = async () => {
  const snapshot = join(tmpdir(), `chatbi-pglite-${snapshotKey()}.tar`);
  if (!existsSync(snapshot)) await (await pgliteStore()).close();
  const thread = await PgliteThread.open('memory://', new Uint8Array(readFileSync(snapshot)));
  return openStore({ pglite: thread.asClient() });
};

/** PostgreSQL, isolated in `t_<random>` and dropped on close. */
export const postgresStore: StoreFactory = () =>
  openStore({
    databaseUrl: TEST_DATABASE_URL,
    schema: `t_${randomBytes(6).toString('hex')}`,
    dropSchemaOnClose: true,
    maxConnections: 10,
  });

/** Whether the test PostgreSQL answers within a second (the suite is skipped, saying why, when it does not). */
export async function postgresReachable(): Promise<boolean> {
  const sql = postgres(TEST_DATABASE_URL, { max: 1, connect_timeout: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
