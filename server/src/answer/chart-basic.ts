import { answerMessage } from './answer-messages.ts';
import {
  type ChartEncoder,
  categoryAxis,
  formattedField,
  heatmapBody,
  orderedLabels,
  PERIOD_FIELD,
  tooltipFor,
  valueAxis,
} from './chart-encoding.ts';
import { baselineLabel, columnFormat, columnLabel } from './result-shape.ts';

/** Encodings of the query-shaped charts: trend lines, bars, grouped bars and heatmaps. */

const SERIES = '_series';
const VALUE = '_value';
const VALUE_TEXT = '_value_text';

/** A trend: one line per series; with a comparison, the baseline as a dashed second line. */
export const lineChart: ChartEncoder<'line'> = (input, shape, rows) => {
  const { metric, previous, series, time } = shape;
  const format = columnFormat(input, metric);
  const x = {
    field: PERIOD_FIELD,
    type: 'ordinal',
    sort: orderedLabels(rows, PERIOD_FIELD),
    axis: categoryAxis(columnLabel(input, time)),
  };
  const y = {
    field: metric.name,
    type: 'quantitative',
    scale: { zero: false },
    axis: valueAxis(format, columnLabel(input, metric), input),
  };
  const point = { type: 'line', point: true, interpolate: 'monotone' };
  if (series) {
    return {
      values: rows,
      body: {
        mark: point,
        encoding: {
          x,
          y,
          color: { field: series.name, type: 'nominal', title: columnLabel(input, series) },
          tooltip: [tooltipFor(input, time), tooltipFor(input, series), tooltipFor(input, metric)],
        },
      },
    };
  }
  if (!previous) {
    return {
      values: rows,
      body: {
        mark: point,
        encoding: { x, y, tooltip: [tooltipFor(input, time), tooltipFor(input, metric)] },
      },
    };
  }
  // Long form: one row per period and series, so colour and dash come from one field.
  const current = answerMessage('chart.current', input.language);
  const baseline = baselineLabel(input.language, input.compare);
  const long = [
    ...rows.map((r) => ({
      ...r,
      [SERIES]: current,
      [VALUE]: r[metric.name],
      [VALUE_TEXT]: r[formattedField(metric.name)],
    })),
    ...rows.map((r) => ({
      ...r,
      [SERIES]: baseline,
      [VALUE]: r[previous.name],
      [VALUE_TEXT]: r[formattedField(previous.name)],
    })),
  ];
  const seriesScale = { domain: [current, baseline] };
  return {
    values: long,
    body: {
      mark: point,
      encoding: {
        x,
        y: { ...y, field: VALUE },
        color: { field: SERIES, type: 'nominal', title: null, scale: seriesScale },
        strokeDash: {
          field: SERIES,
          type: 'nominal',
          title: null,
          scale: {
            ...seriesScale,
            range: [
              [1, 0],
              [5, 4],
            ],
          },
        },
        tooltip: [
          tooltipFor(input, time),
          { field: SERIES, type: 'nominal', title: answerMessage('chart.series', input.language) },
          { field: VALUE_TEXT, type: 'nominal', title: columnLabel(input, metric) },
        ],
      },
    },
  };
};

/** A breakdown: bars sorted by value, descending; horizontal when there are many categories. */
export const barChart: ChartEncoder<'bar'> = (input, shape, rows) => {
  const { category, metric, horizontal } = shape;
  const value = {
    field: metric.name,
    type: 'quantitative',
    axis: valueAxis(columnFormat(input, metric), columnLabel(input, metric), input),
  };
  const cat = {
    field: category.name,
    type: 'nominal',
    sort: horizontal ? '-x' : '-y',
    axis: categoryAxis(columnLabel(input, category)),
  };
  const tooltip = [
    tooltipFor(input, category),
    ...input.columns
      .filter((c) => c.kind === 'metric' || c.kind === 'comparison')
      .map((c) => tooltipFor(input, c)),
  ];
  return {
    values: rows,
    body: {
      mark: { type: 'bar' },
      encoding: horizontal ? { y: cat, x: value, tooltip } : { x: cat, y: value, tooltip },
    },
  };
};

/** Two small categorical dimensions: bars grouped by the first, coloured by the second. */
export const groupedBarChart: ChartEncoder<'grouped_bar'> = (input, shape, rows) => {
  const { outer, inner, metric } = shape;
  return {
    values: rows,
    body: {
      mark: { type: 'bar' },
      encoding: {
        x: { field: outer.name, type: 'nominal', axis: categoryAxis(columnLabel(input, outer)) },
        xOffset: { field: inner.name, type: 'nominal' },
        y: {
          field: metric.name,
          type: 'quantitative',
          axis: valueAxis(columnFormat(input, metric), columnLabel(input, metric), input),
        },
        color: { field: inner.name, type: 'nominal', title: columnLabel(input, inner) },
        tooltip: [tooltipFor(input, outer), tooltipFor(input, inner), tooltipFor(input, metric)],
      },
    },
  };
};

/** Two dimensions with many categories: a heatmap of the metric. */
export const heatmapChart: ChartEncoder<'heatmap'> = (input, shape, rows) => {
  const { x, y, metric } = shape;
  return heatmapBody(input, rows, {
    x: { field: x.name, type: 'nominal', axis: categoryAxis(columnLabel(input, x)) },
    y: { field: y.name, type: 'nominal', axis: categoryAxis(columnLabel(input, y)) },
    metric,
    legendFormat: columnFormat(input, metric) === 'percent' ? '.0%' : ',~f',
    tooltip: [tooltipFor(input, x), tooltipFor(input, y), tooltipFor(input, metric)],
  });
};
