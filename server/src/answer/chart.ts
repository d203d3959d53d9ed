import { answerMessage } from './answer-messages.ts';
import { cohortsChart, driversChart, waterfallChart } from './chart-analysis.ts';
import { barChart, groupedBarChart, heatmapChart, lineChart } from './chart-basic.ts';
import { baseSpec, type ChartEncoder, chartRows } from './chart-encoding.ts';
import { type ChartShape, chartShape } from './chart-shape.ts';
import { rangeLabel } from './period-label.ts';
import type { PresentationInput, VegaLiteSpec } from './presentation-input.ts';
import { columnLabel, memberLabel, resultShape } from './result-shape.ts';

/** A label inside an English title reads in lower case ("Churn rate by region"). */
const inTitle = (label: string, lang: PresentationInput['language']) =>
  lang === 'en' ? label.toLowerCase() : label;

function chartTitle(input: PresentationInput, shape: ChartShape): string {
  const lang = input.language;
  const { metrics, dimensions } = resultShape(input.columns);
  const metric = metrics[0] ? memberLabel(input, metrics[0].member) : '';
  switch (shape.kind) {
    case 'drivers':
      return answerMessage('chart.title.drivers', lang);
    case 'waterfall':
      return answerMessage('chart.title.decomposition', lang, {
        segment: inTitle(columnLabel(input, shape.segment), lang),
      });
    case 'cohorts':
      return columnLabel(input, shape.metric);
    case 'line':
      if (!shape.series) return answerMessage('chart.title.trend', lang, { metric });
  }
  const by = dimensions.map((d) => columnLabel(input, d));
  if (!by.length) return metric;
  const separator = answerMessage('chart.title.by_separator', lang);
  return answerMessage('chart.title.by', lang, { metric, by: inTitle(by.join(separator), lang) });
}

/** The encoder of each chart shape. */
const ENCODERS: { [K in ChartShape['kind']]: ChartEncoder<K> } = {
  line: lineChart,
  bar: barChart,
  grouped_bar: groupedBarChart,
  heatmap: heatmapChart,
  drivers: driversChart,
  waterfall: waterfallChart,
  cohorts: cohortsChart,
};

/**
 * The chart of a result: a pure function of its columns, intent and rows (which it inlines, labelled).
 * Returns null when a chart would add nothing (no rows, a single value, a list of customers).
 * Titles, axes and tooltips are in the question's language; the font list carries CJK glyphs.
 */
export function chartFor(input: PresentationInput): VegaLiteSpec | null {
  const shape = chartShape(input);
  if (!shape) return null;
  const rows = chartRows(input);
  const built = (ENCODERS[shape.kind] as ChartEncoder<typeof shape.kind>)(input, shape, rows);
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
