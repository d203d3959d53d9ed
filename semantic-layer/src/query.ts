import { z } from 'zod';

/**
 * `SemanticQuery`: the one request shape every interpreter (rules or LLM) produces and the
 * compiler consumes (ARCHITECTURE.md, "Contracts"). Plain serialisable data; member ids come from
 * the model's catalog; values are data and always travel to SQL as parameters.
 *
 * @example
 * { model: 'retail', metrics: ['churn_rate'], dimensions: ['region'],
 *   timeRange: { start: '2026-07-01', end: '2026-10-01' },
 *   filters: [{ member: 'value_tier', op: 'in', values: ['high'] }],
 *   order: [{ member: 'churn_rate', dir: 'desc' }], limit: 10 }
 */

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export const FILTER_OPS = [
  'in',
  'not_in',
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'is_null',
  'not_null',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');
const memberId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a member id from the catalog (snake_case)');

export const FilterSchema = z.object({
  member: memberId.describe('dimension (or metric, to filter on its value) id'),
  op: z.enum(FILTER_OPS),
  values: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .default([])
    .describe('dimension values as stored (codes, not labels); empty for is_null/not_null'),
});
export type Filter = z.infer<typeof FilterSchema>;

export const TimeRangeSchema = z.object({
  start: isoDate.describe('inclusive'),
  end: isoDate.describe('exclusive'),
});
export type TimeRange = z.infer<typeof TimeRangeSchema>;

export const SemanticQuerySchema = z.object({
  model: memberId,
  metrics: z.array(memberId).min(1).describe('metric ids'),
  dimensions: z.array(memberId).default([]).describe('dimension ids to group by'),
  time: z
    .object({
      dimension: memberId.default('metric_time').describe("a time dimension id, or 'metric_time'"),
      grain: z.enum(TIME_GRAINS),
    })
    .optional()
    .describe('group by a time grain (a trend)'),
  timeRange: TimeRangeSchema.optional().describe('the period; end exclusive'),
  filters: z.array(FilterSchema).default([]),
  compare: z.enum(['previous_period', 'same_period_last_year']).optional(),
  order: z.array(z.object({ member: memberId, dir: z.enum(['asc', 'desc']) })).default([]),
  limit: z.number().int().positive().max(100_000).optional(),
});
/** A validated query (defaults applied). */
export type SemanticQuery = z.infer<typeof SemanticQuerySchema>;
/** What a caller may write (defaults optional). */
export type SemanticQueryInput = z.input<typeof SemanticQuerySchema>;
