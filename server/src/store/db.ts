/** The drizzle database type shared by both drivers, and the helpers every repository uses. */
import { createHash, randomBytes } from 'node:crypto';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.ts';

/** A drizzle database over our schema, on PGlite or on postgres.js: repositories only use what both offer. */
export type AppDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** SHA-256 (hex) of a high-entropy secret: what we store for session and API tokens instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A random URL-safe secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** True when a driver error (possibly wrapped by drizzle in `cause`) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID-shaped string: lookups by id answer "not found" for anything else instead of a driver error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
