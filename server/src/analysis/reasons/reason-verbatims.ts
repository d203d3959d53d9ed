import { Params } from '../../../../semantic-layer/src/compile/params.ts';
import { dialectFor } from '../../../../semantic-layer/src/dialect/index.ts';
import { findJoinPath } from '../../../../semantic-layer/src/join-graph.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { classifyFeedback } from '../../feedback/index.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { compileGoverned, runSql } from '../governed/governed-query.ts';
import { rowSecurityPredicate } from '../governed/row-security.ts';

/** Distinct texts read per run (most repeated first) before classifying the unclassified ones. */
const MAX_TEXTS = 2000;

const q = (name: string) => dialectFor('duckdb').quoteIdentifier(name);

/** Model members the verbatims read: who churned, when, and what they wrote. */
export interface VerbatimMembers {
  churned: string;
  reason: string;
  customer: string;
  churnDate: string;
  text: string;
}

/** Up to `perReason` feedback texts per reason, most repeated first. */
export type Verbatims = Record<string, { text: string; mentions: number }[]>;

/**
 * Example verbatims for churn reasons: the texts of the governed reason signals (churn.yaml
 * `reasons.signals`, e.g. negative feedback by topic) that the customers who churned in `range` with
 * that reason wrote in the lookback window before their churn date. The churners come from a compiled
 * governed query (filters and row-level security included); the spells and feedback rows joined to
 * them are read under the row-level-security predicate as well. Feedback not yet classified at ingest
 * (topic NULL) is classified here with the offline lexicons and kept when it is negative and on topic.
 */
export async function reasonVerbatims(
  ctx: AnalysisContext,
  m: VerbatimMembers,
  range: TimeRange,
  reasons: string[],
  perReason = 3,
): Promise<Verbatims> {
  const model = ctx.runtime.model;
  const textDim = model.dimensions[m.text];
  const dateDim = model.dimensions[m.churnDate];
  const customerDim = model.dimensions[m.customer];
  if (!reasons.length || !textDim || !dateDim || !customerDim) return {};
  const textSource = model.sources[textDim.source]!;
  const signal = model.churn.reasons.signals.find((s) => s.table === textSource.table);
  const spells = model.sources[dateDim.source]!;
  const toCustomer = (source: string) => {
    const path = findJoinPath(model, source, customerDim.source);
    return path?.steps.length === 1 && path.steps[0]!.on.length === 1 ? path.steps[0]!.on[0]![0] : null;
  };
  const spellKey = toCustomer(spells.id);
  const textKey = toCustomer(textSource.id);
  if (!signal || !spellKey || !textKey || !spells.table || !textSource.table) return {};

  const churners = compileGoverned(ctx, {
    metrics: [m.churned],
    dimensions: [m.customer, m.reason],
    timeRange: range,
    filters: [
      ...(ctx.request.query.filters ?? []),
      { member: m.reason, op: 'in', values: reasons },
      { member: m.churned, op: 'gt', values: [0] },
    ],
  });
  const params = new Params();
  for (const v of churners.params) params.add(v);
  const p = (v: unknown) => `$${params.add(v)}`;
  const lookback = Number(model.churn.reasons.lookback_days);
  const rlsSpells = rowSecurityPredicate(
    model,
    ctx.request.attributes,
    { source: spells.id, alias: 's' },
    params,
  );
  const rlsText = rowSecurityPredicate(
    model,
    ctx.request.attributes,
    { source: textSource.id, alias: 'f' },
    params,
  );
  // Rows already classified must satisfy the governed signal; unclassified text is classified here.
  const sql = `WITH churners AS (
${churners.sql}
)
SELECT c.${q(m.reason)} AS reason, f.${q(textDim.sql)} AS text, f.${q(signal.category)} AS topic, COUNT(*) AS mentions
FROM churners AS c
JOIN ${q(spells.table)} AS s ON s.${q(spellKey)} = c.${q(m.customer)}
  AND s.${q(dateDim.sql)} >= CAST(${p(range.start)} AS DATE) AND s.${q(dateDim.sql)} < CAST(${p(range.end)} AS DATE)
JOIN ${q(textSource.table)} AS f ON f.${q(textKey)} = c.${q(m.customer)}
  AND f.${q(signal.time)} >= s.${q(dateDim.sql)} - INTERVAL (${lookback}) DAY AND f.${q(signal.time)} < s.${q(dateDim.sql)}
WHERE f.${q(textDim.sql)} IS NOT NULL
  AND (f.${q(signal.category)} IS NULL OR (f.${q(signal.category)} = c.${q(m.reason)}${signal.where ? ` AND (${signal.where})` : ''}))
  AND ${rlsSpells} AND ${rlsText}
GROUP BY 1, 2, 3
ORDER BY mentions DESC, reason, text
LIMIT ${p(MAX_TEXTS)}`;
  const rows = await runSql(ctx, 'verbatims', sql, params.values);
  const out: Verbatims = {};
  for (const r of rows) {
    const reason = String(r.reason);
    const text = String(r.text);
    if (r.topic === null || r.topic === undefined) {
      const c = classifyFeedback(text);
      if (c.topic !== reason || c.sentiment !== 'negative') continue;
    }
    out[reason] ??= [];
    if (out[reason].length < perReason) out[reason].push({ text, mentions: Number(r.mentions) });
  }
  return out;
}
