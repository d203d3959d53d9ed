import { z } from 'zod';
import { SemanticQuerySchema } from '../../../semantic-layer/src/query.ts';

/**
 * `Answer`: what `POST /api/ask` returns and `npm run ask -- --json` prints (ARCHITECTURE.md).
 * Every channel (web, Slack, WeCom, CLI) renders this one shape.
 */

export const ANSWER_KINDS = ['answer', 'clarify', 'out_of_scope', 'error'] as const;

/** Intents answered by the analysis module on top of a base query (everything else is one governed query). */
export const ANALYSIS_INTENTS = [
  'reasons',
  'drivers',
  'decomposition',
  'risk_list',
  'actions',
  'cohorts',
  'survival',
  'segments',
  'campaign_outcomes',
  'customer_profile',
  'winback_timing',
  'churn_forecast',
] as const;
export type AnalysisIntent = (typeof ANALYSIS_INTENTS)[number];

/** Every intent: one governed query, an analysis, or no answer (clarify, out of scope). */
export const INTENTS = [
  'metric',
  'breakdown',
  'trend',
  'comparison',
  ...ANALYSIS_INTENTS,
  'clarify',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];
export const ANALYSIS_INTENT_SET: ReadonlySet<Intent> = new Set<Intent>(ANALYSIS_INTENTS);

export const ColumnSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'number', 'date', 'boolean']),
  format: z.string().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const TableSchema = z.object({
  columns: z.array(ColumnSchema),
  rows: z.array(z.record(z.string(), z.unknown())),
});
export type Table = z.infer<typeof TableSchema>;

export const ClarifyOptionSchema = z.object({
  label: z.string(),
  /** The question to send when the user picks this option. */
  question: z.string(),
  query: SemanticQuerySchema.optional(),
});
/** A reading the user can pick when the question is ambiguous (as an interpreter writes it). */
export type ClarifyOption = z.input<typeof ClarifyOptionSchema>;

export const ActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  targets: z.object({ count: z.number(), segment: z.string() }),
  channel: z.string(),
  timing: z.string().optional(),
  expectedEffect: z.string(),
  measure: z.string(),
});
export type RetentionAction = z.infer<typeof ActionSchema>;

/**
 * Why an answer of kind `error` failed, for programs: `invalid_query` (with the semantic layer's issues,
 * each with its `Issue` code and path), an analysis's code (`no_data`, `invalid_request`, `unsupported`),
 * `timeout`, or `internal_error`. The narrative says the same to people.
 */
export const AnswerErrorSchema = z.object({
  code: z.string(),
  issues: z
    .array(z.object({ code: z.string(), path: z.string().optional(), message: z.string() }))
    .optional(),
});
export type AnswerError = z.infer<typeof AnswerErrorSchema>;

/**
 * A chat request to be sent something on a schedule ("每周一提醒我华南的流失率"), read back for the user to
 * confirm: what is asked each time, when (cron in a time zone), on which channel, with whose data access.
 * Nothing is created until the client posts it to `POST /api/subscriptions`.
 */
export const SubscriptionProposalSchema = z.object({
  model: z.string(),
  question: z.string(),
  cron: z.string(),
  timezone: z.string(),
  channel: z.enum(['inbox', 'email', 'slack', 'wecom']),
  language: z.enum(['zh', 'en']),
  /** The same in words, in the answer's language. */
  scheduleText: z.string(),
  channelText: z.string(),
  /** What is measured (the question's metrics and filters). */
  what: z.string(),
  /** The row-level access each delivery runs with. */
  scope: z.string(),
});
export type SubscriptionProposal = z.infer<typeof SubscriptionProposalSchema>;

export const AnswerSchema = z.object({
  conversationId: z.string(),
  kind: z.enum(ANSWER_KINDS),
  language: z.enum(['zh', 'en']),
  interpretation: z.object({
    interpreter: z.enum(['rules', 'llm']),
    intent: z.enum(INTENTS),
    query: SemanticQuerySchema.nullable(),
    assumptions: z.array(z.string()),
    /** Words of the question that were understood, with what they mapped to. */
    understood: z.array(z.object({ text: z.string(), meaning: z.string() })).default([]),
    /** Words the interpreter did not understand, named back to the user. */
    unknownTerms: z.array(z.string()).default([]),
    promptVersion: z.string().optional(),
  }),
  table: TableSchema.nullable(),
  chart: z.record(z.string(), z.unknown()).nullable(),
  narrative: z.string(),
  analysis: z.record(z.string(), z.unknown()).optional(),
  actions: z.array(ActionSchema).optional(),
  options: z.array(ClarifyOptionSchema).optional(),
  provenance: z.object({
    modelVersion: z.string(),
    definitions: z
      .array(z.object({ id: z.string(), label: z.string(), description: z.string() }))
      .default([]),
    sql: z.array(z.string()),
    params: z.array(z.array(z.unknown())),
    timings: z.record(z.string(), z.number()).default({}),
    elapsedMs: z.number(),
    /** Where a query's answer was read: a rollup (rollups.yaml, at a grain, its tables) or the base tables. */
    answeredFrom: z
      .object({
        kind: z.enum(['base', 'rollup']),
        rollup: z.string().optional(),
        grain: z.string().optional(),
        tables: z.array(z.string()).optional(),
      })
      .optional(),
  }),
  suggestions: z.array(z.string()),
  /** Present on answers of kind `error`. */
  error: AnswerErrorSchema.optional(),
  /** Present when the message asked for a scheduled delivery (kind `clarify`: confirm or cancel). */
  subscription: SubscriptionProposalSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
