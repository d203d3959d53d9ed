import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { answerMessage } from './answer-messages.ts';
import type { ChartShape } from './chart-shape.ts';
import { formatValue, symbolOfCurrency, type ValueFormat } from './format.ts';
import { periodLabel } from './period-label.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnFormat, columnLabel, valueLabel } from './result-shape.ts';

/** Fonts that carry Chinese glyphs, in order of preference; the server renderer loads WenQuanYi. */
export const CJK_FONT_FAMILY =
  'Noto Sans CJK SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif';
/** Category labels longer than this many pixels are truncated with an ellipsis. */
export const CATEGORY_LABEL_LIMIT = 140;
/** Field carrying a time column's period label. */
export const PERIOD_FIELD = '_period';

/** The field carrying a column's formatted value (for tooltips). */
export function formattedField(name: string): string {
  return `_fmt_${name}`;
}

/**
 * The chart's data: dimension values replaced by their labels, the period label of the time column,
 * and each numeric column's formatted value beside its raw value; rows in time order.
 */
export function chartRows(input: PresentationInput): Record<string, unknown>[] {
  const time = input.columns.find((c) => c.kind === 'time');
  const rows = input.rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const c of input.columns) {
      const value = row[c.name];
      if (c.kind === 'dimension') {
        out[c.name] = typeof value === 'number' ? value : valueLabel(input, c.member, value);
      } else if (c.kind === 'time') {
        out[PERIOD_FIELD] = periodLabel(
          value,
          input.grain ?? (c.name === 'cohort' ? 'month' : undefined),
          input.language,
        );
      } else {
        out[c.name] = typeof value === 'string' ? Number(value) : value;
        out[formattedField(c.name)] = formatValue(value, columnFormat(input, c), input.language, {
          currency: input.currency,
        });
      }
    }
    return out;
  });
  if (time) rows.sort((a, b) => String(a[time.name]).localeCompare(String(b[time.name])));
  return rows;
}

function unitSuffix(format: ValueFormat | undefined, input: PresentationInput): string {
  if (format === 'hours' || format === 'days' || format === 'percent_points')
    return answerMessage(`unit.${format}`, input.language);
  return '';
}

/** A quantitative axis with number formats: ".1%" for percents, a currency prefix, grouped digits. */
export function valueAxis(
  format: ValueFormat | undefined,
  title: string,
  input: PresentationInput,
): Record<string, unknown> {
  const axis: Record<string, unknown> = { title: `${title}${unitSuffix(format, input)}` };
  if (format === 'percent') return { ...axis, format: '.1%' };
  if (format === 'percent_points') return { ...axis, labelExpr: "format(datum.value * 100, '.1f')" };
  if (format === 'currency_cny' || format === 'currency_usd' || format === 'currency') {
    const symbol = symbolOfCurrency(input.currency ?? (format === 'currency_usd' ? 'USD' : 'CNY')).replace(
      /'/g,
      '',
    );
    return {
      ...axis,
      format: ',~f',
      labelExpr: `(datum.value < 0 ? '-' : '') + '${symbol}' + format(abs(datum.value), ',~f')`,
    };
  }
  return { ...axis, format: ',~f' };
}

/** A category axis: horizontal labels (CJK reads badly rotated), truncated when long. */
export function categoryAxis(title: string): Record<string, unknown> {
  return { title, labelAngle: 0, labelLimit: CATEGORY_LABEL_LIMIT, labelOverlap: true };
}

/** A tooltip entry showing a column's label and its formatted value (or its label for categories). */
export function tooltipFor(input: PresentationInput, column: CompiledColumn): Record<string, unknown> {
  const title = columnLabel(input, column);
  if (column.kind === 'dimension') return { field: column.name, type: 'nominal', title };
  if (column.kind === 'time') return { field: PERIOD_FIELD, type: 'nominal', title };
  return { field: formattedField(column.name), type: 'nominal', title };
}

/** A chart's inline rows and the encodings that go in its spec (beside the common parts of `baseSpec`). */
export type ChartBody = { values: Record<string, unknown>[]; body: Record<string, unknown> };

/** Encodes one kind of chart shape. */
export type ChartEncoder<K extends ChartShape['kind']> = (
  input: PresentationInput,
  shape: Extract<ChartShape, { kind: K }>,
  rows: Record<string, unknown>[],
) => ChartBody;

/** A heatmap: rectangles on two categorical axes, coloured by the metric (blues), with its tooltip. */
export function heatmapBody(
  input: PresentationInput,
  rows: Record<string, unknown>[],
  cells: {
    x: Record<string, unknown>;
    y: Record<string, unknown>;
    metric: CompiledColumn;
    legendFormat: string;
    tooltip: Record<string, unknown>[];
  },
): ChartBody {
  const { x, y, metric, legendFormat, tooltip } = cells;
  return {
    values: rows,
    body: {
      mark: { type: 'rect' },
      encoding: {
        x,
        y,
        color: {
          field: metric.name,
          type: 'quantitative',
          title: columnLabel(input, metric),
          scale: { scheme: 'blues' },
          legend: { format: legendFormat },
        },
        tooltip,
      },
    },
  };
}

/** The labels of a column in a given row order, without repeats (an explicit axis order). */
export function orderedLabels(rows: Record<string, unknown>[], field: string): string[] {
  return [...new Set(rows.map((r) => String(r[field])))];
}

/** Wraps layers and encodings in the common spec: schema, size, inline data, CJK font. */
export function baseSpec(
  title: string,
  subtitle: string | undefined,
  values: Record<string, unknown>[],
  body: Record<string, unknown>,
  height = 300,
): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: subtitle ? { text: title, subtitle } : { text: title },
    width: 'container',
    height,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    ...body,
    config: {
      font: CJK_FONT_FAMILY,
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 12 },
      legend: { labelLimit: CATEGORY_LABEL_LIMIT },
    },
  };
}
