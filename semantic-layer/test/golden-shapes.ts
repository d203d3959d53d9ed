import type { DialectName } from '../src/dialect/index.ts';
import {
  type CompiledQuery,
  compileRollup,
  compileScored,
  compileVerbatims,
  type ShapeResult,
} from '../src/index.ts';
import type { SemanticModel } from '../src/model.ts';
import type { SemanticQueryInput } from '../src/query.ts';
import { GOLDEN_AS_OF } from './golden-queries.ts';

/**
 * The analysis shapes as golden SQL (golden/<name>.<dialect>.sql beside the question goldens): factor
 * splits by GROUPING SETS, a scored, kept and sampled per-customer read, and churners' verbatims under
 * row-level security.
 */
export interface GoldenShape {
  name: string;
  query: SemanticQueryInput;
  attributes?: Record<string, string[]>;
  compile(model: SemanticModel, dialect: DialectName): ShapeResult<CompiledQuery>;
}

const Q3 = { start: '2026-07-01', end: '2026-10-01' };

const splits: SemanticQueryInput = {
  model: 'retail',
  metrics: ['snapshot_churned_customers', 'snapshot_active_customers'],
  dimensions: ['region', 'gender', 'acquisition_channel'],
  timeRange: Q3,
};
const scored: SemanticQueryInput = {
  model: 'retail',
  metrics: ['customers'],
  dimensions: ['customer_id', 'region', 'recency_days', 'risk_flags'],
  filters: [{ member: 'lifecycle_stage', op: 'not_in', values: ['churned'] }],
};
const churners: SemanticQueryInput = {
  model: 'retail',
  metrics: ['churned_customers'],
  dimensions: ['customer_id', 'churn_reason'],
  timeRange: Q3,
  filters: [
    { member: 'churn_reason', op: 'in', values: ['price', 'service'] },
    { member: 'churned_customers', op: 'gt', values: [0] },
  ],
};
const south = { region: ['华南'] };

export const GOLDEN_SHAPES: GoldenShape[] = [
  {
    name: 'shape-factor-splits-rollup',
    query: splits,
    attributes: south,
    compile: (m, dialect) => compileRollup(m, splits, { dialect, asOf: GOLDEN_AS_OF, attributes: south }),
  },
  {
    name: 'shape-scored-customers',
    query: scored,
    compile: (m, dialect) =>
      compileScored(
        m,
        scored,
        {
          score: {
            name: 'risk',
            intercept: -2.5,
            terms: [
              { coefficient: 0.75, mean: 40.5, feature: (k) => k.number('recency_days') },
              { coefficient: -0.25, mean: 0.5, feature: (k) => k.equals('region', '华南') },
            ],
          },
          keep: [
            { column: 'risk', atLeast: 0.3 },
            { column: 'risk_flags', matches: 'non_empty_list' },
          ],
          sample: { column: 'customer_id', rate: 0.25 },
        },
        { dialect, asOf: GOLDEN_AS_OF, ordered: false },
      ),
  },
  {
    name: 'shape-churn-verbatims',
    query: churners,
    attributes: south,
    compile: (m, dialect) =>
      compileVerbatims(
        m,
        churners,
        {
          members: {
            churned: 'churned_customers',
            reason: 'churn_reason',
            customer: 'customer_id',
            churnDate: 'churn_date',
            text: 'feedback_text',
          },
          range: Q3,
          limit: 2000,
        },
        { dialect, asOf: GOLDEN_AS_OF, attributes: south },
      ),
  },
];
