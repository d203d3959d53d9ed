/**
 * Plans one target table: resolves source column references across the joined sources and
 * builds the staging SELECT that yields, per source record, the coerced target columns and the
 * reject reason (NULL for a good row).
 */
import { type CanonicalTableName, canonicalTable } from '../../canonical/canonical-schema.ts';
import { type ColumnPlan, coerceSql, planColumn, rejectRules } from './column-plan.ts';
import type { MappingIssue } from './mapping-issue.ts';
import { ATTRIBUTES_TABLE, type LoadedMapping, type TargetTableName } from './mapping-load.ts';
import { type CheckSpec, columnObjectOf, type TableSpec } from './mapping-schema.ts';
import type { RegisteredSource } from './sources.ts';
import { ident } from './sql-text.ts';

/** Everything needed to load one target table. */
export interface TablePlan {
  table: TargetTableName;
  main: RegisteredSource;
  columns: ColumnPlan[];
  key: string[];
  checks: CheckSpec[];
  /** SELECT producing `__row`, the target columns and `__reason`. */
  stageSql: string;
}

interface Alias {
  alias: string;
  source: RegisteredSource;
}

type Resolved = { sql: string; type: string } | { error: MappingIssue['code']; message: string };

function resolveRef(ref: string, scope: Alias[]): Resolved {
  const dot = ref.indexOf('.');
  if (dot > 0) {
    const alias = scope.find((a) => a.alias === ref.slice(0, dot));
    const col = alias?.source.columns.find((c) => c.name === ref.slice(dot + 1));
    if (alias && col) return { sql: `${ident(alias.alias)}.${ident(col.name)}`, type: col.type };
  }
  for (const exact of [true, false]) {
    const hits = scope.flatMap((a) =>
      a.source.columns
        .filter((c) => (exact ? c.name === ref : c.name.toLowerCase() === ref.toLowerCase()))
        .map((c) => ({ a, c })),
    );
    // The main source wins; otherwise a name must be unique among the joined sources.
    const pick = hits.find((h) => h.a === scope[0]) ?? (hits.length === 1 ? hits[0] : undefined);
    if (pick) return { sql: `${ident(pick.a.alias)}.${ident(pick.c.name)}`, type: pick.c.type };
    if (hits.length > 1)
      return {
        error: 'ambiguous_source_column',
        message: `"${ref}" is in ${hits.map((h) => h.a.alias).join(', ')}; write alias.column`,
      };
  }
  return {
    error: 'unknown_source_column',
    message:
      `no column "${ref}" in ${scope.map((a) => `${a.alias} (${a.source.columns.map((c) => c.name).join(', ')})`).join('; ')}`.slice(
        0,
        400,
      ),
  };
}

/** Plans a table against the registered sources; unresolved references come back as issues. */
export function planTable(
  loaded: LoadedMapping,
  table: TargetTableName,
  spec: TableSpec,
  sources: Map<string, RegisteredSource>,
): { ok: true; plan: TablePlan } | { ok: false; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  const issue = (code: MappingIssue['code'], path: (string | number)[], message: string) =>
    issues.push({ code, file: loaded.file, path: path.join('.'), line: loaded.lineOf(path), message });
  const at = ['tables', table];
  const scope: Alias[] = [{ alias: spec.from, source: sources.get(spec.from)! }];
  const joins: string[] = [];
  (spec.join ?? []).forEach((j, i) => {
    const [left, right] = typeof j.on === 'string' ? [j.on, j.on] : j.on;
    const l = resolveRef(left, scope);
    const joined: Alias = { alias: j.source, source: sources.get(j.source)! };
    const r = resolveRef(right, [joined]);
    if ('error' in l) issue(l.error, [...at, 'join', i, 'on'], l.message);
    if ('error' in r) issue(r.error, [...at, 'join', i, 'on'], r.message);
    if (!('error' in l) && !('error' in r)) {
      const cond =
        l.type === r.type ? `${l.sql} = ${r.sql}` : `CAST(${l.sql} AS VARCHAR) = CAST(${r.sql} AS VARCHAR)`;
      joins.push(
        `${j.type === 'inner' ? 'INNER' : 'LEFT'} JOIN ${ident(j.source)} AS ${ident(j.source)} ON ${cond}`,
      );
    }
    scope.push(joined);
  });

  const canonical = table === ATTRIBUTES_TABLE ? undefined : canonicalTable(table as CanonicalTableName);
  const key = spec.key ?? (canonical ? [...canonical.primaryKey] : ['customer_id']);
  const columns: ColumnPlan[] = [];
  for (const [name, raw] of Object.entries(spec.columns)) {
    const col = columnObjectOf(raw);
    const canonicalCol = canonical?.columns.find((c) => c.name === name);
    let ref: { sql: string; type: string } | undefined;
    if (col.column !== undefined) {
      const r = resolveRef(col.column, scope);
      if ('error' in r) {
        issue(r.error, [...at, 'columns', name, ...(typeof raw === 'string' ? [] : ['column'])], r.message);
        continue;
      }
      ref = r;
    }
    const attributeCustomerId = table === ATTRIBUTES_TABLE && name === 'customer_id';
    const plan = planColumn(name, col, canonicalCol, ref, key.includes(name));
    columns.push(attributeCustomerId ? { ...plan, type: 'VARCHAR' } : plan);
  }
  if (issues.length > 0) return { ok: false, issues };

  const mainAlias = ident(spec.from);
  const inner = columns.map((c, i) => `${c.valueSql} AS v${i}`).join(',\n    ');
  const middle = columns.map((c, i) => `v${i}, ${coerceSql(c, `v${i}`)} AS c${i}`).join(',\n    ');
  const rules = columns.flatMap((c, i) => rejectRules(c, `v${i}`, `c${i}`));
  // Nearly every row is good: test the rules once per row and build the reason text (every
  // failing rule, in column order) only for the rows that fail.
  const reasonSql =
    rules.length > 0
      ? `CASE WHEN ${rules.map((r) => `(${r.when})`).join('\n    OR ')}
  THEN concat_ws('; ', ${rules.map((r) => `CASE WHEN ${r.when} THEN ${r.reason} END`).join(',\n    ')}) END`
      : 'CAST(NULL AS VARCHAR)';
  const outer = columns.map((c, i) => `c${i} AS ${ident(c.name)}`).join(', ');
  const stageSql = `SELECT __row, ${outer},
  ${reasonSql} AS __reason
FROM (
  SELECT __row, ${middle}
  FROM (
    SELECT ${mainAlias}.__row AS __row,
    ${inner}
    FROM ${ident(spec.from)} AS ${mainAlias}
    ${joins.join('\n    ')}
  )
)`;
  return {
    ok: true,
    plan: { table, main: scope[0]!.source, columns, key, checks: spec.checks ?? [], stageSql },
  };
}
