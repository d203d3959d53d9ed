/**
 * Findings about the values of a staged table, for the report: labels an enumeration does not allow
 * (with a `map:` to paste, so a table whose every row was rejected says how to fix it), and case or
 * spacing variants of one label among the loaded rows (`Mobile Phone` / `mobile  phone`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnPlan } from './column-plan.ts';
import { ident, literal } from './sql-text.ts';

export interface UnexpectedValues {
  column: string;
  allowed: readonly string[];
  /** Values seen that are not allowed, most frequent first, with their row counts. */
  seen: Array<{ value: string; count: number }>;
}

/** Groups of loaded labels of one column that differ only in case or spacing. */
export interface LabelVariants {
  column: string;
  groups: string[][];
}

const SHOWN = 20;

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Values outside each enumerated column's allowed list, in the staged rows. */
export async function unexpectedValues(
  con: DuckDBConnection,
  stage: string,
  columns: readonly ColumnPlan[],
): Promise<UnexpectedValues[]> {
  const found: UnexpectedValues[] = [];
  for (const c of columns.filter((x) => x.values)) {
    const col = ident(c.name);
    const seen = await rows(
      con,
      `SELECT CAST(${col} AS VARCHAR) AS value, count(*) AS n FROM ${stage}
       WHERE ${col} IS NOT NULL AND CAST(${col} AS VARCHAR) NOT IN (${c.values!.map(literal).join(', ')})
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${SHOWN}`,
    );
    if (seen.length)
      found.push({
        column: c.name,
        allowed: c.values!,
        seen: seen.map((r) => ({ value: String(r.value), count: Number(r.n) })),
      });
  }
  return found;
}

/** Case and spacing variants among the good rows of each text column (ids excepted). */
export async function labelVariants(
  con: DuckDBConnection,
  stage: string,
  columns: readonly ColumnPlan[],
  key: readonly string[],
): Promise<LabelVariants[]> {
  const found: LabelVariants[] = [];
  const text = columns.filter(
    (c) => c.type === 'VARCHAR' && !key.includes(c.name) && !/(^|_)id$/.test(c.name),
  );
  for (const c of text) {
    const col = ident(c.name);
    const groups = await rows(
      con,
      `SELECT list(DISTINCT v ORDER BY v) AS labels FROM (
         SELECT ${col} AS v, lower(regexp_replace(${col}, '[\\s_-]+', '', 'g')) AS k
         FROM ${stage} WHERE __reason IS NULL AND ${col} IS NOT NULL)
       GROUP BY k HAVING count(DISTINCT v) > 1 ORDER BY k LIMIT ${SHOWN}`,
    );
    if (groups.length)
      found.push({ column: c.name, groups: groups.map((g) => (g.labels as unknown[]).map(String)) });
  }
  return found;
}

/** The `map:` a user can paste to fold unexpected values into allowed ones (they choose the targets). */
export function suggestedMap(u: UnexpectedValues): string {
  const entries = u.seen.map((s) => `${JSON.stringify(s.value)}: ${u.allowed[0]}`).join(', ');
  return `${u.column}: { column: <source column>, map: { ${entries} } }   # each value → one of ${u.allowed.join(', ')}`;
}
