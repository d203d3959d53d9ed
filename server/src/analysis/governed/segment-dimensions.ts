import { findJoinPath, joinEdges } from '../../../../semantic-layer/src/join-graph.ts';
import type { DimensionDef, SemanticModel } from '../../../../semantic-layer/src/model.ts';
import { measureOf, metricDependencies } from '../../../../semantic-layer/src/model.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';

/** The sources a metric's measures are read from (a ratio: its numerator's and denominator's). */
export function metricSources(model: SemanticModel, metricId: string): string[] {
  const m = model.metrics[metricId];
  if (!m) return [];
  if (m.type === 'simple') {
    const measure = measureOf(model, m.measure);
    return measure ? [measure.source] : [];
  }
  if (m.type === 'cohort_retention') return [m.cohort_source];
  return [...new Set(metricDependencies(m).flatMap((id) => metricSources(model, id)))];
}

/** The measures behind a metric (through ratios and derived metrics). */
function leafMeasures(model: SemanticModel, metricId: string): NonNullable<ReturnType<typeof measureOf>>[] {
  const m = model.metrics[metricId];
  if (!m) return [];
  if (m.type === 'simple') {
    const measure = measureOf(model, m.measure);
    return measure ? [measure] : [];
  }
  return metricDependencies(m).flatMap((id) => leafMeasures(model, id));
}

/**
 * True when a metric does not change over time (label churn such as IBM Telco: no period, no
 * snapshots), so any attribute of the customer describes them as the metric does.
 */
export function isTimeless(model: SemanticModel, metricId: string): boolean {
  const measures = leafMeasures(model, metricId);
  return (
    measures.length > 0 &&
    measures.every(
      (m) => !m.at && !(m.time ?? model.sources[m.source]?.time) && !model.sources[m.source]?.validity,
    )
  );
}

/** How many values a dimension takes (indexed values for categoricals, bands, 2 for booleans). */
export function valueCount(runtime: ModelRuntime, d: DimensionDef): number {
  if (d.type === 'boolean') return 2;
  if (d.type === 'numeric_band') return d.bands?.length ?? 0;
  return runtime.catalog.dimensions.find((c) => c.id === d.id)?.values.length ?? 0;
}

/**
 * Dimensions that describe a customer segment for `metricId`, as they were when the metric was
 * measured: either an alternate column on the metric's own (point-in-time) source, or an attribute of
 * the entity reached by many-to-one joins only. Snapshot columns reached through a one-to-one join
 * (today's value tier, lifecycle stage…) are left out, because for a past period they would describe
 * the customer after the outcome. For a timeless metric (label churn) any join that does not fan out
 * will do. Only indexed categorical, banded and boolean dimensions with 2..`maxValues` values qualify.
 * Tags (tags.yaml) are left out: each combines attributes that are tried one by one already, and a
 * predictive tag is read from the risk score, which measures the outcome itself.
 */
export function segmentDimensions(
  runtime: ModelRuntime,
  metricId: string,
  opts: { maxValues: number; types?: DimensionDef['type'][] },
): DimensionDef[] {
  const model = runtime.model;
  const sources = metricSources(model, metricId);
  if (!sources.length) return [];
  const edges = joinEdges(model);
  const types = opts.types ?? ['categorical', 'numeric_band', 'boolean'];
  const timeless = isTimeless(model, metricId);
  return Object.values(model.dimensions).filter((d) => {
    if (d.tag || !types.includes(d.type) || !d.index_values) return false;
    const n = valueCount(runtime, d);
    if (n < 2 || n > opts.maxValues) return false;
    return sources.every((src) => {
      if (d.alternates.some((a) => a.source === src)) return true;
      const path = findJoinPath(model, src, d.source, edges);
      if (!path) return false;
      if (timeless) return !path.fansOut;
      return path.steps.length > 0 && path.steps.every((s) => s.relationship === 'many_to_one');
    });
  });
}
