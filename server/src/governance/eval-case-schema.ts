import { z } from 'zod';
import { FILTER_OPS, TIME_GRAINS } from '../../../semantic-layer/src/query.ts';
import { INTENTS } from '../answer/answer-schema.ts';

/**
 * The eval-case contract (evals/CONVENTIONS.md): a question, its context and the interpretation the
 * conventions prescribe, with optional expected values. Owned by the product because wrong-answer
 * review exports cases in it; the runners in evals/ load and score files of these cases.
 * Under `expect` only the keys present are checked; `null` means "must be absent", `[]` "must be empty".
 */

/**
 * Expected values of an eval case (`expect.values`, CONVENTIONS.md "Expected values"): rows of the
 * answer's table matched by their key columns (`by`), each listed number within `tolerance`.
 */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const column = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a column name (snake_case)');

export const DEFAULT_TOLERANCE = 1e-6;

export const ExpectedValuesSchema = z
  .strictObject({
    /** Key columns: dimension ids, and `period` for a trend. Empty for a single number. */
    by: z.array(column).default([]),
    /** How many rows the answer's table must have. */
    rows: z.number().int().nonnegative().optional(),
    /** Rows must come in the listed order, from the first (rankings, top-N). */
    ordered: z.boolean().default(false),
    /** Largest absolute difference accepted for every compared number. */
    tolerance: z.number().nonnegative().default(DEFAULT_TOLERANCE),
    /** Expected rows: the `by` columns (stored values, not labels) and the numbers to compare. */
    match: z.array(z.record(column, cell)).min(1),
  })
  .superRefine((v, ctx) => {
    v.match.forEach((row, i) => {
      const missing = v.by.filter((k) => !(k in row));
      if (missing.length)
        ctx.addIssue({
          code: 'custom',
          path: ['match', i],
          message: `key columns missing: ${missing.join(', ')}`,
        });
      const numbers = Object.keys(row).filter((k) => !v.by.includes(k));
      if (!numbers.length)
        ctx.addIssue({ code: 'custom', path: ['match', i], message: 'no value to compare' });
      for (const k of numbers)
        if (typeof row[k] !== 'number')
          ctx.addIssue({ code: 'custom', path: ['match', i, k], message: 'a compared value is a number' });
    });
    if (v.rows !== undefined && v.rows < v.match.length)
      ctx.addIssue({ code: 'custom', path: ['rows'], message: 'fewer rows than matched rows' });
  });
export type ExpectedValues = z.infer<typeof ExpectedValuesSchema>;

export const EVAL_MODELS = ['retail', 'telco'] as const;
export const EVAL_LANGS = ['zh', 'en', 'mixed'] as const;
export const EVAL_CATEGORIES = [
  'metric',
  'breakdown',
  'trend',
  'time_expression',
  'filter',
  'comparison',
  'follow_up',
  'reasons',
  'drivers',
  'list',
  'actions',
  'clarify',
  'out_of_scope',
  'adversarial',
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];
export const EXPECTED_KINDS = ['answer', 'clarify', 'out_of_scope'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

const memberId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a member id (snake_case)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real calendar date');
const kind = z.enum(EXPECTED_KINDS);

export const ExpectedFilterSchema = z.strictObject({
  member: memberId,
  op: z.enum(FILTER_OPS),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])),
});
export type ExpectedFilter = z.infer<typeof ExpectedFilterSchema>;

export const ExpectationSchema = z.strictObject({
  /** One kind, or the acceptable kinds (adversarial: out_of_scope or clarify). */
  kind: z.union([kind, z.array(kind).min(1)]),
  intent: z.enum(INTENTS).optional(),
  metrics: z.array(memberId).optional(),
  dimensions: z.array(memberId).optional(),
  filters: z.array(ExpectedFilterSchema).optional(),
  timeRange: z
    .strictObject({ start: isoDate, end: isoDate })
    .refine((r) => r.start < r.end, 'start must be before end (end exclusive)')
    .nullable()
    .optional(),
  grain: z.enum(TIME_GRAINS).nullable().optional(),
  compare: z.enum(['previous_period', 'same_period_last_year']).nullable().optional(),
  order: z.array(z.strictObject({ member: memberId, dir: z.enum(['asc', 'desc']) })).optional(),
  limit: z.number().int().positive().nullable().optional(),
  /** Clarify options that must be offered: member ids or short texts. */
  options_include: z.array(z.string().min(1)).optional(),
  /** Numbers the answer's table must show (CONVENTIONS.md "Expected values"); scored apart. */
  values: ExpectedValuesSchema.optional(),
});
export type Expectation = z.infer<typeof ExpectationSchema>;

export const EvalCaseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
    model: z.enum(EVAL_MODELS),
    lang: z.enum(EVAL_LANGS),
    category: z.enum(EVAL_CATEGORIES),
    difficulty: z.enum(DIFFICULTIES),
    /** "Today" for this case; 2026-10-01 (the retail demo as-of) when absent. */
    asOf: isoDate.optional(),
    question: z.string().min(1),
    /** The earlier questions of a follow-up, in order. */
    conversation: z.array(z.string().min(1)).min(1).optional(),
    expect: ExpectationSchema,
    notes: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.category === 'follow_up') !== (c.conversation !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['conversation'],
        message: 'required for follow_up, and only there',
      });
    const kinds = [c.expect.kind].flat();
    if (c.expect.values && !kinds.includes('answer'))
      ctx.addIssue({ code: 'custom', path: ['expect', 'values'], message: 'only for answer cases' });
    if (c.expect.options_include && !kinds.includes('clarify'))
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'options_include'],
        message: 'only for clarify cases',
      });
  });
export type EvalCase = z.infer<typeof EvalCaseSchema>;
