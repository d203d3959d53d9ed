import { answerMessage } from './answer-messages.ts';
import { formatValue, toNumber } from './format.ts';
import { listText, rankedRows, rowLabel } from './narrative-words.ts';
import type { PresentationInput } from './presentation-input.ts';
import { columnLabel, resultShape } from './result-shape.ts';

/** Narratives of analysis results (key drivers, rate-change decomposition, cohorts). */

function signedPoints(input: PresentationInput, value: number): string {
  const text = formatValue(value, 'percent_points', input.language);
  return value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** Key drivers: the factors with the highest relative risk and their intervals. */
export function driversNarrative(input: PresentationInput): string {
  const lang = input.language;
  const { dimensions, time } = resultShape(input.columns);
  const label = dimensions[0] ?? time;
  const ranked = rankedRows(input.rows, 'rr');
  if (!label || ranked.length === 0) return answerMessage('narrative.no_drivers', input.language);
  const n = (v: unknown) => formatValue(v, 'number', input.language);
  const top = ranked[0]!;
  const ci = `${n(top.rr_low)}–${n(top.rr_high)}`;
  const others = ranked
    .slice(1, 3)
    .map((r) => answerMessage('reasons.item', lang, { name: rowLabel(input, label, r), value: n(r.rr) }));
  const rest = others.length ? answerMessage('reasons.rest', lang, { items: listText(others, lang) }) : '';
  return answerMessage('drivers.narrative', lang, {
    head: rowLabel(input, label, top),
    rr: n(top.rr),
    ci,
    rest,
  });
}

/** A rate change split into mix and rate effects: the total, the two effects, the largest segment. */
export function decompositionNarrative(input: PresentationInput): string {
  const lang = input.language;
  const segment = input.columns.find((c) => c.name === 'segment');
  const sum = (field: string) => input.rows.reduce((s, r) => s + (toNumber(r[field]) ?? 0), 0);
  const total = sum('total');
  const largest = [...input.rows].sort(
    (a, b) => Math.abs(toNumber(b.total) ?? 0) - Math.abs(toNumber(a.total) ?? 0),
  )[0];
  const hasEffects =
    input.columns.some((c) => c.name === 'mix') && input.columns.some((c) => c.name === 'rate');
  const effects = hasEffects
    ? answerMessage('decomposition.effects', lang, {
        mix: signedPoints(input, sum('mix')),
        rate: signedPoints(input, sum('rate')),
      })
    : '';
  const lead =
    largest && segment
      ? answerMessage('decomposition.largest', lang, {
          segment: columnLabel(input, segment),
          name: rowLabel(input, segment, largest),
          value: signedPoints(input, toNumber(largest.total) ?? 0),
        })
      : '';
  return answerMessage('decomposition.narrative', lang, { total: signedPoints(input, total), effects, lead });
}

/** Cohorts: how many, and the spread of the metric one period after the start. */
export function cohortsNarrative(input: PresentationInput): string {
  const cohort = input.columns.find((c) => c.name === 'cohort');
  const metric = [...resultShape(input.columns).metrics]
    .reverse()
    .find((m) => m.name !== 'cohort_size' && m.name !== 'retained');
  if (!cohort || !metric) return '';
  const count = new Set(input.rows.map((r) => String(r.cohort))).size;
  const first = rankedRows(
    input.rows.filter((r) => toNumber(r.period_number) === 1),
    metric.name,
  );
  const head = answerMessage('narrative.cohorts', input.language, { count });
  if (first.length < 2) return head;
  const fmt = (r: Record<string, unknown>) => formatValue(r[metric.name], 'percent', input.language);
  const who = (r: Record<string, unknown>) =>
    rowLabel({ ...input, grain: input.grain ?? 'month' }, cohort, r);
  const top = first[0]!;
  const bottom = first[first.length - 1]!;
  const metricLabel = columnLabel(input, metric);
  return answerMessage('cohorts.spread', input.language, {
    head,
    metric: metricLabel,
    metric_lower: metricLabel.toLowerCase(),
    top: who(top),
    topValue: fmt(top),
    bottom: who(bottom),
    bottomValue: fmt(bottom),
  });
}
