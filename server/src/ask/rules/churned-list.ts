import type { Catalog, CatalogDimension } from '../../../../semantic-layer/src/catalog.ts';
import { normaliseKey } from '../text/normalise.ts';
import type { QuestionAnalysis } from './analyse-question.ts';
import type { Draft } from './draft.ts';

/** Words that make a list one of customers at risk (the risk model's list), not of those who left. */
const RISK_WORDS = [
  '风险',
  '要流失',
  '会流失',
  '可能流失',
  '即将',
  '快要',
  '将要',
  'risk',
  'likely',
  'about to',
  'going to',
  'might',
  'will churn',
  'next',
].map(normaliseKey);

/** "top 20 客户", "前10位客户", "top 10 at-risk customers": a ranked list of customers. */
export const TOP_CUSTOMERS =
  /(?:top|前)\s*\d+\s*(?:名|位|个)?\s*(?:的)?\s*(?:[a-z-]+\s+){0,2}(?:客户|customers|users|用户)/;

/** The model's customer-id dimension ("Customer ID"): what a list of customers is grouped by. */
export function customerIdDimension(catalog: Catalog): CatalogDimension | undefined {
  return catalog.dimensions.find((d) => d.type === 'categorical' && /\bid$/i.test(d.label.en));
}

/**
 * "上季度流失的客户名单", "list the customers who churned in September": a list of the customers
 * counted by a count-of-customers metric in the period (churned, reactivated, complaining…), as a governed
 * query by customer id with the count ≥ 1, with the customer's value, churn reason and 12-month spend
 * where the metric allows them. Never the at-risk list. Undefined when the question is about risk, names
 * no such metric, or the model has no customer id.
 */
export function customerListDraft(
  analysis: QuestionAnalysis,
  catalog: Catalog,
  draft: Draft,
): Draft | undefined {
  const text = analysis.norm.text;
  if (RISK_WORDS.some((w) => text.includes(w))) return undefined;
  const counted = (m: Catalog['metrics'][number]) =>
    m.type === 'simple' && m.format === 'count' && m.lowerIsBetter && m.requiresPeriod;
  // "流失的客户" matched as the rate ("流失率"): its count of customers shares the rate's name ("流失客户数")
  const stem = (label: string) => label.replace(/率$/, '');
  const metric =
    catalog.metrics.find((m) => draft.metrics.includes(m.id) && counted(m)) ??
    catalog.metrics
      .filter((r) => draft.metrics.includes(r.id) && r.type === 'ratio' && r.label.zh.endsWith('率'))
      .flatMap((r) =>
        catalog.metrics.filter((m) => counted(m) && m.label.zh.startsWith(stem(r.label.zh))),
      )[0];
  const id = customerIdDimension(catalog);
  if (!metric || !id || !metric.dimensions.includes(id.id)) return undefined;
  const allowed = (d: CatalogDimension) => metric.dimensions.includes(d.id) && d.id !== id.id;
  const described = catalog.dimensions.filter((d) => allowed(d) && /value tier|reason/i.test(d.label.en));
  const spend = catalog.metrics
    .filter((m) => m.perCustomer && m.format.startsWith('currency'))
    .map((m) => catalog.dimensions.find((d) => d.id === m.perCustomer))
    .find((d): d is CatalogDimension => d !== undefined && allowed(d));
  const columns = [id.id, ...described.map((d) => d.id), ...(spend ? [spend.id] : [])];
  const ranked = draft.ranking.dir !== undefined || draft.ranking.limit !== undefined;
  return {
    ...draft,
    intent: 'breakdown',
    metrics: [metric.id],
    dimensions: [...new Set([...columns, ...draft.dimensions])],
    filters: [...draft.filters, { member: metric.id, op: 'gte', values: [1] }],
    ranking: spend && ranked ? { ...draft.ranking, dir: 'desc', member: spend.id } : {},
  };
}
