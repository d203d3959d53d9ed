import {
  categoryAxis,
  formattedField,
  orderedLabels,
  PERIOD_FIELD,
  tooltipFor,
  valueAxis,
} from './chart-encoding.ts';
import type { ChartShape } from './chart-shape.ts';
import { formatValue, toNumber } from './format.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnLabel, memberLabel } from './result-shape.ts';

/** Encodings of the analysis charts: key drivers, rate-change waterfall, cohort retention. */

type Body = { values: Record<string, unknown>[]; body: Record<string, unknown> };

/** Key drivers: relative risk per factor as horizontal bars, the confidence interval as a rule, 1 marked. */
export function driversChart(
  input: PresentationInput,
  shape: Extract<ChartShape, { kind: 'drivers' }>,
  rows: Record<string, unknown>[],
): Body {
  const { label, rr, low, high } = shape;
  const labelField = label.kind === 'time' ? PERIOD_FIELD : label.name;
  const sorted = [...rows].sort((a, b) => (toNumber(b[rr]) ?? 0) - (toNumber(a[rr]) ?? 0));
  const y = {
    field: labelField,
    type: 'nominal',
    sort: orderedLabels(sorted, labelField),
    axis: categoryAxis(columnLabel(input, label)),
  };
  const interval = input.language === 'zh' ? '95% 置信区间' : '95% CI';
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
}

/**
 * A change in a rate decomposed by segment: each segment's total contribution floats from where the
 * previous one ended, and a last bar shows the sum. Values are rate differences (percent points).
 */
export function waterfallChart(
  input: PresentationInput,
  shape: Extract<ChartShape, { kind: 'waterfall' }>,
  rows: Record<string, unknown>[],
): Body {
  const zh = input.language === 'zh';
  const { segment, total, mix, rate } = shape;
  const kinds = zh ? ['增加', '减少', '合计'] : ['Increase', 'Decrease', 'Total'];
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
          axis: valueAxis('percent_points', zh ? '对变化的贡献' : 'Contribution to the change', input),
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
}

/** Cohort retention: a heatmap of cohort (rows) by periods since the start (columns). */
export function cohortsChart(
  input: PresentationInput,
  shape: Extract<ChartShape, { kind: 'cohorts' }>,
  rows: Record<string, unknown>[],
): Body {
  const { cohort, period, metric } = shape;
  return {
    values: rows,
    body: {
      mark: { type: 'rect' },
      encoding: {
        x: { field: period.name, type: 'ordinal', axis: categoryAxis(columnLabel(input, period)) },
        y: {
          field: PERIOD_FIELD,
          type: 'ordinal',
          sort: orderedLabels(rows, PERIOD_FIELD),
          axis: categoryAxis(columnLabel(input, cohort)),
        },
        color: {
          field: metric.name,
          type: 'quantitative',
          title: columnLabel(input, metric),
          scale: { scheme: 'blues' },
          legend: { format: '.0%' },
        },
        tooltip: [tooltipFor(input, cohort), tooltipFor(input, period), tooltipFor(input, metric)],
      },
    },
  };
}
