/**
 * `campaign_outcomes`: "挽回活动效果怎么样?", "哪个渠道的挽回效果最好?", "上个月的关怀短信有用吗?". From the
 * governed metrics over `communications` (customers contacted and customers who returned or were saved,
 * by experiment group; messaging cost), per campaign — or per message channel or action when the
 * question groups by them — the treatment and control rates, the uplift (treatment − control) with a
 * 95% interval (unpooled SE), a two-proportion z-test (pooled SE) and the cost per retained customer
 * (cost of the treatment arm ÷ the customers the uplift retained). One compiled query under the user's
 * row-level security.
 */
import type { CompiledColumn } from '../../../../semantic-layer/src/compile/compile-query.ts';
import type { PresentationInput, PresentedMember } from '../../answer/presentation-input.ts';
import { AnalysisError, type RunAnalysis } from '../analysis-contract.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext, analysisResult } from '../governed/analysis-context.ts';
import { hasMembers, readGoverned } from '../risk/governed-read.ts';
import { twoProportionZTest } from '../stats/index.ts';
import { outcomesNarrative } from './outcomes-narrative.ts';

/** Groupings an outcome question can ask for; channel words of other dimensions mean the message channel. */
const GROUPINGS = ['campaign', 'message_channel', 'retention_action'] as const;
type Grouping = (typeof GROUPINGS)[number];
const CHANNEL_WORDS = new Set(['acquisition_channel', 'sales_channel', 'message_channel']);
const METRICS = ['contacted_customers', 'action_returned_customers', 'campaign_cost'] as const;

/** One group's measured effect. */
export interface GroupOutcome {
  group: string;
  treated: { customers: number; returned: number; rate: number };
  control: { customers: number; returned: number; rate: number } | null;
  uplift: number | null;
  interval: { lower: number; upper: number } | null;
  pValue: number | null;
  cost: number;
  /** Customers the uplift retained (uplift × treated customers); null without a positive uplift. */
  retainedByCampaign: number | null;
  costPerRetained: number | null;
}

function grouping(dimensions: readonly string[]): Grouping {
  for (const d of dimensions) {
    if (CHANNEL_WORDS.has(d)) return 'message_channel';
    if ((GROUPINGS as readonly string[]).includes(d)) return d as Grouping;
  }
  return 'campaign';
}

/** Treated and control arms per group → outcomes (groups without treated customers are left out). */
export function groupOutcomes(rows: Record<string, unknown>[], by: string): GroupOutcome[] {
  const groups = new Map<
    string,
    { treated?: [number, number, number]; control?: [number, number, number] }
  >();
  for (const row of rows) {
    const key = row[by];
    if (key === null || key === undefined) continue;
    const entry = groups.get(String(key)) ?? {};
    const arm: [number, number, number] = [
      Number(row.contacted_customers) || 0,
      Number(row.action_returned_customers) || 0,
      Number(row.campaign_cost) || 0,
    ];
    if (row.message_group === 'control') entry.control = arm;
    else entry.treated = arm;
    groups.set(String(key), entry);
  }
  const out: GroupOutcome[] = [];
  for (const [group, { treated, control }] of groups) {
    if (!treated || treated[0] === 0) continue;
    const t = { customers: treated[0], returned: treated[1], rate: treated[1] / treated[0] };
    const c =
      control && control[0] > 0
        ? { customers: control[0], returned: control[1], rate: control[1] / control[0] }
        : null;
    const test = c ? twoProportionZTest(t.returned, t.customers, c.returned, c.customers) : null;
    const uplift = c ? t.rate - c.rate : null;
    const interval = test?.ok ? test.value.differenceInterval : null;
    const retained = uplift !== null && uplift > 0 ? uplift * t.customers : null;
    out.push({
      group,
      treated: t,
      control: c,
      uplift,
      interval: interval ? { lower: interval.lower, upper: interval.upper } : null,
      pValue: test?.ok ? test.value.pValue : null,
      cost: treated[2],
      retainedByCampaign: retained,
      costPerRetained: retained ? treated[2] / retained : null,
    });
  }
  return out;
}

const dim = (name: string): CompiledColumn => ({ name, kind: 'dimension', member: name });
const metric = (name: string): CompiledColumn => ({ name, kind: 'metric', member: name });

/** The outcome analysis (see the file comment). */
export const campaignOutcomesAnalysis: RunAnalysis = async (runtime, request) => {
  const ctx = analysisContext(runtime, request);
  const lang = ctx.lang;
  const by = grouping(request.query.dimensions ?? []);
  if (!hasMembers(runtime, [...METRICS, by, 'message_group']))
    throw new AnalysisError(analysisMessage('campaigns.no_messages', lang), 'unsupported');
  const filters = (request.query.filters ?? []).filter((f) => runtime.model.dimensions[f.member]);
  const rows = await readGoverned(ctx, 'outcomes_ms', {
    metrics: [...METRICS],
    dimensions: [by, 'message_group'],
    filters,
    ...(request.query.timeRange ? { timeRange: request.query.timeRange } : {}),
  });
  const outcomes = groupOutcomes(rows, by);
  // Largest measured effect first; groups without a control (unknown effect) never come first.
  outcomes.sort(
    (a, b) =>
      Number(b.uplift !== null) - Number(a.uplift !== null) ||
      (b.uplift ?? 0) - (a.uplift ?? 0) ||
      b.treated.customers - a.treated.customers,
  );
  const model = runtime.model;
  const labelOf = (id: string): PresentedMember => ({
    label: model.dimensions[id]?.label ?? { zh: id, en: id },
    values: Object.fromEntries(
      Object.entries(model.dimensions[id]?.values ?? {}).map(([v, d]) => [v, d.label]),
    ),
  });
  const currency = model.currency === 'USD' ? 'currency_usd' : 'currency_cny';
  const members: Record<string, PresentedMember> = {
    [by]: labelOf(by),
    treated: { label: { zh: '实验组客户', en: 'Treated' }, format: 'count' },
    treated_rate: { label: { zh: '实验组挽回率', en: 'Treated rate' }, format: 'percent' },
    control: { label: { zh: '对照组客户', en: 'Control' }, format: 'count' },
    control_rate: { label: { zh: '对照组挽回率', en: 'Control rate' }, format: 'percent' },
    uplift: { label: { zh: '增量（实验−对照）', en: 'Uplift (treated − control)' }, format: 'percent' },
    ci_low: { label: { zh: '95%区间下限', en: '95% CI low' }, format: 'percent' },
    ci_high: { label: { zh: '95%区间上限', en: '95% CI high' }, format: 'percent' },
    p_value: { label: { zh: 'p 值', en: 'p-value' }, format: 'number' },
    cost_per_retained: {
      label: { zh: '每挽回一位客户的成本', en: 'Cost per retained customer' },
      format: currency,
    },
  };
  const presentation: PresentationInput = {
    language: lang,
    intent: 'campaign_outcomes',
    columns: [
      dim(by),
      metric('treated'),
      metric('treated_rate'),
      metric('control'),
      metric('control_rate'),
      metric('uplift'),
      metric('ci_low'),
      metric('ci_high'),
      metric('p_value'),
      metric('cost_per_retained'),
    ],
    rows: outcomes.map((o) => ({
      [by]: o.group,
      treated: o.treated.customers,
      treated_rate: o.treated.rate,
      control: o.control?.customers ?? null,
      control_rate: o.control?.rate ?? null,
      uplift: o.uplift,
      ci_low: o.interval?.lower ?? null,
      ci_high: o.interval?.upper ?? null,
      p_value: o.pValue,
      cost_per_retained: o.costPerRetained,
    })),
    members,
    ...(request.query.timeRange ? { timeRange: request.query.timeRange } : {}),
    currency: model.currency,
  };
  const groupLabel = (g: string) => members[by]!.values?.[g]?.[lang] ?? g;
  return analysisResult(ctx, {
    presentation,
    narrative: outcomesNarrative(outcomes, by, groupLabel, lang),
    analysis: { type: 'campaign_outcomes', groupedBy: by, outcomes },
    assumptions: [analysisMessage('campaigns.retained', lang), analysisMessage('campaigns.cost', lang)],
  });
};
