import { dimensionExpression } from '../../../../semantic-layer/src/compile/compile-group.ts';
import type { Params } from '../../../../semantic-layer/src/compile/params.ts';
import { dialectFor } from '../../../../semantic-layer/src/dialect/index.ts';
import { findJoinPath, type JoinStep } from '../../../../semantic-layer/src/join-graph.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/model.ts';
import { AnalysisError } from '../analysis-contract.ts';

const duckdb = dialectFor('duckdb');
const q = (name: string) => duckdb.quoteIdentifier(name);

function relation(model: SemanticModel, sourceId: string): string {
  const s = model.sources[sourceId]!;
  return s.table ? q(s.table) : `(${s.sql})`;
}

function singleKey(step: JoinStep): [string, string] {
  if (step.on.length !== 1) {
    throw new AnalysisError(
      `row-level security across a composite join (${step.from} → ${step.to})`,
      'unsupported',
    );
  }
  return step.on[0]!;
}

/**
 * The row-level-security predicate for rows of model source `source` read under `alias`, in the
 * same terms as the compiler's: for each rule of `model.rowLevelSecurity` whose attribute the user
 * carries, the row must reach a value of the rule's dimension in the allowed list (values as
 * parameters, through the model's join path). `TRUE` when the user is unrestricted; `FALSE` for an
 * empty allowance. Fails closed: a source the rule's dimension cannot be reached from throws.
 * Use it for every statement that reads a materialised table directly rather than through `compile()`.
 * @example rowSecurityPredicate(model, { region: ['华南'] }, { source: 'customer_spells', alias: 's' }, params)
 * // "s."customer_id" IN (SELECT "customer_id" FROM "customers" AS rls1 WHERE (region) IN ($3))"
 */
export function rowSecurityPredicate(
  model: SemanticModel,
  attributes: Record<string, string[]> | undefined,
  from: { source: string; alias: string },
  params: Params,
): string {
  const parts: string[] = [];
  for (const rule of model.rowLevelSecurity) {
    const allowed = attributes?.[rule.attribute];
    if (allowed === undefined) continue;
    if (allowed.length === 0) return 'FALSE';
    const d = model.dimensions[rule.dimension]!;
    const list = allowed.map((v) => duckdb.param(params.add(v))).join(', ');
    const own = [{ source: d.source, sql: d.sql }, ...d.alternates].find((c) => c.source === from.source);
    if (own) {
      const key = model.sources[from.source]!.primary_key;
      if (key.length !== 1) throw new AnalysisError(`row-level security on ${from.source}`, 'unsupported');
      const expr = dimensionExpression(d, own.sql, duckdb);
      parts.push(
        `${from.alias}.${q(key[0]!)} IN (SELECT ${q(key[0]!)} FROM ${relation(model, from.source)} WHERE ${expr} IN (${list}))`,
      );
      continue;
    }
    const path = findJoinPath(model, from.source, d.source);
    if (!path || path.steps.length === 0) {
      throw new AnalysisError(
        `row-level security: ${rule.dimension} cannot be reached from ${from.source}`,
        'unsupported',
      );
    }
    // Innermost: rows of the dimension's source with an allowed value; then walk the path back.
    let inner = `${dimensionExpression(d, d.sql, duckdb)} IN (${list})`;
    for (let i = path.steps.length - 1; i >= 0; i--) {
      const step = path.steps[i]!;
      const [fromCol, toCol] = singleKey(step);
      const alias = `rls${i + 1}`;
      const where = model.sources[step.to]!.where;
      const select = `SELECT ${alias}.${q(toCol)} FROM ${relation(model, step.to)} AS ${alias} WHERE ${where ? `(${where}) AND ` : ''}${inner}`;
      inner = `${i === 0 ? from.alias : `rls${i}`}.${q(fromCol)} IN (${select})`;
    }
    parts.push(inner);
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' AND ') : 'TRUE';
}
