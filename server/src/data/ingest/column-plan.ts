/**
 * Turns one mapped column into SQL: the source value (`v`, after trimming and label maps), its
 * coercion to the target type, and the reasons a row is rejected for it (missing, uncoercible,
 * outside an enumeration or range). All three are plain SQL, so the mapping runs inside DuckDB.
 */
import type { CanonicalColumn, CanonicalType } from '../../canonical/canonical-schema.ts';
import type { ColumnObject } from './mapping-schema.ts';
import { literal, scalarLiteral } from './sql-text.ts';

/** A target column with everything needed to fill and check it. */
export interface ColumnPlan {
  name: string;
  type: CanonicalType;
  required: boolean;
  values?: readonly string[];
  range?: readonly [number, number];
  /** SQL for the source value before coercion. */
  valueSql: string;
  /** Whether `valueSql` is text (trimmed, blank → NULL) rather than an already typed value. */
  isText: boolean;
  /** strptime formats tried in order. */
  format?: string[];
  /** Fed from a source column (so a NULL there was a blank in the source). */
  fromColumn: boolean;
  /** DuckDB type of that source column. */
  sourceType?: string;
}

/** One way a row can fail on a column: a condition and the reason text (both SQL). */
export interface RejectRule {
  when: string;
  reason: string;
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];
const list = (xs: readonly string[]) => xs.map(literal).join(', ');

/**
 * Plans one column. `ref` is the resolved SQL of its source column (with that column's DuckDB
 * type) when the spec names one.
 */
export function planColumn(
  name: string,
  spec: ColumnObject,
  canonical: CanonicalColumn | undefined,
  ref: { sql: string; type: string } | undefined,
  forceRequired: boolean,
): ColumnPlan {
  const type = spec.type ?? canonical?.type ?? 'VARCHAR';
  let valueSql: string;
  let isText: boolean;
  if (ref) {
    isText = ref.type === 'VARCHAR' || spec.map !== undefined;
    valueSql = ref.type === 'VARCHAR' ? `NULLIF(trim(${ref.sql}), '')` : ref.sql;
    if (isText && ref.type !== 'VARCHAR') valueSql = `CAST(${ref.sql} AS VARCHAR)`;
  } else if (spec.expr !== undefined) {
    isText = false;
    valueSql = `(${spec.expr})`;
  } else {
    const c = spec.const ?? null;
    isText = true;
    valueSql = c === null ? 'CAST(NULL AS VARCHAR)' : literal(String(c));
  }
  if (spec.map) {
    const cases = Object.entries(spec.map)
      .map(([from, to]) => `WHEN ${literal(from)} THEN ${to === null ? 'NULL' : literal(String(to))}`)
      .join(' ');
    valueSql = `CASE ${valueSql} ${cases} ELSE ${spec.unmapped === 'null' ? 'NULL' : valueSql} END`;
  }
  return {
    name,
    type,
    required: forceRequired || (spec.required ?? canonical?.required ?? false),
    values: spec.values ?? canonical?.values,
    range: spec.range ?? canonical?.range,
    valueSql,
    isText,
    format: spec.format === undefined ? undefined : [spec.format].flat(),
    fromColumn: ref !== undefined,
    sourceType: ref?.type,
  };
}

/** SQL coercing the value column `v` to the plan's type; NULL when it cannot be read. */
export function coerceSql(plan: ColumnPlan, v: string): string {
  if (plan.format && (plan.type === 'DATE' || plan.type === 'TIMESTAMP')) {
    const tries = plan.format.map((f) => `try_strptime(CAST(${v} AS VARCHAR), ${literal(f)})`);
    return `CAST(${tries.length > 1 ? `coalesce(${tries.join(', ')})` : tries[0]} AS ${plan.type})`;
  }
  if (plan.type === 'VARCHAR') return plan.isText ? v : `CAST(${v} AS VARCHAR)`;
  if (plan.type === 'BOOLEAN' && plan.isText)
    return `CASE WHEN lower(${v}) IN (${list(TRUE_WORDS)}) THEN true WHEN lower(${v}) IN (${list(FALSE_WORDS)}) THEN false END`;
  return `try_cast(${v} AS ${plan.type})`;
}

/**
 * Whether coercing can turn a value into NULL: not when the target is text (anything casts to
 * VARCHAR) nor when the source column already has the target type. Those columns need no
 * "cannot read" test on every row.
 */
function coercionCanFail(plan: ColumnPlan): boolean {
  if (plan.type === 'VARCHAR') return false;
  return plan.isText || plan.format !== undefined || plan.sourceType !== plan.type;
}

/** The reasons a row fails on this column (value `v`, coerced `c`): missing, unreadable, outside. */
export function rejectRules(plan: ColumnPlan, v: string, c: string): RejectRule[] {
  const shown = (x: string) => `left(CAST(${x} AS VARCHAR), 80)`;
  const rules: RejectRule[] = [];
  if (plan.required) rules.push({ when: `${v} IS NULL`, reason: literal(`${plan.name}: missing`) });
  if (coercionCanFail(plan))
    rules.push({
      when: `${v} IS NOT NULL AND ${c} IS NULL`,
      reason: `${literal(`${plan.name}: cannot read "`)} || ${shown(v)} || ${literal(`" as ${plan.type}${plan.format ? ` (${plan.format.join(' or ')})` : ''}`)}`,
    });
  if (plan.values)
    rules.push({
      when: `${c} IS NOT NULL AND CAST(${c} AS VARCHAR) NOT IN (${list(plan.values)})`,
      reason: `${literal(`${plan.name}: "`)} || ${shown(c)} || ${literal(`" is not one of ${plan.values.join(', ')}`)}`,
    });
  if (plan.range) {
    const [lo, hi] = plan.range;
    rules.push({
      when: `${c} IS NOT NULL AND (${c} < ${scalarLiteral(lo)} OR ${c} > ${scalarLiteral(hi)})`,
      reason: `${literal(`${plan.name}: `)} || ${shown(c)} || ${literal(` is outside [${lo}, ${hi}]`)}`,
    });
  }
  return rules;
}
