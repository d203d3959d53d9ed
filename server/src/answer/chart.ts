import { cohortsChart, driversChart, waterfallChart } from './chart-analysis.ts';
import { barChart, groupedBarChart, heatmapChart, lineChart } from './chart-basic.ts';
import { baseSpec, chartRows } from './chart-encoding.ts';
import { type ChartShape, chartShape } from './chart-shape.ts';
import { rangeLabel } from './period-label.ts';
import type { PresentationInput, VegaLiteSpec } from './presentation-input.ts';
import { columnLabel, memberLabel, resultShape } from './result-shape.ts';

function chartTitle(input: PresentationInput, shape: ChartShape): string {
  const zh = input.language === 'zh';
  const { metrics, dimensions } = resultShape(input.columns);
  const metric = metrics[0] ? memberLabel(input, metrics[0].member) : '';
  switch (shape.kind) {
    case 'drivers':
      return zh ? '流失关键因素（相对风险）' : 'Key drivers (relative risk)';
    case 'waterfall':
      return zh
        ? `变化分解 · 按${columnLabel(input, shape.segment)}`
        : `Change decomposition by ${columnLabel(input, shape.segment).toLowerCase()}`;
    case 'cohorts':
      return columnLabel(input, shape.metric);
    case 'line':
      if (!shape.series) return zh ? `${metric}趋势` : `${metric} trend`;
  }
  const by = dimensions.map((d) => columnLabel(input, d));
  if (!by.length) return metric;
  return zh ? `${metric} · 按${by.join('、')}` : `${metric} by ${by.join(' and ').toLowerCase()}`;
}

/**
 * The chart of a result: a pure function of its columns, intent and rows (which it inlines, labelled).
 * Returns null when a chart would add nothing (no rows, a single value, a list of customers).
 * Titles, axes and tooltips are in the question's language; the font list carries CJK glyphs.
 */
export function chartFor(input: PresentationInput): VegaLiteSpec | null {
  const shape = chartShape(input);
  if (!shape) return null;
  const rows = chartRows(input);
  const built = (() => {
    switch (shape.kind) {
      case 'line':
        return lineChart(input, shape, rows);
      case 'bar':
        return barChart(input, shape, rows);
      case 'grouped_bar':
        return groupedBarChart(input, shape, rows);
      case 'heatmap':
        return heatmapChart(input, shape, rows);
      case 'drivers':
        return driversChart(input, shape, rows);
      case 'waterfall':
        return waterfallChart(input, shape, rows);
      case 'cohorts':
        return cohortsChart(input, shape, rows);
    }
  })();
  const categories = new Set(
    rows.map((r) => JSON.stringify(r[shape.kind === 'bar' ? shape.category.name : ''])),
  );
  // Horizontal bars grow with their categories so labels never collide.
  const height =
    (shape.kind === 'bar' && shape.horizontal) || shape.kind === 'drivers'
      ? Math.max(200, Math.min(900, (shape.kind === 'drivers' ? rows.length : categories.size) * 24))
      : 300;
  const subtitle = input.timeRange ? rangeLabel(input.timeRange, input.language) : undefined;
  return baseSpec(chartTitle(input, shape), subtitle, built.values, built.body, height);
}
