/**
 * Feedback verbatims of churners: the texts of the governed reason signal (churn.yaml
 * `reasons.signals`, e.g. negative feedback by topic) that the customers of a compiled churners query
 * wrote in the lookback window before their churn date, counted per reason and text, most repeated
 * first. The churn spells and feedback rows joined to the churners are read under the same access
 * policy as the churners (secured-source.ts).
 */
import type { Access } from '../access-policy.ts';
import type { Dialect } from '../dialect/dialect.ts';
import type { Issue } from '../issues.ts';
import { findJoinPath } from '../join-graph.ts';
import type { SemanticModel } from '../model.ts';
import type { TimeRange } from '../query.ts';
import type { CompiledQuery } from './compile-query.ts';
import { Params } from './params.ts';
import { securedPredicate } from './secured-source.ts';

/** Model members a verbatims query reads: who churned, why, when, and what they wrote. */
export interface VerbatimMembers {
  churned: string;
  reason: string;
  customer: string;
  churnDate: string;
  text: string;
}

export interface VerbatimShape {
  members: VerbatimMembers;
  range: TimeRange;
  /** Distinct (reason, text) rows returned at most. */
  limit: number;
}

export type VerbatimResult = { ok: true; compiled: CompiledQuery } | { ok: false; issues: Issue[] };

const notSupported = (message: string): VerbatimResult => ({
  ok: false,
  issues: [{ code: 'not_groupable', message, path: 'shape', severity: 'error' }],
});

/**
 * Wraps `churners` (a compiled query with the customer and reason dimensions) in the verbatims read.
 * Columns: `reason`, `text`, `topic` (NULL when the feedback was not classified at ingest) and
 * `mentions`. Rows already classified must satisfy the signal (topic = reason and its `where`).
 */
export function compileVerbatims(
  model: SemanticModel,
  churners: CompiledQuery,
  shape: VerbatimShape,
  access: Access,
  dialect: Dialect,
): VerbatimResult {
  const m = shape.members;
  const textDim = model.dimensions[m.text];
  const dateDim = model.dimensions[m.churnDate];
  const customerDim = model.dimensions[m.customer];
  if (!textDim || !dateDim || !customerDim) return notSupported('the model has no verbatim members');
  const textSource = model.sources[textDim.source]!;
  const signal = model.churn.reasons.signals.find((s) => s.table === textSource.table);
  const spells = model.sources[dateDim.source]!;
  const toCustomer = (source: string) => {
    const path = findJoinPath(model, source, customerDim.source);
    return path?.steps.length === 1 && path.steps[0]!.on.length === 1 ? path.steps[0]!.on[0]![0] : null;
  };
  const spellKey = toCustomer(spells.id);
  const textKey = toCustomer(textSource.id);
  if (!signal || !spellKey || !textKey || !spells.table || !textSource.table)
    return notSupported(`feedback of ${textSource.id} cannot be joined to the churners`);
  const q = (name: string) => dialect.quoteIdentifier(name);
  const params = new Params();
  for (const v of churners.params) params.add(v);
  const p = (v: unknown) => dialect.param(params.add(v));
  const lookback = Number(model.churn.reasons.lookback_days);
  const rlsSpells = securedPredicate(model, access, { source: spells.id, alias: 's' }, params, dialect);
  if (!rlsSpells.ok) return rlsSpells;
  const rlsText = securedPredicate(model, access, { source: textSource.id, alias: 'f' }, params, dialect);
  if (!rlsText.ok) return rlsText;
  const churnDate = `s.${q(dateDim.sql)}`;
  const at = `f.${q(signal.time)}`;
  const topic = `f.${q(signal.category)}`;
  const sql = `WITH churners AS (
${churners.sql}
)
SELECT c.${q(m.reason)} AS ${q('reason')}, f.${q(textDim.sql)} AS ${q('text')}, ${topic} AS ${q('topic')}, COUNT(*) AS ${q('mentions')}
FROM churners AS c
JOIN ${q(spells.table)} AS s ON s.${q(spellKey)} = c.${q(m.customer)}
  AND ${churnDate} >= ${dialect.dateParam(params.add(shape.range.start))} AND ${churnDate} < ${dialect.dateParam(params.add(shape.range.end))}
JOIN ${q(textSource.table)} AS f ON f.${q(textKey)} = c.${q(m.customer)}
  AND ${at} >= ${dialect.addDays(churnDate, -lookback)} AND ${at} < ${churnDate}
WHERE f.${q(textDim.sql)} IS NOT NULL
  AND (${topic} IS NULL OR (${topic} = c.${q(m.reason)}${signal.where ? ` AND (${signal.where})` : ''}))
  AND ${rlsSpells.sql} AND ${rlsText.sql}
GROUP BY 1, 2, 3
ORDER BY ${q('mentions')} DESC, ${q('reason')}, ${q('text')}
LIMIT ${p(shape.limit)}`;
  return {
    ok: true,
    compiled: {
      sql,
      params: params.values,
      columns: [
        { name: 'reason', kind: 'dimension', member: m.reason },
        { name: 'text', kind: 'dimension', member: m.text },
        { name: 'topic', kind: 'dimension', member: m.text },
        { name: 'mentions', kind: 'metric', member: 'mentions' },
      ],
    },
  };
}
