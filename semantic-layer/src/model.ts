import type { z } from 'zod';
import type {
  ChurnConfig,
  DimensionSchema,
  MetricDefinition,
  ModelFileSchema,
  MonitorDefinition,
  PlaybookFileSchema,
  SourceSchema,
} from './definition/schema.ts';

/** A loaded, validated semantic model: plain data, never mutated after load. */
export interface SemanticModel {
  id: string;
  label: { zh: string; en: string };
  description: { zh: string; en: string };
  timezone: string;
  /** ISO 4217 code. */
  currency: string;
  asOf: z.infer<typeof ModelFileSchema>['as_of'];
  defaultMetric: string;
  rowLevelSecurity: { attribute: string; dimension: string }[];
  /** Dimension paths a click drills along (region → city). */
  drillPaths: string[][];
  sources: Record<string, SourceDef>;
  dimensions: Record<string, DimensionDef>;
  metrics: Record<string, MetricDef>;
  /** Measure id → the source that defines it. */
  measureSources: Record<string, string>;
  churn: ChurnConfig;
  playbook: z.infer<typeof PlaybookFileSchema>['playbook'];
  /** Governed monitors (monitors.yaml, optional): id → definition. */
  monitors: Record<string, MonitorDefinition>;
  /** Content hash of the definition files: the model version. */
  version: string;
  /** The YAML texts it was loaded from, by path relative to the model folder. */
  files: Record<string, string>;
}

export type SourceDef = z.infer<typeof SourceSchema> & { id: string };
export type MeasureDef = SourceDef['measures'][string] & { id: string; source: string };
export type DimensionDef = z.infer<typeof DimensionSchema> & { id: string };
export type MetricDef = MetricDefinition & { id: string };

/** The measure behind a measure id. */
export function measureOf(model: SemanticModel, measureId: string): MeasureDef | undefined {
  const source = model.measureSources[measureId];
  if (!source) return undefined;
  const m = model.sources[source]?.measures[measureId];
  return m ? { ...m, id: measureId, source } : undefined;
}

/** Ids of metrics a metric directly depends on, each once, in order of appearance. */
export function metricDependencies(metric: MetricDef): string[] {
  switch (metric.type) {
    case 'ratio':
      return [...new Set([metric.numerator, metric.denominator])];
    case 'derived':
      return [...new Set([...metric.expr.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]!))];
    case 'cumulative':
    case 'period_over_period':
      return [metric.metric];
    default:
      return [];
  }
}
