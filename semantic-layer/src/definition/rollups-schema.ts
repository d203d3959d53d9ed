import { z } from 'zod';
import { TIME_GRAINS } from '../query.ts';
import { id } from './schema.ts';

/**
 * Shape of `rollups.yaml` (optional): summary tables of the most asked metrics by the common
 * dimensions, materialised with the derived tables (one per grain) and read by the compiler when one
 * covers a query (rollup/rollup-cover.ts). Nothing here is SQL: metrics and dimensions are ids.
 */
export const RollupSchema = z.strictObject({
  description: z.string().optional(),
  /** Metric ids: their measures are stored, ratios and derived metrics are recombined from them. */
  metrics: z.array(id).min(1).max(40),
  /** Dimension ids (not time dimensions) the measures are split by. */
  dimensions: z.array(id).max(8).default([]),
  /** One table per grain: a query is answered at its grain or, for additive measures, a coarser one. */
  grains: z.array(z.enum(TIME_GRAINS)).min(1).max(5),
  /** How far back the periods go: the grains holding the last `months` months before the as-of date. */
  months: z.number().int().positive().max(240).default(36),
});
export type RollupDefinition = z.infer<typeof RollupSchema>;

export const RollupsFileSchema = z.strictObject({ rollups: z.record(id, RollupSchema) });
