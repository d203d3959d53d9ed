/**
 * Where a running server can be reached, recorded in its data folder (`.server.json`: url and process id) so
 * a command that finds a database held by it (`npm run ingest`) can go through its API instead. Written when
 * the server listens, removed when it closes; a record whose process is gone is ignored.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerAddress {
  url: string;
  pid: number;
}

const fileOf = (dataDir: string) => join(dataDir, '.server.json');

export function recordServerAddress(dataDir: string, url: string): void {
  writeFileSync(fileOf(dataDir), `${JSON.stringify({ url, pid: process.pid })}\n`);
}

/** Removes this process's record (not another server's). */
export function forgetServerAddress(dataDir: string): void {
  if (findServer(dataDir)?.pid === process.pid) rmSync(fileOf(dataDir), { force: true });
}

/** The server serving `dataDir`, when its process is alive. */
export function findServer(dataDir: string): ServerAddress | null {
  if (!existsSync(fileOf(dataDir))) return null;
  try {
    const found = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as ServerAddress;
    process.kill(found.pid, 0);
    return found;
  } catch {
    return null;
  }
}
