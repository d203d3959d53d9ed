/**
 * One firing's insight for one subscriber: a metric monitor (value, change, condition, attribution by the
 * decomposition or reasons analysis), the early-warning monitor (customers newly flagged per tier), or a
 * subscribed question (the chat pipeline's answer). Every read runs with the subscriber's attributes.
 */
import { AnalysisError } from '../analysis/analysis-contract.ts';
import { runAnalysis } from '../analysis/run-analysis.ts';
import { formatValue, relativeChange } from '../answer/format.ts';
import { rangeLabel } from '../answer/period-label.ts';
import type { ActiveModel } from '../models/model-registry.ts';
import { answerQuestion } from '../pipeline/answer-question.ts';
import type { InsightAttribution, InsightDraft } from './insight.ts';
import { conditionText, insightWords as w } from './insight-messages.ts';
import { evaluateCondition } from './monitor-conditions.ts';
import { type MetricMonitor, readMetric } from './read-metric.ts';
import { readWarnings, type WarningMonitor } from './read-warnings.ts';

type Lang = 'zh' | 'en';

/** Who the insight is for: their access and language, and what their subscription remembers. */
export interface Audience {
  attributes: Record<string, string[]> | undefined;
  language: Lang;
  state: Record<string, unknown>;
}

/** A metric monitor's insight. */
export async function metricInsight(
  active: ActiveModel,
  monitorId: string,
  monitor: MetricMonitor,
  audience: Audience,
): Promise<InsightDraft> {
  const { runtime } = active;
  const lang = audience.language;
  const label = monitor.label[lang];
  const read = await readMetric(runtime, monitor, audience.attributes, lang);
  if (!read.ok)
    return {
      kind: 'metric',
      fired: false,
      title: `${label}`,
      headline: w.noData(lang, read.message),
      lines: [],
      question: null,
      content: { monitorId, error: read.message },
    };
  const format = runtime.model.metrics[monitor.metric]?.format;
  const metricLabel = runtime.model.metrics[monitor.metric]?.label[lang] ?? monitor.metric;
  const outcome = evaluateCondition(monitor.condition, read.reading);
  const { value, previous } = read.reading;
  const fmt = (v: number | null) => formatValue(v, format as never, lang);
  const changeFmt = format === 'percent' ? 'percent_points' : format;
  const period = rangeLabel(read.period, lang);
  const lines: string[] = [];
  if (previous !== null && outcome.change !== null)
    lines.push(
      w.changeLine(
        lang,
        fmt(previous),
        signed(formatValue(outcome.change, changeFmt as never, lang), outcome.change),
        outcome.relativeChange === null ? null : relativeChange(outcome.relativeChange, lang),
      ),
    );
  if (monitor.condition.type === 'anomaly' && outcome.mean !== undefined)
    lines.push(w.anomalyLine(lang, fmt(outcome.mean), outcome.z == null ? '—' : outcome.z.toFixed(2)));
  lines.push(w.conditionLine(lang, conditionText(monitor.condition, format, lang), outcome.fired));

  let attribution: InsightAttribution | null = null;
  if (monitor.attribution !== 'none' && value !== null) {
    attribution = await attribute(active, monitor, audience, read.period).catch((error: unknown) => {
      const why = error instanceof AnalysisError ? error.message : String(error);
      lines.push(w.attributionFailed(lang, why));
      return null;
    });
    if (attribution) {
      lines.push(`${w.attribution(lang, attribution.intent)}: ${attribution.narrative}`);
      for (const p of attribution.parts) lines.push(`${p.label} ${p.value}`);
    }
  }
  const alert = monitor.condition.type !== 'always';
  return {
    kind: 'metric',
    fired: outcome.fired,
    title: `${alert ? (outcome.fired ? w.alert(lang) : w.report(lang)) : w.report(lang)} · ${label}`,
    headline: w.valueLine(lang, metricLabel, period, fmt(value)),
    lines,
    question: w.askWhyChanged(lang, metricLabel, filterWords(monitor), period),
    content: {
      monitorId,
      metric: monitor.metric,
      filters: monitor.filters,
      period: read.period,
      previousPeriod: read.previousPeriod,
      value,
      previous,
      change: outcome.change,
      relativeChange: outcome.relativeChange,
      ...(outcome.z !== undefined ? { z: outcome.z, mean: outcome.mean, sd: outcome.sd } : {}),
      condition: monitor.condition,
      fired: outcome.fired,
      attribution,
      attributes: audience.attributes ?? null,
    },
  };
}

const signed = (text: string, n: number) => (n > 0 && !text.startsWith('+') ? `+${text}` : text);

function filterWords(monitor: MetricMonitor): string {
  const values = monitor.filters.flatMap((f) => (f.op === 'in' ? f.values.map(String) : []));
  return values.length ? ` ${values.join('、')} ` : '';
}

/** The analysis behind the change, under the subscriber's access. */
async function attribute(
  active: ActiveModel,
  monitor: MetricMonitor,
  audience: Audience,
  period: { start: string; end: string },
): Promise<InsightAttribution> {
  const intent = monitor.attribution === 'reasons' ? 'reasons' : 'decomposition';
  const result = await runAnalysis(active.runtime, {
    intent,
    language: audience.language,
    attributes: audience.attributes,
    query: {
      model: active.runtime.model.id,
      metrics: [monitor.metric],
      dimensions: intent === 'decomposition' ? monitor.breakdown.slice(0, 1) : [],
      timeRange: period,
      filters: monitor.filters.map((f) => ({ member: f.member, op: f.op, values: f.values })),
      compare: 'previous_period',
    },
  });
  const p = result.presentation;
  const labelCol = p.columns.find((c) => c.kind === 'dimension');
  const valueCol = p.columns.find((c) => c.kind === 'metric');
  const parts =
    labelCol && valueCol
      ? p.rows.slice(0, 5).map((r) => ({
          label: String(r[labelCol.name] ?? '—'),
          value: formatValue(
            r[valueCol.name],
            (p.members[valueCol.member]?.format ?? 'number') as never,
            audience.language,
          ),
        }))
      : [];
  return {
    intent,
    dimension: typeof result.analysis.dimension === 'string' ? result.analysis.dimension : undefined,
    narrative: result.narrative ?? '',
    parts,
    detail: result.analysis,
  };
}

/** The early-warning monitor's insight: customers newly flagged per tier since the subscriber's last run. */
export async function warningInsight(
  active: ActiveModel,
  monitorId: string,
  monitor: WarningMonitor,
  audience: Audience,
): Promise<InsightDraft> {
  const lang = audience.language;
  const previous = (audience.state.flagged ?? {}) as Record<string, string[]>;
  const read = await readWarnings(active.runtime, monitor, audience.attributes, previous);
  if (!read.ok)
    return {
      kind: 'early_warning',
      fired: false,
      title: monitor.label[lang],
      headline: w.noData(lang, read.message),
      lines: [],
      question: null,
      content: { monitorId, error: read.message },
    };
  const total = read.rules.reduce((a, r) => a + r.added.length, 0);
  const lines = read.rules.map((r) =>
    w.ruleLine(
      lang,
      r.label[lang],
      r.added.length,
      r.flagged.length,
      Object.entries(r.addedByGroup)
        .sort((a, b) => b[1] - a[1])
        .map(([g, n]) => `${g} ${n}`)
        .join(w.groupSeparator(lang)),
    ),
  );
  return {
    kind: 'early_warning',
    fired: total > 0,
    title: `${total > 0 ? w.alert(lang) : w.report(lang)} · ${monitor.label[lang]}`,
    headline: w.newFlagged(lang, total),
    lines,
    question: w.askWarnings(lang),
    content: {
      monitorId,
      groupBy: monitor.group_by,
      rules: read.rules.map((r) => ({
        rule: r.rule,
        flagged: r.flagged.length,
        added: r.added.length,
        addedByGroup: r.addedByGroup,
        newCustomers: r.added.slice(0, 50),
      })),
      attributes: audience.attributes ?? null,
    },
    nextState: { flagged: Object.fromEntries(read.rules.map((r) => [r.rule, r.flagged])) },
  };
}

/** A subscribed question: the chat's answer with the subscriber's access. */
export async function questionInsight(
  active: ActiveModel,
  question: string,
  audience: Audience,
  conversationId: string,
): Promise<InsightDraft> {
  const lang = audience.language;
  const { answer } = await answerQuestion(
    { llm: null, runAnalysis },
    { active, turn: { question, language: lang }, conversationId, attributes: audience.attributes },
  );
  const lines = [...answer.interpretation.assumptions];
  const t = answer.table;
  if (t?.rows.length)
    for (const row of t.rows.slice(0, 8))
      lines.push(
        t.columns
          .map((c) =>
            c.type === 'number'
              ? formatValue(row[c.name], c.format as never, lang)
              : String(row[c.name] ?? '—'),
          )
          .join(' · '),
      );
  return {
    kind: 'question',
    fired: answer.kind === 'answer',
    title: w.questionTitle(lang, question),
    headline: answer.narrative,
    lines,
    question,
    content: {
      question,
      kind: answer.kind,
      intent: answer.interpretation.intent,
      attributes: audience.attributes ?? null,
    },
  };
}
