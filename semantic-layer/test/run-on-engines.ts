import { expect } from 'vitest';
import { compile } from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { FIXTURE_AS_OF } from './fixture.ts';
import { normalizeRows, type PgTarget } from './postgres-copy.ts';
import type { TestDuck } from './test-duck.ts';

/**
 * Compiles a query on the fixture for each dialect, runs it on DuckDB and on every PostgreSQL target,
 * checks they agree, and returns DuckDB's rows with the DuckDB SQL.
 */
export async function runOnEngines(
  engines: { model: SemanticModel; duck: TestDuck; targets: PgTarget[] },
  query: Omit<SemanticQueryInput, 'model'>,
  attributes?: Record<string, string[]>,
): Promise<{ rows: Record<string, unknown>[]; sql: string }> {
  const { model, duck, targets } = engines;
  const q = { model: model.id, ...query };
  const d = compile(model, q, { dialect: 'duckdb', asOf: FIXTURE_AS_OF, attributes });
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  const rows = normalizeRows((await duck.query(d.compiled.sql, d.compiled.params)).rows);
  const p = compile(model, q, { dialect: 'postgres', asOf: FIXTURE_AS_OF, attributes });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  for (const t of targets) {
    const other = normalizeRows(await t.query(p.compiled.sql, p.compiled.params));
    expect(other, `${t.name} agrees with duckdb`).toEqual(rows);
  }
  return { rows, sql: d.compiled.sql };
}
