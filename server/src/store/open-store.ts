/**
 * Opens the app-state store: embedded PGlite by default, PostgreSQL (postgres.js) when a URL is given.
 * Both run the same SQL migrations on open and expose the same repositories.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { apiTokensRepository } from './api-tokens.ts';
import { auditRepository } from './audit.ts';
import { campaignsRepository } from './campaigns.ts';
import { channelLinksRepository } from './channel-links.ts';
import { channelQueueRepository } from './channel-queue.ts';
import { conversationsRepository } from './conversations.ts';
import type { AppDb } from './db.ts';
import { feedbackRepository } from './feedback.ts';
import { modelVersionsRepository } from './model-versions.ts';
import { monitorStoreRepository } from './monitor-store.ts';
import { pacedPglite } from './paced-pglite.ts';
import { pgliteStartParams } from './pglite-settings.ts';
import { PgliteThread } from './pglite-worker.ts';
import * as schema from './schema.ts';
import { sessionsRepository } from './sessions.ts';
import { tasksRepository } from './tasks.ts';
import { usersRepository } from './users.ts';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Where app state lives. */
export interface StoreOptions {
  /** PostgreSQL URL; when absent, app state lives in embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory (default `./.data-app/pglite`); `memory://` keeps everything in memory. */
  dataDir?: string;
  /** PGlite only: use this client instead of opening one (tests start from a cached, migrated snapshot). */
  pglite?: PGlite;
  /**
   * PGlite only (without `pglite`): run the database in a worker thread (pglite-worker.ts), so its statements
   * never hold the event loop. Default: off (inline) unless `CHATBI_PGLITE_WORKER=1`: at 1M customers on 2 cores
   * the worker halved the askers' throughput for no gain in the health wait (evals/bench/RESULTS.md, 18:29/18:35).
   */
  pgliteWorker?: boolean;
  /** PostgreSQL only: a schema to create and use (tables and the migrations journal), e.g. per test run. */
  schema?: string;
  /** PostgreSQL only: drop `schema` on close (for tests). */
  dropSchemaOnClose?: boolean;
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number;
}

/** The app-state store: repositories over one database, plus a graceful `close()`. */
export interface Store {
  driver: 'pglite' | 'postgres';
  db: AppDb;
  users: ReturnType<typeof usersRepository>;
  sessions: ReturnType<typeof sessionsRepository>;
  apiTokens: ReturnType<typeof apiTokensRepository>;
  conversations: ReturnType<typeof conversationsRepository>;
  modelVersions: ReturnType<typeof modelVersionsRepository>;
  feedback: ReturnType<typeof feedbackRepository>;
  audit: ReturnType<typeof auditRepository>;
  channelLinks: ReturnType<typeof channelLinksRepository>;
  channelQueue: ReturnType<typeof channelQueueRepository>;
  /** Monitor subscriptions, firings, inbox insights and the delivery log. */
  monitors: ReturnType<typeof monitorStoreRepository>;
  campaigns: ReturnType<typeof campaignsRepository>;
  tasks: ReturnType<typeof tasksRepository>;
  /** Inline PGlite only: the size of its WebAssembly memory in bytes (the opt-in memory log, memory-log.ts). */
  pgliteWasmBytes?: () => number | undefined;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the store.
 * @example const store = await openStore({ databaseUrl: process.env.DATABASE_URL });
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  // Inline, PGlite's statements are paced on the event loop (paced-pglite.ts); in a worker they run apart.
  if (options.pglite) return openPglite(pacedPglite(options.pglite));
  const dataDir = pgliteDataDir(options.dataDir);
  const inWorker = options.pgliteWorker ?? process.env.CHATBI_PGLITE_WORKER === '1';
  return openPglite(
    inWorker
      ? (await PgliteThread.open(dataDir)).asClient()
      : pacedPglite(
          new PGlite({
            ...(dataDir === 'memory://' ? {} : { dataDir }),
            ...(pgliteStartParams() ? { startParams: pgliteStartParams() } : {}),
          }),
        ),
  );
}

/** The PGlite data folder (created), or `memory://`. */
function pgliteDataDir(dataDir = './.data-app/pglite'): string {
  if (dataDir === 'memory://') return dataDir;
  mkdirSync(resolve(dataDir), { recursive: true });
  return resolve(dataDir);
}

async function openPglite(client: PGlite): Promise<Store> {
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  const store = assemble('pglite', db as unknown as AppDb, () => client.close());
  return { ...store, pgliteWasmBytes: () => wasmBytes(client) };
}

/** PGlite's WebAssembly memory in bytes; undefined in the worker (its memory is another thread's). */
function wasmBytes(client: PGlite): number | undefined {
  try {
    return client.Module?.HEAPU8?.byteLength;
  } catch {
    return undefined;
  }
}

async function openPostgres(url: string, options: StoreOptions): Promise<Store> {
  const { schema: pgSchema, dropSchemaOnClose = false, maxConnections = 10 } = options;
  if (pgSchema !== undefined && !SCHEMA_NAME.test(pgSchema)) {
    throw new Error(`invalid schema name: ${pgSchema}`);
  }
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    // Every pooled connection resolves unqualified table names in the isolated schema.
    connection: pgSchema ? { search_path: pgSchema } : {},
  });
  const db = drizzlePostgres({ client, schema });
  const close = async () => {
    if (pgSchema && dropSchemaOnClose)
      await db.execute(sql.raw(`drop schema if exists "${pgSchema}" cascade`));
    await client.end({ timeout: 5 });
  };
  try {
    if (pgSchema) await db.execute(sql.raw(`create schema if not exists "${pgSchema}"`));
    await migratePostgres(db, {
      migrationsFolder: MIGRATIONS_FOLDER,
      ...(pgSchema ? { migrationsSchema: pgSchema } : {}),
    });
  } catch (error) {
    await close();
    throw error;
  }
  return assemble('postgres', db as unknown as AppDb, close);
}

function assemble(driver: Store['driver'], db: AppDb, close: () => Promise<void>): Store {
  let closed: Promise<void> | undefined;
  return {
    driver,
    db,
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    apiTokens: apiTokensRepository(db),
    conversations: conversationsRepository(db),
    modelVersions: modelVersionsRepository(db),
    feedback: feedbackRepository(db),
    audit: auditRepository(db),
    channelLinks: channelLinksRepository(db),
    channelQueue: channelQueueRepository(db),
    monitors: monitorStoreRepository(db),
    campaigns: campaignsRepository(db),
    tasks: tasksRepository(db),
    close: () => {
      closed ??= close();
      return closed;
    },
  };
}
