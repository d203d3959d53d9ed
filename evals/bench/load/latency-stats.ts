/** Latency and outcome tallies for the load test's report. */
import { quantile } from '../semantic-compile-bench.ts';
import type { AskAnswer } from './http-client.ts';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** p50/p95/p99/mean/max in ms (0s when empty). */
export function summarize(ms: readonly number[]): LatencySummary {
  if (ms.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = [...ms].sort((x, y) => x - y);
  return {
    count: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    mean: round(sorted.reduce((s, v) => s + v, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** Counts of each key, e.g. status codes or answer kinds. */
export function tally(keys: readonly (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of keys) counts[String(k)] = (counts[String(k)] ?? 0) + 1;
  return counts;
}

/** One request as the phases record it. */
export interface RequestRecord {
  question: string;
  status: number;
  ms: number;
  kind?: string;
  intent?: string;
  error?: string;
  /** The server's own time for the answer (provenance.elapsedMs). */
  serverMs?: number;
  /** Where a query's numbers came from: `base`, `rollup:<id>`; absent for analyses and other kinds. */
  answeredFrom?: string;
}

/** The parts of an answer a record keeps besides its status, kind and intent. */
export function answerFigures(
  answer: AskAnswer | undefined,
): Pick<RequestRecord, 'serverMs' | 'answeredFrom'> {
  const from = answer?.provenance?.answeredFrom;
  return {
    serverMs: answer?.provenance?.elapsedMs,
    answeredFrom: from && (from.kind === 'rollup' ? `rollup:${from.rollup}` : from.kind),
  };
}

/**
 * Per question: count, p50 and max latency, the server's own time (p50, and its sum: what the question
 * cost the server in all), and where its numbers came from; slowest first.
 */
export function byQuestion(records: readonly RequestRecord[]) {
  const groups = new Map<string, RequestRecord[]>();
  for (const r of records) groups.set(r.question, [...(groups.get(r.question) ?? []), r]);
  return [...groups]
    .map(([question, rs]) => {
      const s = summarize(rs.map((r) => r.ms));
      const server = rs.flatMap((r) => (r.serverMs === undefined ? [] : [r.serverMs]));
      return {
        question,
        count: s.count,
        p50: s.p50,
        max: s.max,
        serverP50: summarize(server).p50,
        serverTotalMs: Math.round(server.reduce((a, b) => a + b, 0)),
        from: tally(rs.map((r) => r.answeredFrom ?? r.intent ?? r.kind ?? '?')),
      };
    })
    .sort((x, y) => y.p50 - x.p50);
}

/** Per answered intent: count, p50 and p95 latency. */
export function byIntent(records: readonly RequestRecord[]) {
  const groups = new Map<string, number[]>();
  for (const r of records) if (r.intent) groups.set(r.intent, [...(groups.get(r.intent) ?? []), r.ms]);
  return Object.fromEntries(
    [...groups].map(([intent, ms]) => {
      const s = summarize(ms);
      return [intent, { count: s.count, p50: s.p50, p95: s.p95 }];
    }),
  );
}

/** What every phase reports about its requests. */
export function requestFigures(records: readonly RequestRecord[], seconds: number) {
  return {
    requests: records.length,
    seconds: round(seconds),
    requestsPerSecond: round(records.length / seconds),
    latencyMs: summarize(records.map((r) => r.ms)),
    statuses: tally(records.map((r) => r.status)),
    byIntent: byIntent(records),
    kinds: tally(records.filter((r) => r.status === 200).map((r) => r.kind ?? '?')),
    /** Non-200 responses and requests without a response. */
    httpErrors: records.filter((r) => r.status !== 200).length,
    /** 200 answers of kind `error` (the pipeline failed; clarify/out_of_scope are legitimate). */
    errorAnswers: records.filter((r) => r.status === 200 && r.kind === 'error').length,
    errorSamples: records
      .filter((r) => r.status !== 200 || r.kind === 'error')
      .slice(0, 5)
      .map((r) => ({ question: r.question, status: r.status, kind: r.kind, error: r.error })),
  };
}
