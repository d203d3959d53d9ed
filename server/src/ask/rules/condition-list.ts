import type { Catalog } from '../../../../semantic-layer/src/catalog.ts';
import { customerIdDimension } from './churned-list.ts';
import type { Draft } from './draft.ts';

/**
 * "近90天提过3次以上投诉的客户，拉个名单给我", "哪些客户有超过72小时还没解决的工单", "list customers with 2+
 * open tickets": a list of the customers meeting conditions on each customer (numeric customer attributes,
 * rules/thresholds.ts) is the plain count of customers by customer id under those conditions, with the
 * attributes shown. Undefined when there is no such condition, or the count cannot be split by customer id
 * or filtered by every condition (never a list of another population, such as the churned).
 */
export function conditionListDraft(catalog: Catalog, draft: Draft): Draft | undefined {
  const numeric = draft.filters
    .map((f) => f.member)
    .filter((m) => catalog.dimensions.find((d) => d.id === m)?.type === 'numeric');
  const id = customerIdDimension(catalog);
  if (numeric.length === 0 || !id) return undefined;
  const count = catalog.metrics.find(
    (m) =>
      m.type === 'simple' &&
      m.format === 'count' &&
      !m.requiresPeriod &&
      m.dimensions.includes(id.id) &&
      draft.filters.every((f) => m.dimensions.includes(f.member)),
  );
  if (!count) return undefined;
  const tier = catalog.dimensions.filter(
    (d) => count.dimensions.includes(d.id) && /value tier/i.test(d.label.en),
  );
  return {
    ...draft,
    intent: 'breakdown',
    metrics: [count.id],
    dimensions: [...new Set([id.id, ...tier.map((d) => d.id), ...numeric])],
    ranking: {},
  };
}
