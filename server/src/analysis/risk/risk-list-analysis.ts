/**
 * `risk_list`: "哪些高价值客户有流失风险?" / "which high-value customers are at risk?". The at-risk
 * active customers the user may see, sorted by expected loss (probability × 12-month spend) unless the
 * question orders by risk, with what flagged each (score and/or rule), why, and the suggested action.
 */
import type { AnalysisRequest, AnalysisResult, RunAnalysis } from '../analysis-contract.ts';
import { type AnalysisContext, analysisContext, analysisResult } from '../governed/analysis-context.ts';
import {
  type AtRiskPopulation,
  explainListed,
  findAtRiskCustomers,
  type ListedCustomer,
} from './at-risk-customers.ts';
import { summariseRiskModel } from './model-summary.ts';
import { riskListNarrative } from './risk-list-narrative.ts';
import { flaggedByText, riskListPresentation } from './risk-list-table.ts';
import { RISK_TIERS } from './risk-tiers.ts';

/** Rows shown when the question names no number. */
export const DEFAULT_LIST_LIMIT = 50;

/** Sort by probability when the question orders by a risk member; else by expected loss. */
function sortKey(request: AnalysisRequest): 'expected_loss' | 'risk' {
  return (request.query.order ?? []).some((o) => /risk/.test(o.member)) ? 'risk' : 'expected_loss';
}

function assumptionsFor(ctx: AnalysisContext, population: AtRiskPopulation, sort: string): string[] {
  const zh = ctx.lang === 'zh';
  const m = population.model;
  const out = [
    sort === 'risk'
      ? zh
        ? '按 90 天流失概率从高到低排序'
        : 'Sorted by 90-day churn probability, highest first'
      : zh
        ? '按预期损失（流失概率×近12个月消费）从高到低排序'
        : 'Sorted by expected loss (churn probability × 12-month spend), highest first',
    zh
      ? `“有流失风险”= 模型评分≥30% 或触发任一预警规则；风险模型用 ${m.productionDates[0]} 至 ${m.productionDates.at(-1)} 的季度快照训练`
      : `"At risk" = model score ≥ 30% or any early-warning rule; the model learns from quarter snapshots ${m.productionDates[0]} to ${m.productionDates.at(-1)}`,
  ];
  if (population.ignoredFilters.length)
    out.push(
      zh
        ? `名单不适用的条件已忽略：${population.ignoredFilters.join('、')}`
        : `Conditions that do not apply to a customer list were ignored: ${population.ignoredFilters.join(', ')}`,
    );
  return out;
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
    factors: c.factors,
    causes: c.causes,
    action: c.action,
  });
}

/** The at-risk list (see the file comment). */
export const riskListAnalysis: RunAnalysis = async (runtime, request): Promise<AnalysisResult> => {
  const ctx = analysisContext(runtime, request);
  const started = performance.now();
  const population = await findAtRiskCustomers(ctx);
  const sort = sortKey(request);
  const ordered =
    sort === 'risk' ? [...population.customers].sort((a, b) => b.risk - a.risk) : population.customers;
  const shown = explainListed(
    population,
    ordered.slice(0, request.query.limit ?? DEFAULT_LIST_LIMIT),
    ctx.lang,
  );
  const summary = summariseRiskModel(population.model, ctx.lang, population.modelCached);
  const at = population.customers;
  const scoreOnly = at.filter((c) => c.flaggedByScore && c.rules.length === 0).length;
  const rulesOnly = at.filter((c) => !c.flaggedByScore && c.rules.length > 0).length;
  ctx.trace.time('total_ms', performance.now() - started);
  return analysisResult(ctx, {
    presentation: riskListPresentation(ctx, shown),
    narrative: riskListNarrative(runtime.model, population, shown, summary, ctx.lang),
    analysis: {
      type: 'risk_list',
      sort,
      counts: {
        scored: population.scored,
        atRisk: at.length,
        shown: shown.length,
        byTier: Object.fromEntries(
          RISK_TIERS.map((t) => [t.tier, at.filter((c) => c.riskTier === t.tier).length]),
        ),
        flaggedBy: { scoreOnly, rulesOnly, both: at.length - scoreOnly - rulesOnly },
      },
      expectedLossTotal: at.reduce((s, c) => s + c.expectedLoss, 0),
      customers: shown.map(customerDetail(ctx)),
      model: summary,
    },
    assumptions: assumptionsFor(ctx, population, sort),
  });
};
