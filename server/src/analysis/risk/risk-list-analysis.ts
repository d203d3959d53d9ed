/**
 * `risk_list`: "哪些高价值客户有流失风险?" / "which high-value customers are at risk?". The at-risk
 * active customers the user may see (one definition: at-risk-customers.ts), sorted by expected loss
 * (probability × 12-month spend) unless the question orders by risk, paged (`request.list.offset`,
 * `query.limit`) with the total, optionally narrowed by a text search, with what flagged each, why,
 * the level of the calibrated probability and the suggested action.
 */

import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { AnalysisRequest, AnalysisResult, RunAnalysis } from '../analysis-contract.ts';
import { inSlices, sortInSlices } from '../compute/yield-turn.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import {
  type AtRiskCustomer,
  type AtRiskPopulation,
  explainListed,
  findAtRiskCustomers,
  type ListedCustomer,
} from './at-risk-customers.ts';
import { labelRiskListAnalysis } from './label-risk-list.ts';
import { summariseRiskModel } from './model-summary.ts';
import { riskListNarrative } from './risk-list-narrative.ts';
import { actionLabels, customerReasons, flaggedByText, riskListPresentation } from './risk-list-table.ts';
import { riskMessage } from './risk-messages.ts';
import { RISK_TIERS, type RiskTier } from './risk-tiers.ts';

/** Rows shown when the question names no number. */
export const DEFAULT_LIST_LIMIT = 50;

/** Sort by probability when the question orders by a risk member; else by expected loss. */
function sortKey(request: AnalysisRequest): 'expected_loss' | 'risk' {
  return (request.query.order ?? []).some((o) => /risk/.test(o.member)) ? 'risk' : 'expected_loss';
}

function assumptionsFor(
  ctx: AnalysisContext,
  population: AtRiskPopulation,
  sort: string,
  matching: number,
): string[] {
  const m = population.model;
  const out = [
    riskMessage(sort === 'risk' ? 'sort_risk' : 'sort_expected_loss', ctx.lang),
    riskMessage('definition', ctx.lang, { from: m.productionDates[0]!, to: m.productionDates.at(-1)! }),
  ];
  const search = ctx.request.list?.search?.trim();
  if (search)
    out.push(
      riskMessage('search_applied', ctx.lang, {
        search,
        matching,
        total: population.customers.length,
      }),
    );
  if (population.ignoredFilters.length)
    out.push(
      riskMessage('ignored_filters', ctx.lang, {
        members: population.ignoredFilters.join(riskMessage('list_separator', ctx.lang)),
      }),
    );
  return out;
}

/** Every text a search box may match for one customer (the reasons only when explained). */
export function searchableText(model: SemanticModel, c: ListedCustomer, lang: Lang): string {
  const dimLabel = (d: string, v: string | null) =>
    v ? (model.dimensions[d]?.values[v]?.label[lang] ?? v) : '';
  const action = c.action ? (actionLabels(model)[c.action]?.[lang] ?? c.action) : '';
  return [
    c.customerId,
    c.name ?? '',
    c.region ?? '',
    dimLabel('region', c.region),
    dimLabel('value_tier', c.valueTier),
    action,
    ...customerReasons(model, c, lang),
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * The customers of the list in order, narrowed by the search text: a search must read every reason,
 * so every customer is explained first; without one only the page shown is explained.
 */
export async function orderedList(
  ctx: AnalysisContext,
  population: AtRiskPopulation,
): Promise<{ matching: number; page: ListedCustomer[] }> {
  const sort = sortKey(ctx.request);
  const ordered: AtRiskCustomer[] =
    sort === 'risk'
      ? await sortInSlices(
          [...population.customers],
          (a, b) =>
            b.risk - a.risk || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
        )
      : population.customers;
  const offset = Math.max(0, ctx.request.list?.offset ?? 0);
  const limit = ctx.request.query.limit ?? DEFAULT_LIST_LIMIT;
  const needle = ctx.request.list?.search?.trim().toLowerCase();
  if (!needle) {
    return {
      matching: ordered.length,
      page: await explainListed(ctx, population, ordered.slice(offset, offset + limit)),
    };
  }
  const model = ctx.runtime.model;
  // Only the matches are kept while every customer is explained (issue 21 §3).
  const found = await explainListed(ctx, population, ordered, (c) =>
    searchableText(model, c, ctx.lang).includes(needle),
  );
  return { matching: found.length, page: found.slice(offset, offset + limit) };
}

/** One listed customer as `Answer.analysis` carries it. */
function customerDetail(ctx: AnalysisContext) {
  const { model } = ctx.runtime;
  return (c: ListedCustomer) => ({
    customerId: c.customerId,
    risk: c.risk,
    riskTier: c.riskTier,
    expectedLoss: c.expectedLoss,
    flaggedByScore: c.flaggedByScore,
    rules: c.rules.map((id) => ({ id, label: model.churn.early_warning[id]?.label[ctx.lang] ?? id })),
    flaggedBy: flaggedByText(model, c, ctx.lang),
    reasons: customerReasons(model, c, ctx.lang),
    factors: c.factors,
    causes: c.causes,
    action: c.action,
  });
}

/** What the list says about the whole at-risk population (counts, levels, expected loss). */
export interface ListTotals {
  /** Flagged by a rule and scoring ≥ 30% too. */
  scoreToo: number;
  byTier: Record<RiskTier, number>;
  /** Scoring ≥ 50% / 30–50% (the narrative's levels). */
  high: number;
  medium: number;
  /** Σ expected loss, summed in list order. */
  expectedLoss: number;
}

/**
 * The list's totals in one pass over the at-risk population, in slices (issue 21 §1: ~175k customers at 1M; nine
 * passes of `filter`/`reduce` held the event loop ~0.3 s at a time). Same values as the passes it replaces: the
 * loss is summed in the same order.
 */
export async function listTotals(at: readonly AtRiskCustomer[]): Promise<ListTotals> {
  const byTier = Object.fromEntries(RISK_TIERS.map((t) => [t.tier, 0])) as Record<RiskTier, number>;
  const totals = { scoreToo: 0, byTier, high: 0, medium: 0, expectedLoss: 0 };
  await inSlices(at.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const c = at[i]!;
      if (c.flaggedByScore) totals.scoreToo++;
      byTier[c.riskTier]++;
      if (c.risk >= 0.5) totals.high++;
      else if (c.risk >= 0.3) totals.medium++;
      totals.expectedLoss += c.expectedLoss;
    }
  });
  return totals;
}

/** The at-risk list (see the file comment). */
export const riskListAnalysis: RunAnalysis = async (runtime, request): Promise<AnalysisResult> => {
  // Label churn (one row per customer, no dates): the look-alike model instead of the point-in-time one.
  if (runtime.model.churn.churn.type === 'label')
    return labelRiskListAnalysis(runtime, request, DEFAULT_LIST_LIMIT);
  const ctx = analysisContext(runtime, request);
  const started = performance.now();
  const population = await findAtRiskCustomers(ctx);
  const sort = sortKey(request);
  const { matching, page } = await orderedList(ctx, population);
  const offset = Math.max(0, request.list?.offset ?? 0);
  const summary = summariseRiskModel(population.model, ctx.lang, population.modelCached);
  const at = population.customers;
  const totals = await listTotals(at);
  const { scoreToo } = totals;
  ctx.trace.time('total_ms', performance.now() - started);
  return analysisResult(ctx, {
    presentation: riskListPresentation(ctx, page),
    narrative: riskListNarrative(runtime.model, population, totals, page, offset, summary, ctx.lang),
    analysis: {
      type: 'risk_list',
      sort,
      definition: 'early_warning_rule',
      counts: {
        scored: population.scored,
        atRisk: at.length,
        matching,
        offset,
        shown: page.length,
        byTier: totals.byTier,
        flaggedBy: { rulesOnly: at.length - scoreToo, rulesAndScore: scoreToo },
        scoreOnlyNotAtRisk: population.scoreOnly,
      },
      expectedLossTotal: totals.expectedLoss,
      customers: page.map(customerDetail(ctx)),
      model: summary,
    },
    assumptions: assumptionsFor(ctx, population, sort, matching),
  });
};
