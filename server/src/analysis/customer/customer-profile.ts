/**
 * One customer's 360° view from governed queries under the user's row-level security: the profile
 * (region, tier, lifecycle, RFM, recency), the risk score with its reasons, tags (the governed segments
 * the customer belongs to) and a timeline of orders, tickets, feedback and retention messages. The risk
 * comes from the same scored population as the at-risk list (so the page shows the list's numbers);
 * a customer the list does not flag is scored by the same model. A customer the user may not see does
 * not exist for them (null).
 */
import type { TagKind } from '../../../../semantic-layer/src/definition/tags-schema.ts';
import type { SemanticModel } from '../../../../semantic-layer/src/model.ts';
import type { Filter } from '../../../../semantic-layer/src/query.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import { analysisMessage } from '../analysis-messages.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import {
  explainListed,
  findAtRiskCustomers,
  RISK_COLUMN,
  scoredCustomers,
} from '../risk/at-risk-customers.ts';
import { hasMembers, readGoverned } from '../risk/governed-read.ts';
import { riskModelFor } from '../risk/risk-model-cache.ts';
import { riskTierOf } from '../risk/risk-tiers.ts';
import { explainRisk, type RiskFactor } from '../risk/score-customers.ts';

export interface TimelineEvent {
  date: string;
  kind: 'order' | 'ticket' | 'feedback' | 'message';
  /** Governed values of the event (category, amount, topic, action…). */
  detail: Record<string, unknown>;
}

export interface CustomerProfile {
  customerId: string;
  profile: Record<string, unknown>;
  risk: {
    score: number;
    tier: string;
    /** Early-warning rules that fire (ids), and the same in the user's language. */
    rules: string[];
    ruleLabels: string[];
    factors: RiskFactor[];
    /** On the at-risk list (score ≥ 30% or a rule fires). */
    flagged: boolean;
    expectedLoss: number | null;
    action: string | null;
  } | null;
  /**
   * Governed segments the customer is in: value tier, lifecycle… (`kind: 'segment'`) and the analysts'
   * tags of tags.yaml that hold for them (`kind`: basic, behaviour or predictive; `value` 'true').
   */
  tags: CustomerTag[];
  timeline: TimelineEvent[];
}

const PROFILE_DIMENSIONS = [
  'customer_id',
  'customer_name',
  'region',
  'city',
  'customer_type',
  'acquisition_channel',
  'value_tier',
  'lifecycle_stage',
  'rfm_segment',
  'tenure_band',
  'recency_days',
  'risk_flags',
];
export interface CustomerTag {
  dimension: string;
  value: string;
  /** Shown on the page: "价值分层: 高价值" or the tag's own label. */
  label: string;
  kind: 'segment' | TagKind;
}

const TAG_DIMENSIONS = ['value_tier', 'lifecycle_stage', 'rfm_segment', 'tenure_band', 'customer_type'];

const day = (v: unknown) => String(v ?? '').slice(0, 10);

/** The customer's 360° view, or null when the user may not see them (or they do not exist). */
export async function customerProfile(
  runtime: ModelRuntime,
  customerId: string,
  attributes: Record<string, string[]> | undefined,
  lang: 'zh' | 'en',
): Promise<CustomerProfile | null> {
  const one: Filter = { member: 'customer_id', op: 'eq', values: [customerId] };
  const ctx = analysisContext(runtime, {
    intent: 'risk_list',
    language: lang,
    query: { model: runtime.model.id, metrics: ['at_risk_customers'], filters: [] },
    attributes,
  });
  const tagIds = Object.keys(runtime.model.tags);
  const dims = [...PROFILE_DIMENSIONS.filter((d) => runtime.model.dimensions[d]), ...tagIds];
  const [profile] = await readGoverned(ctx, 'profile_ms', {
    metrics: ['customers'],
    dimensions: dims,
    filters: [one],
  });
  if (!profile) return null;
  delete profile.customers;
  // Early-warning rules in words (inactive_high_value → 高价值客户超过30天未购买), on the profile and the risk.
  const ruleLabel = (id: string) => runtime.model.churn.early_warning[id]?.label[lang] ?? id;
  if (typeof profile.risk_flags === 'string')
    profile.risk_flags = profile.risk_flags
      .split(',')
      .filter(Boolean)
      .map(ruleLabel)
      .join(analysisMessage('list_separator', lang));
  const tags = customerTags(runtime.model, profile, lang);
  for (const id of tagIds) delete profile[id];

  const population = await findAtRiskCustomers(ctx);
  const listed = population.customers.find((c) => c.customerId === customerId);
  let risk: CustomerProfile['risk'] = null;
  if (listed) {
    const [explained] = await explainListed(ctx, population, [listed]);
    risk = {
      score: listed.risk,
      tier: listed.riskTier,
      rules: listed.rules,
      ruleLabels: listed.rules.map(ruleLabel),
      factors: explained!.factors,
      flagged: true,
      expectedLoss: listed.expectedLoss,
      action: listed.action,
    };
  } else if (profile.lifecycle_stage !== 'churned') {
    const { model } = await riskModelFor(runtime, lang);
    const [row] = await scoredCustomers(ctx, [one], model, false);
    if (row) {
      const score = Number(row[RISK_COLUMN]);
      risk = {
        score,
        tier: riskTierOf(score),
        rules: [],
        ruleLabels: [],
        factors: explainRisk(model, row, lang),
        flagged: false,
        expectedLoss: null,
        action: null,
      };
    }
  }
  return { customerId, profile, risk, tags, timeline: await timeline(ctx, one) };
}

/** The segments of the profile row and the tags that hold for the customer. */
function customerTags(model: SemanticModel, row: Record<string, unknown>, lang: 'zh' | 'en'): CustomerTag[] {
  const segments = TAG_DIMENSIONS.filter(
    (d) => model.dimensions[d] && row[d] !== null && row[d] !== undefined,
  );
  const out: CustomerTag[] = segments.map((d) => {
    const dim = model.dimensions[d]!;
    const value = String(row[d]);
    return {
      dimension: d,
      value,
      label: `${dim.label[lang]}: ${dim.values[value]?.label[lang] ?? value}`,
      kind: 'segment',
    };
  });
  for (const tag of Object.values(model.tags))
    if (row[tag.id] === true || row[tag.id] === 'true')
      out.push({ dimension: tag.id, value: 'true', label: tag.label[lang], kind: tag.kind });
  return out;
}

async function timeline(ctx: ReturnType<typeof analysisContext>, one: Filter): Promise<TimelineEvent[]> {
  const reads: { kind: TimelineEvent['kind']; metrics: string[]; dimensions: string[]; time: string }[] = [
    { kind: 'order', metrics: ['orders', 'revenue'], dimensions: ['category'], time: 'order_date' },
    { kind: 'ticket', metrics: ['tickets'], dimensions: ['ticket_category'], time: 'ticket_date' },
    {
      kind: 'feedback',
      metrics: ['nps_responses'],
      dimensions: ['feedback_topic', 'feedback_sentiment'],
      time: 'feedback_date',
    },
    {
      kind: 'message',
      metrics: ['contacted_customers'],
      dimensions: ['retention_action', 'message_channel', 'message_group'],
      time: 'message_date',
    },
  ];
  const events: TimelineEvent[] = [];
  for (const r of reads) {
    if (!hasMembers(ctx.runtime, [...r.metrics, ...r.dimensions, r.time])) continue;
    const rows = await readGoverned(ctx, `timeline_${r.kind}_ms`, {
      metrics: r.metrics,
      dimensions: r.dimensions,
      time: { dimension: r.time, grain: 'day' },
      filters: [one],
    });
    for (const row of rows) {
      const { period, [r.time]: when, ...detail } = row;
      events.push({ date: day(period ?? when), kind: r.kind, detail });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
