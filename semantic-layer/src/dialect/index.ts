import type { Dialect } from './dialect.ts';
import { DuckDbDialect } from './duckdb.ts';
import { PostgresDialect } from './postgres.ts';

export type { Dialect } from './dialect.ts';
export const DIALECTS = { duckdb: new DuckDbDialect(), postgres: new PostgresDialect() } as const;
export type DialectName = keyof typeof DIALECTS;

/** The dialect for an engine name. */
export function dialectFor(name: DialectName): Dialect {
  return DIALECTS[name];
}
