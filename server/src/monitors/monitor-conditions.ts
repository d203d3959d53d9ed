/**
 * Whether a metric monitor's condition holds for a reading: a threshold, a change against the previous
 * period (percentage points of a rate, or percent of the previous value), or an anomaly against the
 * trailing periods (z-score: distance from their mean in sample standard deviations). Pure functions.
 */
import type { MonitorCondition } from '../../../semantic-layer/src/definition/schema.ts';

/** What the monitor read: the period's value, the previous period's, and the trailing ones (oldest first). */
export interface MetricReading {
  value: number | null;
  previous: number | null;
  trailing: number[];
}

/** The outcome, with the numbers the insight states. */
export interface ConditionOutcome {
  fired: boolean;
  /** value − previous (null without both). */
  change: number | null;
  /** (value − previous) / previous (null without both or when previous is 0). */
  relativeChange: number | null;
  /** Anomaly only: the z-score, the trailing mean and standard deviation. */
  z?: number | null;
  mean?: number;
  sd?: number;
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1). */
export function sampleSd(values: number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * @example evaluateCondition({ type: 'change', direction: 'up', by: 0.5, unit: 'pp' }, { value: 0.12, previous: 0.11, trailing: [] })
 *   → fired (1 pp ≥ 0.5 pp)
 */
export function evaluateCondition(condition: MonitorCondition, reading: MetricReading): ConditionOutcome {
  const { value, previous } = reading;
  const change = value !== null && previous !== null ? value - previous : null;
  const relativeChange = change !== null && previous ? change / previous : null;
  const base = { change, relativeChange };
  switch (condition.type) {
    case 'always':
      return { ...base, fired: value !== null };
    case 'threshold':
      return {
        ...base,
        fired:
          value !== null && (condition.op === 'above' ? value > condition.value : value < condition.value),
      };
    case 'change': {
      const size =
        condition.unit === 'pp'
          ? change === null
            ? null
            : change * 100
          : relativeChange === null
            ? null
            : relativeChange * 100;
      if (size === null) return { ...base, fired: false };
      const directed =
        condition.direction === 'up' ? size : condition.direction === 'down' ? -size : Math.abs(size);
      return { ...base, fired: directed >= condition.by - 1e-9 };
    }
    case 'anomaly': {
      const trailing = reading.trailing;
      if (value === null || trailing.length < 3) return { ...base, fired: false, z: null };
      const m = mean(trailing);
      const sd = sampleSd(trailing);
      const z = sd === 0 ? (value === m ? 0 : Number.POSITIVE_INFINITY) : (value - m) / sd;
      return { ...base, fired: Math.abs(z) >= condition.z, z, mean: m, sd };
    }
  }
}
