/**
 * Per-customer reads (feature rows for a model, scored customers): a compiled query whose rows may be
 * scored by a logistic model in the statement, kept when the score or a flag column says so, and
 * sampled by a hash of a key column, all written by the dialect, so rows that are not needed never
 * leave the engine. Every column named must be a column of the query (or the score); model numbers
 * are written as literals, values never come from the user.
 */
import type { Dialect } from '../dialect/dialect.ts';
import type { Issue } from '../issues.ts';
import type { CompiledQuery } from './compile-query.ts';
import { Params } from './params.ts';

/** Writes one feature's value over the query's columns, right for the dialect. */
export interface ScoreKit {
  /** The column of a query member. */
  column(id: string): string;
  /** The column as a number, 0 when missing or not numeric. */
  number(id: string): string;
  /** 1 when the column is true (or '1'), else 0. */
  flag(id: string): string;
  /** 1 when the column equals the model value `value`, else 0. */
  equals(id: string, value: string): string;
}

/** A centred logistic model: P = 1 / (1 + exp(−(intercept + Σ coefficient · (feature − mean)))). */
export interface ScoreSpec {
  /** The output column. */
  name: string;
  intercept: number;
  terms: { coefficient: number; mean: number; feature: (kit: ScoreKit) => string }[];
}

/** Keep a row when any condition holds: a column at least a number, or a text column with content. */
export type KeepCondition =
  | { column: string; atLeast: number }
  | { column: string; matches: 'non_empty_list' };

export interface ScoredShape {
  score?: ScoreSpec;
  keep?: KeepCondition[];
  /** Keep a deterministic share of rows by the hash of `column` (the same keys every time). */
  sample?: { column: string; rate: number };
  /**
   * One row of totals instead of the rows (needs `score`): `rows`, `score_sum` (Σ p), `score_variance`
   * (Σ p(1 − p)) and, for each column of `trueCounts`, `true_<column>` (rows where it is true). A forecast over
   * every active customer then reads one row, not a million.
   */
  totals?: { trueCounts?: string[] };
  /**
   * Only these columns of the scored, kept rows (in this order): the score may read every feature while only
   * what the caller keeps reaches it (at 1M customers, ~170k flagged rows of 10 columns instead of 35).
   */
  select?: string[];
}

/** Resolution of the sampling hash: keys are kept when hash mod this is below rate × it. */
const SAMPLE_BUCKETS = 1_000_000;

const finite = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`expected a finite model number, got ${x}`);
  return x;
};

/** The issues of a shape whose columns the query does not have. */
export function scoredIssues(base: CompiledQuery, shape: ScoredShape): Issue[] {
  const known = new Set([...base.columns.map((c) => c.name), ...(shape.score ? [shape.score.name] : [])]);
  const named = [
    ...(shape.keep ?? []).map((k) => k.column),
    ...(shape.sample ? [shape.sample.column] : []),
    ...(shape.totals?.trueCounts ?? []),
    ...(shape.select ?? []),
  ];
  const issues: Issue[] = named
    .filter((c) => !known.has(c))
    .map((c) => ({
      code: 'unknown_member',
      message: `${c} is not a column of the query`,
      path: 'shape',
      severity: 'error',
    }));
  if (shape.totals && !shape.score)
    issues.push({
      code: 'invalid_value',
      message: 'totals need a score',
      path: 'shape.totals',
      severity: 'error',
    });
  if (shape.sample && !(shape.sample.rate > 0 && shape.sample.rate <= 1))
    issues.push({
      code: 'invalid_value',
      message: 'sample rate must be in (0, 1]',
      path: 'shape.sample',
      severity: 'error',
    });
  return issues;
}

/** Wraps the compiled per-customer query in the score, keep and sample steps. */
export function compileScored(base: CompiledQuery, shape: ScoredShape, dialect: Dialect): CompiledQuery {
  const q = (id: string) => dialect.quoteIdentifier(id);
  const num = (x: number) => dialect.toDouble(`'${finite(x)}'`);
  const params = new Params();
  for (const v of base.params) params.add(v);
  let sql = base.sql;
  const columns = [...base.columns];
  if (shape.score) {
    const kit: ScoreKit = {
      column: q,
      number: (id) => `COALESCE(${dialect.tryDouble(q(id))}, 0)`,
      flag: (id) => `CASE WHEN CAST(${q(id)} AS VARCHAR) IN ('true', '1') THEN 1 ELSE 0 END`,
      equals: (id, value) => `CASE WHEN ${q(id)} = ${dialect.stringLiteral(value)} THEN 1 ELSE 0 END`,
    };
    const terms = shape.score.terms
      .filter((t) => t.coefficient !== 0)
      .map((t) => `${num(t.coefficient)} * ((${t.feature(kit)}) - ${num(t.mean)})`);
    const eta = [num(shape.score.intercept), ...terms].join('\n    + ');
    const score = `1.0 / (1.0 + exp(-least(greatest(${eta}, -700), 700)))`;
    sql = `SELECT *, ${score} AS ${q(shape.score.name)} FROM (\n${sql}\n) AS governed`;
    columns.push({ name: shape.score.name, kind: 'metric', member: shape.score.name });
  }
  const where: string[] = [];
  if (shape.keep?.length) {
    const any = shape.keep.map((k) =>
      'atLeast' in k
        ? `${q(k.column)} >= ${dialect.param(params.add(k.atLeast))}`
        : `COALESCE(${dialect.matchesPattern(q(k.column), '[^,]')}, FALSE)`,
    );
    where.push(`(${any.join(' OR ')})`);
  }
  if (shape.sample && shape.sample.rate < 1) {
    const keep = Math.round(shape.sample.rate * SAMPLE_BUCKETS);
    where.push(`${dialect.bucketHash(q(shape.sample.column))} % ${SAMPLE_BUCKETS} < ${keep}`);
  }
  if (where.length) sql = `SELECT * FROM (\n${sql}\n) AS selected WHERE ${where.join(' AND ')}`;
  if (shape.totals && shape.score) return totalsOf(shape.score.name, shape.totals, sql, params, dialect);
  if (shape.select) {
    const chosen = shape.select.map((name) => columns.find((c) => c.name === name)!);
    return {
      sql: `SELECT ${chosen.map((c) => q(c.name)).join(', ')} FROM (\n${sql}\n) AS chosen`,
      params: params.values,
      columns: chosen,
    };
  }
  return { sql, params: params.values, columns };
}

/** The one-row totals of a scored query (see `ScoredShape.totals`). */
function totalsOf(
  score: string,
  totals: NonNullable<ScoredShape['totals']>,
  sql: string,
  params: Params,
  dialect: Dialect,
): CompiledQuery {
  const q = (id: string) => dialect.quoteIdentifier(id);
  const p = q(score);
  const trues = (totals.trueCounts ?? []).map((c) => ({
    name: `true_${c}`,
    sql: `SUM(CASE WHEN CAST(${q(c)} AS VARCHAR) IN ('true', '1') THEN 1 ELSE 0 END)`,
  }));
  const parts = [
    { name: 'rows', sql: 'COUNT(*)' },
    { name: 'score_sum', sql: `SUM(${p})` },
    { name: 'score_variance', sql: `SUM(${p} * (1 - ${p}))` },
    ...trues,
  ];
  return {
    sql: `SELECT ${parts.map((x) => `${x.sql} AS ${q(x.name)}`).join(', ')} FROM (\n${sql}\n) AS scored`,
    params: params.values,
    columns: parts.map((x) => ({ name: x.name, kind: 'metric' as const, member: x.name })),
  };
}
