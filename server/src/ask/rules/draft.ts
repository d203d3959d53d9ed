import type { CatalogDimension, CatalogMetric } from '../../../../semantic-layer/src/catalog.ts';
import type { Filter, SemanticQueryInput } from '../../../../semantic-layer/src/query.ts';
import type { Intent } from '../../answer/answer-schema.ts';
import type { TimeResolution } from '../time/resolve-time.ts';
import type { Ranking } from './ranking.ts';

/** What one question says on its own, before defaults or the previous turn are applied. */
export interface Draft {
  model: string;
  metrics: string[];
  dimensions: string[];
  filters: Filter[];
  intent: Intent;
  ranking: Ranking;
  time: TimeResolution;
  timeDimension?: string;
  /** Metrics read per customer through a customer attribute ("订单数大于5的客户"), to name back. */
  perCustomer?: { metric: CatalogMetric; dimension: CatalogDimension }[];
  /** How conditions on each customer were read ("半年" → 180 days, "去年" → the trailing 12 months), to say back. */
  conditionNotes?: string[];
}

/** Assembles a query in a stable key order, leaving out empty optional parts. */
export function assembleQuery(parts: {
  model: string;
  metrics: string[];
  dimensions: string[];
  filters: Filter[];
  time?: SemanticQueryInput['time'];
  timeRange?: SemanticQueryInput['timeRange'];
  compare?: SemanticQueryInput['compare'];
  ranking?: Ranking;
}): SemanticQueryInput {
  const q: SemanticQueryInput = { model: parts.model, metrics: parts.metrics, dimensions: parts.dimensions };
  if (parts.time) q.time = parts.time;
  if (parts.timeRange) q.timeRange = parts.timeRange;
  q.filters = parts.filters;
  if (parts.compare) q.compare = parts.compare;
  q.order = parts.ranking?.dir
    ? [{ member: parts.ranking.member ?? parts.metrics[0], dir: parts.ranking.dir }]
    : [];
  if (parts.ranking?.limit) q.limit = parts.ranking.limit;
  return q;
}
