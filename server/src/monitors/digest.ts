/**
 * The weekly review of one user (subscription `monitor_id = weekly_digest`): headline KPIs of the last
 * complete period with their change, the biggest mover explained (its decomposition), the high-value
 * customers newly at risk since the last review, and the warnings to follow up — all with the user's
 * own row-level access.
 */
import { formatValue, relativeChange } from '../answer/format.ts';
import { rangeLabel } from '../answer/period-label.ts';
import { type MyTasks, myTasksLines } from '../campaigns/my-tasks.ts';
import type { ActiveModel } from '../models/model-registry.ts';
import { type Audience, metricInsight, warningInsight } from './evaluate-monitor.ts';
import type { InsightDraft } from './insight.ts';
import { insightWords as w } from './insight-messages.ts';
import { type MetricMonitor, readMetric } from './read-metric.ts';
import type { WarningMonitor } from './read-warnings.ts';

/** The subscription subject of the weekly review (not a monitors.yaml id). */
export const WEEKLY_DIGEST = 'weekly_digest';

/** KPIs of the review, when the model has them. */
const KPIS = ['churn_rate', 'active_customers', 'revenue', 'orders'];

const kpiMonitor = (metric: string): MetricMonitor => ({
  kind: 'metric',
  label: { zh: metric, en: metric },
  metric,
  filters: [],
  breakdown: [],
  period: 'month',
  condition: { type: 'always' },
  attribution: 'none',
  schedule: { cron: '0 9 * * 1' },
  owner: 'system',
});

/** `tasks`: the subscriber's "我的待办" (campaigns/my-tasks.ts), shown when given. */
export async function weeklyDigest(
  active: ActiveModel,
  audience: Audience,
  tasks?: MyTasks,
): Promise<InsightDraft> {
  const { runtime } = active;
  const lang = audience.language;
  const lines: string[] = [];
  const kpis: Record<string, unknown>[] = [];
  let period = '';
  let mover: { metric: string; size: number } | null = null;
  for (const metric of KPIS.filter((m) => runtime.model.metrics[m])) {
    const read = await readMetric(runtime, kpiMonitor(metric), audience.attributes, lang);
    if (!read.ok) continue;
    const { value, previous } = read.reading;
    period = rangeLabel(read.period, lang);
    const format = runtime.model.metrics[metric]?.format;
    const change = value !== null && previous !== null ? value - previous : null;
    const rel = change !== null && previous ? change / previous : null;
    kpis.push({ metric, value, previous, change, relativeChange: rel });
    const label = runtime.model.metrics[metric]!.label[lang];
    lines.push(
      `${label} ${formatValue(value, format as never, lang)}${rel === null ? '' : ` (${relativeChange(rel, lang)})`}`,
    );
    if (rel !== null && (!mover || Math.abs(rel) > mover.size)) mover = { metric, size: Math.abs(rel) };
  }
  let moverInsight: InsightDraft | null = null;
  if (mover && runtime.model.metrics[mover.metric]?.type === 'ratio') {
    moverInsight = await metricInsight(
      active,
      WEEKLY_DIGEST,
      { ...kpiMonitor(mover.metric), attribution: 'decomposition' },
      audience,
    );
    const explained = moverInsight.lines.find((l) => l.startsWith(w.attribution(lang, 'decomposition')));
    if (explained) lines.push(`${w.movers(lang)}: ${explained}`);
  } else if (mover) {
    lines.push(`${w.movers(lang)}: ${runtime.model.metrics[mover.metric]!.label[lang]}`);
  }
  const warnings: WarningMonitor = {
    kind: 'early_warning',
    label: { zh: '预警', en: 'Warnings' },
    rules: [],
    group_by: 'region',
    schedule: { cron: '0 9 * * 1' },
    owner: 'system',
  };
  const flagged = runtime.model.dimensions.region
    ? await warningInsight(active, WEEKLY_DIGEST, warnings, audience)
    : null;
  const rules = (flagged?.content.rules ?? []) as { rule: string; added: number; flagged: number }[];
  const highValue = rules.find((r) => r.rule === 'inactive_high_value')?.added ?? 0;
  lines.push(w.atRiskHigh(lang, highValue));
  lines.push(
    w.tasksDue(
      lang,
      rules.reduce((a, r) => a + r.added, 0),
    ),
  );
  if (tasks) lines.push(...myTasksLines(tasks, lang));
  return {
    kind: 'digest',
    fired: true,
    title: w.digestTitle(lang, period),
    headline: lines[0] ?? '',
    lines: lines.slice(1),
    question: lang === 'zh' ? '上月流失率为什么变化？' : 'Why did the churn rate change last month?',
    content: {
      kpis,
      mover: mover?.metric ?? null,
      attribution: moverInsight?.content.attribution ?? null,
      highValueAtRisk: highValue,
      rules,
      myTasks: tasks ? { open: tasks.open, overdue: tasks.overdue, today: tasks.today } : null,
      attributes: audience.attributes ?? null,
    },
    nextState: flagged?.nextState,
  };
}
