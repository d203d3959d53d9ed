/**
 * The at-risk list as a presentation (columns, labelled members, rows): who, where, how valuable, how
 * likely to leave, what flagged them (score and/or which governed early-warning rule), why, and the
 * playbook's suggested action.
 */
import type { Bilingual, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import type { PresentationInput, PresentedMember } from '../../answer/presentation-input.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { analysisMembers } from '../governed/analysis-members.ts';
import type { AtRiskCustomer, ListedCustomer } from './at-risk-customers.ts';
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

/** "模型评分 62%；高价值客户超过30天未购买" — which score or rules flagged the customer. */
export function flaggedByText(model: SemanticModel, c: AtRiskCustomer, lang: Lang): string {
  const parts: string[] = [];
  const pct = `${(c.risk * 100).toFixed(0)}%`;
  if (c.flaggedByScore) parts.push(lang === 'zh' ? `模型评分 ${pct}` : `model score ${pct}`);
  for (const r of c.rules) parts.push(model.churn.early_warning[r]?.label[lang] ?? r);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** The presentation of the shown part of the list. */
export function riskListPresentation(ctx: AnalysisContext, shown: ListedCustomer[]): PresentationInput {
  const { model } = ctx.runtime;
  const lang = ctx.lang;
  const currency = 'currency' as const;
  const members: Record<string, PresentedMember> = analysisMembers(ctx, {
    risk_score: { label: { zh: '90天流失概率', en: '90-day churn probability' }, format: 'percent' },
    risk_level: { label: { zh: '风险等级', en: 'Risk tier' }, values: RISK_TIER_LABELS },
    expected_loss: {
      label: { zh: '预期损失（概率×近12个月消费）', en: 'Expected loss (probability × 12-month spend)' },
      format: currency,
    },
    spend_12m: { label: { zh: '近12个月消费', en: '12-month spend' }, format: currency },
    flagged_by: { label: { zh: '预警来源（评分/规则）', en: 'Flagged by (score / rules)' } },
    top_reasons: { label: { zh: '主要原因（评分贡献）', en: 'Top reasons (score contributions)' } },
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
    top_reasons: c.factors.map((f) => f.text).join(lang === 'zh' ? '；' : '; '),
    suggested_action: c.action,
  }));
  return { language: lang, intent: 'risk_list', columns: COLUMNS, rows, members, currency: model.currency };
}
