import { z } from 'zod';
import { id, memberCommon } from './schema.ts';

/**
 * Shape of `tags.yaml` (optional): customer tags analysts define as governed segments. A tag is a list of
 * conditions that must all hold, each on a customer-level dimension, on a metric's per-customer
 * dimension (`metric:`, e.g. orders → orders_12m), or on the ratio of two of those (`ratio:`, e.g. spend
 * per order). `compile-tags.ts` turns each tag into a boolean dimension; nothing here is SQL.
 */

export const TAG_KINDS = ['basic', 'behaviour', 'predictive'] as const;
/** basic: attributes; behaviour: per-customer measures; predictive: risk or value scores and tiers. */
export type TagKind = (typeof TAG_KINDS)[number];

export const TAG_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'between'] as const;
export type TagOp = (typeof TAG_OPS)[number];
const LIST_OPS: ReadonlySet<TagOp> = new Set(['in', 'not_in', 'between']);

const scalar = z.union([z.string().min(1).max(200), z.number().finite(), z.boolean()]);

export const TagConditionSchema = z
  .strictObject({
    dimension: id.optional(),
    metric: id.optional(),
    /** [numerator, denominator]: dimensions or metrics with a per-customer dimension. */
    ratio: z.tuple([id, id]).optional(),
    op: z.enum(TAG_OPS),
    value: scalar.optional(),
    values: z.array(scalar).min(1).max(50).optional(),
  })
  .superRefine((c, ctx) => {
    const operands = [c.dimension, c.metric, c.ratio].filter((x) => x !== undefined).length;
    if (operands !== 1)
      ctx.addIssue({
        code: 'custom',
        message: 'a condition names exactly one of `dimension`, `metric` or `ratio`',
        path: [],
      });
    if (LIST_OPS.has(c.op)) {
      if (c.values === undefined || c.value !== undefined)
        ctx.addIssue({ code: 'custom', message: `${c.op} takes \`values\` (a list)`, path: ['values'] });
      else if (c.op === 'between' && c.values.length !== 2)
        ctx.addIssue({ code: 'custom', message: 'between takes two values: [low, high]', path: ['values'] });
    } else if (c.value === undefined || c.values !== undefined)
      ctx.addIssue({ code: 'custom', message: `${c.op} takes one \`value\``, path: ['value'] });
  });
export type TagCondition = z.infer<typeof TagConditionSchema>;

export const TagSchema = z.strictObject({
  ...memberCommon,
  kind: z.enum(TAG_KINDS),
  /** Conditions that must all hold. */
  all: z.array(TagConditionSchema).min(1).max(10),
});
export type TagDefinition = z.infer<typeof TagSchema>;

export const TagsFileSchema = z.object({ tags: z.record(id, TagSchema) });
