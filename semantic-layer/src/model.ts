import type { z } from 'zod';
import type { TagDef } from './definition/compile-tags.ts';
import type { RollupDefinition } from './definition/rollups-schema.ts';
import type {
  CalendarEventSchema,
  ChurnConfig,
  DimensionSchema,
  MetricDefinition,
  ModelFileSchema,
  MonitorDefinition,
  PlaybookFileSchema,
  SourceSchema,
} from './definition/schema.ts';
import type { TagKind } from './definition/tags-schema.ts';

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
  /** Words naming the model's business ("电信", "telco"). */
  synonyms: { zh: string[]; en: string[] };
  /** The business calendar (model.yaml `calendar`): id → named event. */
  calendar: Record<string, z.infer<typeof CalendarEventSchema>>;
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
  /** Customer tags (tags.yaml, optional): id → definition; each is also the boolean dimension of that id. */
  tags: Record<string, TagDef>;
  /** Rollups (rollups.yaml, optional): id → summary tables the compiler may answer from. */
  rollups: Record<string, RollupDefinition>;
  /** Content hash of the definition files: the model version. */
  version: string;
  /** The YAML texts it was loaded from, by path relative to the model folder. */
  files: Record<string, string>;
}

export type SourceDef = z.infer<typeof SourceSchema> & { id: string };
export type MeasureDef = SourceDef['measures'][string] & { id: string; source: string };
/** `tag`: set on the boolean dimension a tag compiles to (definition/compile-tags.ts). */
export type DimensionDef = z.infer<typeof DimensionSchema> & { id: string; tag?: TagKind };
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
