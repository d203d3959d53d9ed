/** The at-risk list in plain words (zh/en): how many, how risky, who first and why, how good the model is. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import type { AtRiskPopulation, ListedCustomer } from './at-risk-customers.ts';
import { modelQualitySentence, type RiskModelSummary } from './model-summary.ts';

export function riskListNarrative(
  model: SemanticModel,
  population: AtRiskPopulation,
  shown: ListedCustomer[],
  summary: RiskModelSummary,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const list = population.customers;
  const money = (v: number) =>
    formatValue(v, 'currency_cny', lang, { style: 'compact', currency: model.currency });
  const count = (v: number) => formatValue(v, 'count', lang);
  if (list.length === 0) {
    return zh
      ? `在 ${count(population.scored)} 位活跃客户中，没有客户的流失概率达到 30% 或触发预警规则。${modelQualitySentence(summary, lang)}`
      : `Of ${count(population.scored)} active customers, none has a churn probability of 30% or more or trips an early-warning rule. ${modelQualitySentence(summary, lang)}`;
  }
  const high = list.filter((c) => c.riskTier === 'high' || c.riskTier === 'very_high').length;
  const byRules = list.filter((c) => c.rules.length > 0).length;
  const byScore = list.filter((c) => c.flaggedByScore).length;
  const loss = list.reduce((s, c) => s + c.expectedLoss, 0);
  const first = shown[0] ?? { ...list[0]!, factors: [] };
  const who = first.name ?? first.customerId;
  const pct = `${(first.risk * 100).toFixed(0)}%`;
  const why = first.factors.map((f) => f.text).join(zh ? '、' : ', ');
  const shownText =
    shown.length < list.length
      ? zh
        ? `下表列出排在最前的 ${count(shown.length)} 位。`
        : ` The table shows the first ${count(shown.length)}.`
      : '';
  const scoreText = zh
    ? byScore === 0
      ? '没有客户的模型评分达到 30%'
      : `${count(byScore)} 位模型评分≥30%${high ? `（其中 ${count(high)} 位≥50%）` : ''}`
    : byScore === 0
      ? 'no model score reaches 30%'
      : `${count(byScore)} score 30% or more${high ? ` (${count(high)} of them 50% or more)` : ''}`;
  return zh
    ? `在 ${count(population.scored)} 位活跃客户中，${count(list.length)} 位有流失风险：${scoreText}，${count(byRules)} 位触发预警规则；预期损失合计 ${money(loss)}。${shownText}排在首位的是 ${who}（流失概率 ${pct}）${why ? `，主要原因：${why}` : ''}。${modelQualitySentence(summary, lang)}`
    : `Of ${count(population.scored)} active customers, ${count(list.length)} are at risk: ${scoreText}, and ${count(byRules)} trip an early-warning rule; expected loss ${money(loss)} in total.${shownText} First is ${who} (churn probability ${pct})${why ? `, mainly: ${why}` : ''}. ${modelQualitySentence(summary, lang)}`;
}
