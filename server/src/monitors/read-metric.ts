/**
 * A metric monitor's reading: one governed trend query (compiled with the subscriber's row-level access
 * by `runQuery`, the only path to SQL) over the monitored period, the one before and the trailing ones.
 */

import type { MonitorDefinition } from '../../../semantic-layer/src/definition/schema.ts';
import type { TimeRange } from '../../../semantic-layer/src/query.ts';
import { toNumber } from '../answer/format.ts';
import type { ModelRuntime } from '../data/model-runtime.ts';
import { runQuery } from '../pipeline/run-query.ts';
import type { MetricReading } from './monitor-conditions.ts';
import { completePeriods } from './monitor-period.ts';

export type MetricMonitor = Extract<MonitorDefinition, { kind: 'metric' }>;

/** The reading and the periods it covers, or the issues that stopped the query (e.g. access denied). */
export type MetricRead =
  | { ok: true; reading: MetricReading; period: TimeRange; previousPeriod: TimeRange; sql: string }
  | { ok: false; message: string };

/** Periods read besides the monitored one: the previous, and the trailing window of an anomaly. */
function lookback(monitor: MetricMonitor): number {
  return monitor.condition.type === 'anomaly' ? monitor.condition.trailing : 1;
}

/** Reads the monitored metric under `attributes` (the subscriber's access; absent = unrestricted). */
export async function readMetric(
  runtime: ModelRuntime,
  monitor: MetricMonitor,
  attributes: Record<string, string[]> | undefined,
  language: 'zh' | 'en',
): Promise<MetricRead> {
  const periods = completePeriods(monitor.period, runtime.asOf, lookback(monitor) + 1);
  const current = periods[periods.length - 1]!;
  const run = await runQuery(
    runtime,
    {
      model: runtime.model.id,
      metrics: [monitor.metric],
      time: { dimension: 'metric_time', grain: monitor.period },
      timeRange: { start: periods[0]!.start, end: current.end },
      filters: monitor.filters.map((f) => ({ member: f.member, op: f.op, values: f.values })),
    },
    { intent: 'trend', language, attributes },
  );
  if (!run.ok) return { ok: false, message: run.issues.map((i) => i.message).join('; ') };
  const { columns, rows } = run.presentation;
  const time = columns.find((c) => c.kind === 'time');
  const metric = columns.find((c) => c.kind === 'metric' && c.member === monitor.metric);
  if (!time || !metric) return { ok: false, message: `no ${monitor.metric} trend column` };
  const byStart = new Map(rows.map((r) => [String(r[time.name]).slice(0, 10), toNumber(r[metric.name])]));
  const values = periods.map((p) => byStart.get(p.start) ?? null);
  const value = values[values.length - 1] ?? null;
  const previous = values.length > 1 ? (values[values.length - 2] ?? null) : null;
  const trailing = values.slice(0, -1).filter((v): v is number => v !== null);
  return {
    ok: true,
    reading: { value, previous, trailing },
    period: current,
    previousPeriod: periods[periods.length - 2] ?? current,
    sql: run.sql,
  };
}
