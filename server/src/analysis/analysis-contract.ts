import type { Lang } from '../../../semantic-layer/src/catalog.ts';
import type { SemanticQueryInput } from '../../../semantic-layer/src/query.ts';
import type { AnalysisIntent, RetentionAction } from '../answer/answer-schema.ts';
import type { PresentationInput } from '../answer/presentation-input.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';

export type { AnalysisIntent };

/**
 * One analysis to run: the intent and the base query the interpreter produced (metric, period,
 * filters, dimensions, compare). `attributes` are the asking user's row-level-security attributes:
 * every statement an analysis runs must be limited by them exactly as `compile()` limits a query.
 */
export interface AnalysisRequest {
  intent: AnalysisIntent;
  language: Lang;
  query: SemanticQueryInput;
  /** Row-level security (absent = unrestricted), e.g. { region: ['华南'] }. */
  attributes?: Record<string, string[]>;
  /** Paging and text search of a customer list (`risk_list`): rows `offset`… of those matching `search`. */
  list?: { offset?: number; search?: string };
}

/**
 * What an analysis returns. `presentation` feeds `presentResult()` (table, chart, suggestions);
 * `narrative` (in the request's language) replaces the generic narrative when set; `analysis` is the
 * structured result (factors with RR/CI/PAF, suppressed factors, decomposition parts, model metrics…)
 * that the API returns as `Answer.analysis`.
 */
export interface AnalysisResult {
  intent: AnalysisIntent;
  presentation: PresentationInput;
  narrative?: string;
  analysis: Record<string, unknown>;
  actions?: RetentionAction[];
  /** Every statement run, with its parameters (provenance). */
  sql: string[];
  params: unknown[][];
  /** Defaults chosen for the user, in the request's language (e.g. the period). */
  assumptions: string[];
  timings: Record<string, number>;
}

/** A failure the user should read (bad period, nothing to analyse), in the request's language. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly code: 'no_data' | 'invalid_request' | 'unsupported',
  ) {
    super(message);
  }
}

export type RunAnalysis = (runtime: ModelRuntime, request: AnalysisRequest) => Promise<AnalysisResult>;
