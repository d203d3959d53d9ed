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
import { formatValue, toNumber } from './format.ts';
import { columnLabel, memberLabel } from './result-shape.ts';

/** Encodings of the analysis charts: key drivers, rate-change waterfall, cohort retention. */

/** Key drivers: relative risk per factor as horizontal bars, the confidence interval as a rule, 1 marked. */
export const driversChart: ChartEncoder<'drivers'> = (input, shape, rows) => {
  const { label, rr, low, high } = shape;
  const labelField = label.kind === 'time' ? PERIOD_FIELD : label.name;
  const sorted = [...rows].sort((a, b) => (toNumber(b[rr]) ?? 0) - (toNumber(a[rr]) ?? 0));
  const y = {
    field: labelField,
    type: 'nominal',
    sort: orderedLabels(sorted, labelField),
    axis: categoryAxis(columnLabel(input, label)),
  };
  const interval = answerMessage('chart.interval', input.language);
  const withInterval = sorted.map((r) => ({
    ...r,
    _interval: `${formatValue(r[low], 'number', input.language)} – ${formatValue(r[high], 'number', input.language)}`,
  }));
  const tooltip = [
    { field: labelField, type: 'nominal', title: columnLabel(input, label) },
    { field: formattedField(rr), type: 'nominal', title: memberLabel(input, rr) },
    { field: '_interval', type: 'nominal', title: interval },
  ];
  return {
    values: withInterval,
    body: {
      layer: [
        {
          mark: { type: 'bar', opacity: 0.8 },
          encoding: {
            y,
            x: { field: rr, type: 'quantitative', axis: valueAxis('number', memberLabel(input, rr), input) },
            tooltip,
          },
        },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: low, type: 'quantitative' }, x2: { field: high } },
        },
        { mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, encoding: { x: { datum: 1 } } },
      ],
    },
  };
};

/**
 * A change in a rate decomposed by segment: each segment's total contribution floats from where the
 * previous one ended, and a last bar shows the sum. Values are rate differences (percent points).
 */
export const waterfallChart: ChartEncoder<'waterfall'> = (input, shape, rows) => {
  const { segment, total, mix, rate } = shape;
  const kinds = (['chart.increase', 'chart.decrease', 'chart.total'] as const).map((id) =>
    answerMessage(id, input.language),
  );
  const fmt = (v: unknown) => formatValue(v, 'percent_points', input.language);
  let running = 0;
  const steps = rows.map((r) => {
    const value = toNumber(r[total]) ?? 0;
    const step = {
      _label: String(r[segment.name]),
      _start: running,
      _end: running + value,
      _kind: value >= 0 ? kinds[0] : kinds[1],
      _total_text: fmt(value),
      _mix_text: mix ? fmt(r[mix]) : '',
      _rate_text: rate ? fmt(r[rate]) : '',
    };
    running += value;
    return step;
  });
  steps.push({
    _label: kinds[2]!,
    _start: 0,
    _end: running,
    _kind: kinds[2]!,
    _total_text: fmt(running),
    _mix_text: '',
    _rate_text: '',
  });
  const tooltip = [
    { field: '_label', type: 'nominal', title: columnLabel(input, segment) },
    { field: '_total_text', type: 'nominal', title: memberLabel(input, total) },
    ...(mix ? [{ field: '_mix_text', type: 'nominal', title: memberLabel(input, mix) }] : []),
    ...(rate ? [{ field: '_rate_text', type: 'nominal', title: memberLabel(input, rate) }] : []),
  ];
  return {
    values: steps,
    body: {
      mark: { type: 'bar' },
      encoding: {
        x: {
          field: '_label',
          type: 'nominal',
          sort: steps.map((s) => s._label),
          axis: categoryAxis(columnLabel(input, segment)),
        },
        y: {
          field: '_start',
          type: 'quantitative',
          axis: valueAxis('percent_points', answerMessage('chart.contribution', input.language), input),
        },
        y2: { field: '_end' },
        color: {
          field: '_kind',
          type: 'nominal',
          title: null,
          scale: { domain: kinds, range: ['#d1495b', '#2e86ab', '#6c757d'] },
        },
        tooltip,
      },
    },
  };
};

/** Cohort retention: a heatmap of cohort (rows) by periods since the start (columns). */
export const cohortsChart: ChartEncoder<'cohorts'> = (input, shape, rows) => {
  const { cohort, period, metric } = shape;
  return heatmapBody(input, rows, {
    x: { field: period.name, type: 'ordinal', axis: categoryAxis(columnLabel(input, period)) },
    y: {
      field: PERIOD_FIELD,
      type: 'ordinal',
      sort: orderedLabels(rows, PERIOD_FIELD),
      axis: categoryAxis(columnLabel(input, cohort)),
    },
    metric,
    legendFormat: '.0%',
    tooltip: [tooltipFor(input, cohort), tooltipFor(input, period), tooltipFor(input, metric)],
  });
};
