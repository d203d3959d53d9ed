/**
 * `risk_list` on a label-churn model (one row per customer with a churn flag, no dates): the current
 * (not churned) customers the user may see, scored by the look-alike model of label-risk-model.ts,
 * those at `AT_RISK_PROBABILITY` or more listed by score, highest first, with their level and the
 * dimensions that raise their score most. Paged and searched as the point-in-time list is; the request's
 * dimension filters and the user's row-level security apply to the scoring read (compiled).
 */
import { formatValue } from '../../answer/format.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { analysisMembers, memberText } from '../governed/analysis-members.ts';
import {
  churned,
  type LabelRiskModel,
  labelReasons,
  labelRiskModelFor,
  readLabelRows,
  scoreLabelRows,
} from './label-risk-model.ts';
import { riskMessage } from './risk-messages.ts';
import {
  AT_RISK_PROBABILITY,
  RISK_TIER_LABELS,
  RISK_TIERS,
  type RiskTier,
  riskTierOf,
} from './risk-tiers.ts';

interface Scored {
  customerId: string;
  risk: number;
  riskTier: RiskTier;
  row: Record<string, unknown>;
}

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

function qualitySentence(m: LabelRiskModel, ctx: AnalysisContext): string {
  const e = m.evaluation;
  const count = (v: number) => formatValue(v, 'count', ctx.lang);
  return riskMessage('label_quality', ctx.lang, {
    folds: e.folds,
    auc: e.auc.toFixed(3),
    rows: count(e.rows),
    events: count(e.events),
    top: e.topDecile ? pct(e.topDecile.precision) : '-',
    base: e.topDecile ? pct(e.topDecile.baseRate) : '-',
  });
}

/** The current customers the user may see, scored, at risk first by score (ties by id). */
async function scoredAtRisk(
  ctx: AnalysisContext,
  m: LabelRiskModel,
): Promise<{ scored: number; atRisk: Scored[] }> {
  const model = ctx.runtime.model;
  const filters = (ctx.request.query.filters ?? []).filter((f) => f.member in model.dimensions);
  const rows = (await readLabelRows(ctx, m.population, m.dimensions, filters)).filter(
    (r) => !churned(m.population, r),
  );
  const p = scoreLabelRows(m, rows);
  const atRisk: Scored[] = [];
  rows.forEach((row, i) => {
    if (p[i]! < AT_RISK_PROBABILITY) return;
    atRisk.push({ customerId: String(row.customer_id), risk: p[i]!, riskTier: riskTierOf(p[i]!), row });
  });
  atRisk.sort((a, b) => b.risk - a.risk || (a.customerId < b.customerId ? -1 : 1));
  return { scored: rows.length, atRisk };
}

/** The label-churn at-risk list (see the file comment); `defaultLimit` rows when the question names none. */
export async function labelRiskListAnalysis(
  runtime: ModelRuntime,
  request: AnalysisRequest,
  defaultLimit: number,
): Promise<AnalysisResult> {
  const ctx = analysisContext(runtime, request);
  const lang = ctx.lang;
  const started = performance.now();
  const { model: m, cached } = await labelRiskModelFor(runtime, lang);
  const { scored, atRisk } = await scoredAtRisk(ctx, m);
  const needle = request.list?.search?.trim().toLowerCase();
  const explained = (c: Scored) => ({ ...c, reasons: labelReasons(ctx, m, c.row) });
  // A search reads every customer's reasons; without one only the page shown is explained.
  const matching: Scored[] = needle
    ? atRisk
        .map(explained)
        .filter((c) => [c.customerId, ...c.reasons].join('\n').toLowerCase().includes(needle))
    : atRisk;
  const offset = Math.max(0, request.list?.offset ?? 0);
  const limit = request.query.limit ?? defaultLimit;
  const page = matching.slice(offset, offset + limit).map(explained);
  const count = (v: number) => formatValue(v, 'count', lang);
  const sep = riskMessage('list_separator', lang);
  const tierCount = (t: RiskTier) => atRisk.filter((c) => c.riskTier === t).length;
  const quality = qualitySentence(m, ctx);
  const threshold = pct(AT_RISK_PROBABILITY);
  const first = page[0];
  const narrative =
    atRisk.length === 0 || !first
      ? riskMessage('label_narrative_none', lang, { scored: count(scored), threshold, quality })
      : riskMessage('label_narrative', lang, {
          scored: count(scored),
          atRisk: count(atRisk.length),
          threshold,
          levels: riskMessage('label_levels', lang, {
            veryHigh: count(tierCount('very_high')),
            high: count(tierCount('high')),
            medium: count(tierCount('medium')),
          }),
          shown:
            page.length < matching.length
              ? riskMessage('narrative_shown', lang, {
                  from: count(offset + 1),
                  to: count(offset + page.length),
                })
              : '',
          who: first.customerId,
          pct: pct(first.risk),
          why: first.reasons.length
            ? riskMessage('narrative_why', lang, { reasons: first.reasons.join(sep) })
            : '',
          quality,
        });
  const assumptions = [
    riskMessage('label_definition', lang, {
      dimensions: m.dimensions.map((d) => memberText(ctx, d)).join(sep),
      threshold,
    }),
  ];
  if (m.outcomes.length)
    assumptions.push(
      riskMessage('label_left_out', lang, { members: m.outcomes.map((d) => memberText(ctx, d)).join(sep) }),
    );
  if (needle)
    assumptions.push(
      riskMessage('search_applied', lang, {
        search: needle,
        matching: matching.length,
        total: atRisk.length,
      }),
    );
  ctx.trace.time('total_ms', performance.now() - started);
  return analysisResult(ctx, {
    presentation: {
      language: lang,
      intent: 'risk_list',
      columns: [
        { name: 'customer_id', kind: 'dimension', member: 'customer_id' },
        { name: 'risk_score', kind: 'metric', member: 'risk_score' },
        { name: 'risk_level', kind: 'dimension', member: 'risk_level' },
        { name: 'top_reasons', kind: 'dimension', member: 'top_reasons' },
      ],
      rows: page.map((c) => ({
        customer_id: c.customerId,
        risk_score: c.risk,
        risk_level: c.riskTier,
        top_reasons: c.reasons.join(riskMessage('separator', lang)),
      })),
      members: analysisMembers(ctx, {
        risk_score: { label: { zh: '流失相似度评分', en: 'Churn look-alike score' }, format: 'percent' },
        risk_level: {
          label: { zh: '风险等级（按评分）', en: 'Risk level (by score)' },
          values: RISK_TIER_LABELS,
        },
        top_reasons: { label: { zh: '主要原因', en: 'Main reasons' } },
      }),
      currency: ctx.runtime.model.currency,
    },
    narrative,
    analysis: {
      type: 'risk_list',
      sort: 'risk',
      definition: 'label_score',
      counts: {
        scored,
        atRisk: atRisk.length,
        matching: matching.length,
        offset,
        shown: page.length,
        byTier: Object.fromEntries(RISK_TIERS.map((t) => [t.tier, tierCount(t.tier)])),
      },
      customers: page.map((c) => ({
        customerId: c.customerId,
        risk: c.risk,
        riskTier: c.riskTier,
        reasons: c.reasons,
      })),
      model: {
        kind: 'label',
        cached,
        method: 'logistic_regression',
        dimensions: m.dimensions,
        leftOut: m.outcomes,
        features: m.features.length,
        evaluation: m.evaluation,
      },
    },
    assumptions,
  });
}
