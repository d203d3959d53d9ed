/**
 * The at-risk list as a presentation (columns, labelled members, rows): who, where, how valuable, how
 * likely to leave and its level, the expected loss, which early-warning rules flagged them, why (rules,
 * ticket causes and the score's top contributions, in the user's language, each once), and the
 * playbook's suggested action.
 */
import type { Bilingual, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { PresentationInput, PresentedMember } from '../../answer/presentation-input.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { analysisMembers } from '../governed/analysis-members.ts';
import type { AtRiskCustomer, ListedCustomer } from './at-risk-customers.ts';
import { riskMessage } from './risk-messages.ts';
import { RISK_TIER_LABELS } from './risk-tiers.ts';

const dim = (name: string): CompiledColumn => ({ name, kind: 'dimension', member: name });
const metric = (name: string): CompiledColumn => ({ name, kind: 'metric', member: name });

const COLUMNS: CompiledColumn[] = [
  dim('customer_id'),
  dim('customer_name'),
  dim('region'),
  dim('value_tier'),
  metric('risk_score'),
  dim('risk_level'),
  metric('expected_loss'),
  metric('spend_12m'),
  dim('flagged_by'),
  dim('top_reasons'),
  dim('suggested_action'),
];

/** Labels of the playbook's actions by id. */
export function actionLabels(model: SemanticModel): Record<string, Bilingual> {
  return Object.fromEntries(Object.entries(model.playbook).map(([id, a]) => [id, a.label]));
}

/** "高价值客户超过30天未购买；模型评分 62%": the rules that flagged the customer, and the score when ≥ 30%. */
export function flaggedByText(model: SemanticModel, c: AtRiskCustomer, lang: Lang): string {
  const parts = c.rules.map((r) => model.churn.early_warning[r]?.label[lang] ?? r);
  if (c.flaggedByScore) parts.push(riskMessage('score_flag', lang, { pct: `${(c.risk * 100).toFixed(0)}%` }));
  return parts.join(riskMessage('separator', lang));
}

/**
 * Why the customer is at risk, in the user's language, each reason once: the rules that fired, the
 * causes of their recent tickets and feedback, then the score's top risk-raising contributions.
 */
export function customerReasons(model: SemanticModel, c: ListedCustomer, lang: Lang): string[] {
  const rules = c.rules.map((r) => model.churn.early_warning[r]?.label[lang] ?? r);
  const causes = c.causes.map((k) => model.dimensions.ticket_category?.values[k]?.label[lang] ?? k);
  const factors = c.factors.map((f) => f.text);
  return [...new Set([...rules, ...causes, ...factors])];
}

/** The presentation of the shown part of the list. */
export function riskListPresentation(ctx: AnalysisContext, shown: ListedCustomer[]): PresentationInput {
  const { model } = ctx.runtime;
  const lang = ctx.lang;
  const currency = 'currency' as const;
  const members: Record<string, PresentedMember> = analysisMembers(ctx, {
    risk_score: { label: { zh: '90天流失概率', en: '90-day churn probability' }, format: 'percent' },
    risk_level: {
      label: { zh: '风险等级（按概率）', en: 'Risk level (by probability)' },
      values: RISK_TIER_LABELS,
    },
    expected_loss: {
      label: { zh: '预期损失（概率×近12个月消费）', en: 'Expected loss (probability × 12-month spend)' },
      format: currency,
    },
    spend_12m: { label: { zh: '近12个月消费', en: '12-month spend' }, format: currency },
    flagged_by: { label: { zh: '预警来源（规则/评分）', en: 'Flagged by (rules / score)' } },
    top_reasons: { label: { zh: '主要原因', en: 'Main reasons' } },
    suggested_action: { label: { zh: '建议动作', en: 'Suggested action' }, values: actionLabels(model) },
  });
  const rows = shown.map((c) => ({
    customer_id: c.customerId,
    customer_name: c.name,
    region: c.region,
    value_tier: c.valueTier,
    risk_score: c.risk,
    risk_level: c.riskTier,
    expected_loss: c.expectedLoss,
    spend_12m: c.spend12m,
    flagged_by: flaggedByText(model, c, lang),
    top_reasons: c.factors.map((f) => f.text).join(riskMessage('separator', lang)),
    suggested_action: c.action,
  }));
  return { language: lang, intent: 'risk_list', columns: COLUMNS, rows, members, currency: model.currency };
}
