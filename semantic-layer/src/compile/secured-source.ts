/**
 * Rows of a model source as a user may see them: the access policy (`access-policy.ts`, decided there
 * and nowhere else) turned into a predicate on a source an analysis shape reads directly (the churn
 * spells and feedback a verbatims query joins). The same rules `resolveQuery` adds to every compiled
 * query, reached through the model's join path, values as parameters; fails closed.
 */
import type { Access } from '../access-policy.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { Issue } from '../issues.ts';
import { findJoinPath } from '../join-graph.ts';
import type { SemanticModel } from '../model.ts';
import { dimensionExpression } from './compile-group.ts';
import type { Params } from './params.ts';

export type SecuredPredicate = { ok: true; sql: string } | { ok: false; issues: Issue[] };

const unreachable = (message: string): SecuredPredicate => ({
  ok: false,
  issues: [{ code: 'rls_unreachable', message, path: 'attributes', severity: 'error' }],
});

/**
 * The predicate rows of `from.source` (read under `from.alias`) must meet under `access`: `TRUE` when
 * unrestricted, `FALSE` when denied or when a rule allows no value, else for each rule the row must
 * reach an allowed value of the rule's dimension (on the source itself, or through single-column
 * joins). A rule that cannot be reached is an `rls_unreachable` issue, never an open read.
 * @example securedPredicate(model, accessFor(model, { region: ['华南'] }), { source: 'feedback', alias: 'f' }, params, duckdb)
 * // { ok: true, sql: '(f."customer_id" IN (SELECT rls1."customer_id" FROM "customers" AS rls1 WHERE (region) IN ($1)))' }
 */
export function securedPredicate(
  model: SemanticModel,
  access: Access,
  from: { source: string; alias: string },
  params: Params,
  dialect: Dialect,
): SecuredPredicate {
  if (access.kind === 'unrestricted') return { ok: true, sql: 'TRUE' };
  if (access.kind === 'denied') return { ok: true, sql: 'FALSE' };
  const q = (name: string) => dialect.quoteIdentifier(name);
  const table = (id: string) => q(model.sources[id]!.table!);
  const parts: string[] = [];
  for (const rule of access.rules) {
    if (rule.values.length === 0) return { ok: true, sql: 'FALSE' };
    const d = model.dimensions[rule.dimension];
    if (!d) return unreachable(`access rule ${rule.attribute} names unknown dimension ${rule.dimension}`);
    const list = rule.values.map((v) => dialect.param(params.add(v))).join(', ');
    const own = [{ source: d.source, sql: d.sql }, ...d.alternates].find((c) => c.source === from.source);
    if (own) {
      const key = model.sources[from.source]!.primary_key;
      if (key.length !== 1) return unreachable(`row-level security on ${from.source}: composite key`);
      const expr = dimensionExpression(d, own.sql, dialect);
      parts.push(
        `${from.alias}.${q(key[0]!)} IN (SELECT ${q(key[0]!)} FROM ${table(from.source)} WHERE ${expr} IN (${list}))`,
      );
      continue;
    }
    const path = findJoinPath(model, from.source, d.source);
    if (!path || path.steps.length === 0)
      return unreachable(`row-level security: ${rule.dimension} cannot be reached from ${from.source}`);
    // Innermost: rows of the dimension's source with an allowed value; then walk the path back.
    let inner = `${dimensionExpression(d, d.sql, dialect)} IN (${list})`;
    for (let i = path.steps.length - 1; i >= 0; i--) {
      const step = path.steps[i]!;
      if (step.on.length !== 1)
        return unreachable(`row-level security across a composite join (${step.from} → ${step.to})`);
      const [fromCol, toCol] = step.on[0]!;
      const alias = `rls${i + 1}`;
      const where = model.sources[step.to]!.where;
      const select = `SELECT ${alias}.${q(toCol)} FROM ${table(step.to)} AS ${alias} WHERE ${where ? `(${where}) AND ` : ''}${inner}`;
      inner = `${i === 0 ? from.alias : `rls${i}`}.${q(fromCol)} IN (${select})`;
    }
    parts.push(inner);
  }
  return { ok: true, sql: parts.length ? parts.map((p) => `(${p})`).join(' AND ') : 'TRUE' };
}
