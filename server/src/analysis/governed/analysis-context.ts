import type { Bilingual, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';

/** Every statement an analysis ran, with its parameters and timings (the answer's provenance). */
export class AnalysisTrace {
  readonly sql: string[] = [];
  readonly params: unknown[][] = [];
  readonly timings: Record<string, number> = {};

  /** Records one statement. */
  record(sql: string, params: unknown[]): void {
    this.sql.push(sql);
    this.params.push(params);
  }

  /** Adds elapsed milliseconds under `step` (repeated steps add up). */
  time(step: string, ms: number): void {
    this.timings[step] = (this.timings[step] ?? 0) + ms;
  }

  /** Runs `work` and adds its elapsed time under `step`. */
  async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.time(step, performance.now() - t0);
    }
  }
}

/** What one analysis run works with: the model runtime, the request and its trace. */
export interface AnalysisContext {
  runtime: ModelRuntime;
  request: AnalysisRequest;
  lang: Lang;
  trace: AnalysisTrace;
}

/** A fresh context for one request. */
export function analysisContext(runtime: ModelRuntime, request: AnalysisRequest): AnalysisContext {
  return { runtime, request, lang: request.language, trace: new AnalysisTrace() };
}

/** Picks the text of the request's language. */
export function say(lang: Lang, text: Bilingual): string {
  return text[lang];
}

/** The result of a run: its parts plus the trace's statements and timings. */
export function analysisResult(
  ctx: AnalysisContext,
  parts: Omit<AnalysisResult, 'intent' | 'sql' | 'params' | 'timings'>,
): AnalysisResult {
  return {
    intent: ctx.request.intent,
    ...parts,
    sql: ctx.trace.sql,
    params: ctx.trace.params,
    timings: ctx.trace.timings,
  };
}

/**
 * The columns of an analysis table, each named as its member: the dimensions first, then the metrics.
 * @example resultColumns(['factor'], ['rr', 'rr_low']) // factor (dimension), rr, rr_low (metrics)
 */
export function resultColumns(dimensions: string[], metrics: string[]): CompiledColumn[] {
  return [
    ...dimensions.map((member) => ({ name: member, kind: 'dimension' as const, member })),
    ...metrics.map((member) => ({ name: member, kind: 'metric' as const, member })),
  ];
}
