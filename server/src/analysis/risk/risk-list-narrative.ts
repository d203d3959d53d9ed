/** The at-risk list in plain words (zh/en): how many, how risky, who first and why, how good the model is. */
import type { Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { formatValue } from '../../answer/format.ts';
import type { AtRiskPopulation, ListedCustomer } from './at-risk-customers.ts';
import { modelQualitySentence, type RiskModelSummary } from './model-summary.ts';
import type { ListTotals } from './risk-list-analysis.ts';
import { riskMessage } from './risk-messages.ts';

export function riskListNarrative(
  model: SemanticModel,
  population: AtRiskPopulation,
  totals: ListTotals,
  shown: ListedCustomer[],
  offset: number,
  summary: RiskModelSummary,
  lang: Lang,
): string {
  const list = population.customers;
  const money = (v: number) =>
    formatValue(v, 'currency_cny', lang, { style: 'compact', currency: model.currency });
  const count = (v: number) => formatValue(v, 'count', lang);
  const quality = modelQualitySentence(summary, lang);
  const scoreOnly = population.scoreOnly
    ? riskMessage('narrative_score_only', lang, { n: count(population.scoreOnly) })
    : '';
  if (list.length === 0)
    return riskMessage('narrative_none', lang, { scored: count(population.scored), quality }) + scoreOnly;
  const { high, medium } = totals;
  const first = shown[0] ?? { ...list[0]!, factors: [] };
  const reasons = first.factors.map((f) => f.text).join(riskMessage('list_separator', lang));
  const partial = shown.length < list.length && shown.length > 0;
  return (
    riskMessage('narrative', lang, {
      scored: count(population.scored),
      atRisk: count(list.length),
      levels: riskMessage('narrative_levels', lang, {
        high: count(high),
        medium: count(medium),
        low: count(list.length - high - medium),
      }),
      loss: money(totals.expectedLoss),
      shown: partial
        ? riskMessage('narrative_shown', lang, {
            from: count(offset + 1),
            to: count(offset + shown.length),
          })
        : '',
      who: first.name ?? first.customerId,
      pct: `${(first.risk * 100).toFixed(0)}%`,
      why: reasons ? riskMessage('narrative_why', lang, { reasons }) : '',
      quality,
    }) + scoreOnly
  );
}
