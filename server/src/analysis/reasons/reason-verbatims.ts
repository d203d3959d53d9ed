import { compileVerbatims, type VerbatimMembers } from '../../../../semantic-layer/src/index.ts';
import type { TimeRange } from '../../../../semantic-layer/src/query.ts';
import { classifyFeedback } from '../../feedback/index.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { compileOptions, runSql, shaped } from '../governed/governed-query.ts';

/** Distinct texts read per run (most repeated first) before classifying the unclassified ones. */
const MAX_TEXTS = 2000;

export type { VerbatimMembers };

/** Up to `perReason` feedback texts per reason, most repeated first. */
export type Verbatims = Record<string, { text: string; mentions: number }[]>;

/**
 * Example verbatims for churn reasons: the texts of the governed reason signals (churn.yaml
 * `reasons.signals`, e.g. negative feedback by topic) that the customers who churned in `range` with
 * that reason wrote in the lookback window before their churn date. The statement is compiled by the
 * semantic layer (`compileVerbatims`: the churners as a governed query, filters and row-level security
 * included, and the spells and feedback joined to them under the same access policy). Feedback not yet
 * classified at ingest (topic NULL) is classified here with the offline lexicons and kept when it is
 * negative and on topic.
 */
export async function reasonVerbatims(
  ctx: AnalysisContext,
  m: VerbatimMembers,
  range: TimeRange,
  reasons: string[],
  perReason = 3,
): Promise<Verbatims> {
  const model = ctx.runtime.model;
  if (!reasons.length || !model.dimensions[m.text] || !model.dimensions[m.churnDate]) return {};
  const textSource = model.sources[model.dimensions[m.text]!.source]!;
  if (!model.churn.reasons.signals.some((s) => s.table === textSource.table)) return {};
  const result = compileVerbatims(
    model,
    {
      model: model.id,
      metrics: [m.churned],
      dimensions: [m.customer, m.reason],
      timeRange: range,
      filters: [
        ...(ctx.request.query.filters ?? []),
        { member: m.reason, op: 'in', values: reasons },
        { member: m.churned, op: 'gt', values: [0] },
      ],
    },
    { members: m, range, limit: MAX_TEXTS },
    compileOptions(ctx),
  );
  // A model whose feedback cannot be joined to its churners has no verbatims (not an error).
  if (!result.ok && result.issues.every((i) => i.code === 'not_groupable')) return {};
  const compiled = shaped(ctx, result);
  const rows = await runSql(ctx, 'verbatims', compiled.sql, compiled.params);
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
