import { z } from 'zod';
import { TIME_GRAINS } from '../query.ts';

/**
 * Shapes of the YAML files in `models/<name>/` (zod checks shape; `validate-model.ts` checks meaning).
 * Maps are keyed by member id so YAML paths read `metrics.churn_rate.numerator`.
 */

export const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are snake_case: a-z, 0-9 and _');
// Strict: an unquoted comma in a YAML flow map ("{ en: A, b }") would otherwise add a stray key silently.
// One language is enough for a model written by its analysts: a plain string or `{ en: … }` alone is
// shown in both languages (interpreters still match words of either language through synonyms).
export const bilingual = z.preprocess(
  (v) => {
    if (typeof v === 'string') return { zh: v, en: v };
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (o.zh === undefined && typeof o.en === 'string') return { ...o, zh: o.en };
      if (o.en === undefined && typeof o.zh === 'string') return { ...o, en: o.zh };
    }
    return v;
  },
  z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
);
export const synonyms = z
  .object({ zh: z.array(z.string()).default([]), en: z.array(z.string()).default([]) })
  .default({
    zh: [],
    en: [],
  });
/** A governed SQL snippet: an expression over one source's columns, reviewed like any definition. */
const sqlSnippet = z
  .string()
  .min(1)
  .refine((s) => !/;|--|\/\*/.test(s), 'SQL snippets may not contain ";" or comments');

export const FORMATS = [
  'percent',
  'currency_cny',
  'currency_usd',
  /** Money in the model's own currency (`model.yaml` `currency`, any ISO 4217 code). */
  'currency',
  'count',
  'number',
  'days',
  'hours',
  'score',
] as const;

export const memberCommon = {
  label: bilingual,
  synonyms,
  description: bilingual,
  owner: z.string().default('analytics'),
  certified: z.boolean().default(false),
};

const monthDay = z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/**
 * A named date of the business calendar (618, 双11, 春节, 国庆, Black Friday): its day and its window
 * (both inclusive), so "双11期间" and "618那天" are governed readings, not code. `annual` repeats every
 * year; `dates` lists the years of a moving holiday (lunar or weekday-based).
 */
export const CalendarEventSchema = z.object({
  label: bilingual,
  synonyms,
  annual: z.object({ day: monthDay, from: monthDay, to: monthDay }).optional(),
  dates: z.array(z.object({ day: isoDay, from: isoDay, to: isoDay })).default([]),
});

export const ModelFileSchema = z.object({
  id,
  label: bilingual,
  description: bilingual,
  timezone: z.string().default('UTC'),
  /** ISO 4217 code of money columns (CNY, USD, EUR, GBP, INR, …). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'use an ISO 4217 currency code such as CNY, USD or EUR')
    .default('CNY'),
  /** Today for the data: a fixed ISO date, or the day after the latest value of a column. */
  as_of: z.union([
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    z.object({ after_max: z.object({ table: id, column: id }) }),
  ]),
  default_metric: id,
  row_level_security: z.array(z.object({ attribute: z.string(), dimension: id })).default([]),
  /** Words that name the model's business in a question ("电信", "运营商", "telco"): not filters. */
  synonyms,
  calendar: z.record(id, CalendarEventSchema).default({}),
});

const joinSchema = z.object({
  to: id,
  on: z.record(id, id),
  relationship: z.enum(['many_to_one', 'one_to_one', 'one_to_many']),
});

export const MEASURE_AGGS = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'min',
  'max',
  'median',
  'percentile',
  'share',
] as const;

const measureSchema = z.object({
  agg: z.enum(MEASURE_AGGS),
  sql: sqlSnippet,
  filter: sqlSnippet.optional(),
  percentile: z.number().min(0).max(1).optional(),
  /** Overrides the source's time column for this measure. */
  time: id.optional(),
  /** State measure: counted over rows valid at the start of each period (needs the source's `validity`). */
  at: z.literal('period_start').optional(),
  /** With `at`: only rows whose validity ends inside the period (e.g. churned during it). */
  ending_in_period: z.boolean().default(false),
  /**
   * With `at`: only entities (the source's `validity.entity`) with at least one row of this event
   * source dated inside the period (e.g. active customers who opened a ticket in it).
   */
  with_event_in_period: id.optional(),
  /** count_distinct only: count an entity only when it has at least this many rows in the group. */
  min_rows: z.number().int().min(2).optional(),
  description: z.string().optional(),
});

export const SourceSchema = z.object({
  table: id.optional(),
  /** Governed SQL over canonical or derived tables, used as a subquery. */
  sql: z.string().optional(),
  primary_key: z.array(id).min(1),
  where: sqlSnippet.optional(),
  time: id.optional(),
  /**
   * Rows valid from `from` (inclusive) until `to` (exclusive, NULL = still valid). With `entity`: rows of
   * one entity never overlap in time, so at any instant an entity has at most one valid row.
   */
  validity: z.object({ from: id, to: id, entity: id.optional() }).optional(),
  joins: z.array(joinSchema).default([]),
  measures: z.record(id, measureSchema).default({}),
});
export const SourcesFileSchema = z.object({ sources: z.record(id, SourceSchema) });

const valueLabel = z.object({ label: bilingual, synonyms });

export const DimensionSchema = z.object({
  ...memberCommon,
  type: z.enum(['categorical', 'numeric_band', 'time', 'boolean', 'numeric']),
  source: id,
  sql: sqlSnippet,
  /** Same concept on other sources, used when the query's measures reach those without fan-out. */
  alternates: z.array(z.object({ source: id, sql: sqlSnippet })).default([]),
  format: z.enum(FORMATS).optional(),
  values: z.record(z.string(), valueLabel).default({}),
  index_values: z.boolean().default(true),
  bands: z
    .array(z.object({ value: z.string(), lt: z.number().optional() }))
    .optional()
    .describe('numeric_band: ordered bands; the last has no upper bound'),
  grains: z.array(z.enum(TIME_GRAINS)).optional(),
});
export const DimensionsFileSchema = z.object({ dimensions: z.record(id, DimensionSchema) });

const metricCommon = {
  ...memberCommon,
  format: z.enum(FORMATS).default('number'),
  lower_is_better: z.boolean().default(false),
  /**
   * The numeric dimension holding this metric per customer ("订单数大于5的客户" → orders_12m > 5): a
   * condition on each customer is a filter on it, never a filter on the metric's total.
   */
  per_customer: id.optional(),
};

export const MetricSchema = z.discriminatedUnion('type', [
  z.object({ ...metricCommon, type: z.literal('simple'), measure: z.string() }),
  z.object({ ...metricCommon, type: z.literal('ratio'), numerator: id, denominator: id }),
  z.object({ ...metricCommon, type: z.literal('derived'), expr: z.string().min(1) }),
  z.object({
    ...metricCommon,
    type: z.literal('cumulative'),
    metric: id,
    window: z.number().int().positive().optional(),
  }),
  z.object({
    ...metricCommon,
    type: z.literal('period_over_period'),
    metric: id,
    compare: z.enum(['previous_period', 'same_period_last_year']),
    calc: z.enum(['difference', 'percent_change', 'previous']),
  }),
  z.object({
    ...metricCommon,
    type: z.literal('cohort_retention'),
    cohort_source: id,
    cohort_time: id,
    /** The source with `validity` that says when a member is active. */
    state_source: id,
    grain: z.enum(['week', 'month', 'quarter']),
    periods: z.number().int().min(1).max(60),
  }),
]);
export type MetricDefinition = z.infer<typeof MetricSchema>;
export const MetricsFileSchema = z.object({ metrics: z.record(id, MetricSchema) });

export const ChurnFileSchema = z.object({
  churn: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('inactivity'),
      activity: z.object({
        table: id,
        customer: id,
        time: id,
        amount: id.optional(),
        where: sqlSnippet.optional(),
      }),
      window_days: z.number().int().min(1).max(3650),
      window_overrides: z
        .partialRecord(z.enum(['high', 'medium', 'low']), z.number().int().min(1).max(3650))
        .default({}),
    }),
    z.object({ type: z.literal('contract'), table: id, customer: id, canceled: id, end: id.optional() }),
    z.object({ type: z.literal('label'), table: id, customer: id, column: id }),
  ]),
  value_tiers: z
    .object({ high: z.number().gt(0).lt(1), medium: z.number().gt(0).lt(1) })
    .default({ high: 0.2, medium: 0.3 }),
  reasons: z
    .object({
      lookback_days: z.number().int().min(1).default(90),
      signals: z
        .array(z.object({ table: id, time: id, category: id, where: sqlSnippet.optional() }))
        .default([]),
      /** For label churn: a column holding the stated reason category. */
      label_column: z.object({ table: id, column: id }).optional(),
      /**
       * Reason codes the company can act on (its product, prices, service, delivery, billing, app); the
       * others (a competitor, other) are outside its control. Governs the controllable-versus-uncontrollable
       * split of churn reasons; absent = not classified.
       */
      controllable: z.array(id).optional(),
    })
    .default({ lookback_days: 90, signals: [] }),
  early_warning: z
    .record(
      id,
      z.object({
        label: bilingual,
        description: bilingual,
        when: sqlSnippet,
        severity: z.number().int().min(1).max(3),
      }),
    )
    .default({}),
});
export type ChurnConfig = z.infer<typeof ChurnFileSchema>;

export const PlaybookFileSchema = z.object({
  playbook: z.record(
    id,
    z.object({
      label: bilingual,
      description: bilingual,
      segment: z
        .object({
          value_tiers: z.array(z.string()).optional(),
          lifecycle_stages: z.array(z.string()).optional(),
        })
        .default({}),
      causes: z.array(z.string()).default([]),
      risk: z.object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) }).optional(),
      channel: z.array(z.string()).min(1),
      timing: bilingual,
      offer: bilingual.optional(),
      priority: z.number().int().default(5),
      /**
       * Offsets after a campaign of this action is sent ("day 3: call if no response"): a task for the
       * customer's owner, due `due_days` later, for each treated customer with no response recorded.
       */
      follow_ups: z
        .array(
          z.strictObject({
            day: z.number().int().min(1).max(90),
            task: z.enum(['call']).default('call'),
            when: z.enum(['no_response']).default('no_response'),
            due_days: z.number().int().min(0).max(30).default(2),
            title: bilingual,
          }),
        )
        .max(5)
        .default([]),
    }),
  ),
});

/** Five-field cron (minute hour day-of-month month day-of-week); checked again by the scheduler. */
const cron = z
  .string()
  .regex(/^\S+( \S+){4}$/, 'a five-field cron expression, e.g. "0 9 * * 1" (Mondays 09:00)');

const MonitorSchedule = z.object({
  cron,
  /** IANA time zone the cron reads in (default: the model's). */
  timezone: z.string().min(1).optional(),
});

/** When a monitor fires (DOMAIN.md: threshold, change versus the previous period, anomaly). */
export const MonitorConditionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('threshold'),
    op: z.enum(['above', 'below']),
    value: z.number(),
  }),
  z.object({
    type: z.literal('change'),
    direction: z.enum(['up', 'down', 'any']).default('any'),
    /** Size of the change that fires: percentage points (pp) of a rate, or percent (%) of the previous value. */
    by: z.number().min(0),
    unit: z.enum(['pp', 'percent']),
  }),
  z.object({
    type: z.literal('anomaly'),
    /** Stated method: the value lies more than `z` standard deviations from the mean of the trailing periods. */
    method: z.literal('zscore').default('zscore'),
    trailing: z.number().int().min(3).max(24).default(6),
    z: z.number().gt(0).default(2),
  }),
  /** Always: a scheduled digest of the value and its change. */
  z.object({ type: z.literal('always') }),
]);
export type MonitorCondition = z.infer<typeof MonitorConditionSchema>;

const MonitorFilterSchema = z.object({
  member: id,
  op: z.enum(['in', 'not_in']).default('in'),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
});

export const MonitorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric'),
    label: bilingual,
    description: bilingual.optional(),
    metric: id,
    filters: z.array(MonitorFilterSchema).default([]),
    /** Dimensions the attribution may split by (the first that explains most is used). */
    breakdown: z.array(id).default([]),
    /** The last complete period of this grain before the data's as-of date, against the one before it. */
    period: z.enum(['week', 'month', 'quarter']).default('month'),
    condition: MonitorConditionSchema,
    attribution: z.enum(['decomposition', 'reasons', 'none']).default('decomposition'),
    schedule: MonitorSchedule,
    owner: z.string().min(1),
  }),
  z.object({
    kind: z.literal('early_warning'),
    label: bilingual,
    description: bilingual.optional(),
    /** churn.yaml early-warning rule ids (default: every rule). */
    rules: z.array(id).default([]),
    /** The customers newly flagged since the last run, counted per value of this customer dimension. */
    group_by: id.default('region'),
    schedule: MonitorSchedule,
    owner: z.string().min(1),
  }),
]);
export type MonitorDefinition = z.infer<typeof MonitorSchema>;

/** `monitors.yaml` (optional): governed monitors, reviewed like any definition. */
export const MonitorsFileSchema = z.object({ monitors: z.record(id, MonitorSchema) });
