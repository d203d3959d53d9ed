/**
 * The risk model's features: which governed dimensions it reads, how a row becomes numbers, and how
 * each feature is named and worded when it explains a score (zh/en). The same definitions serve
 * training rows (`customer_history`, as of each snapshot) and scoring rows (`customer_snapshot`, now).
 */
import type { Bilingual, Lang } from '../../../../semantic-layer/src/catalog.ts';
import type { ScoreKit, SemanticModel } from '../../../../semantic-layer/src/index.ts';
import { inSlices } from '../compute/yield-turn.ts';
import { riskMessage } from './risk-messages.ts';

/** Dimensions (member ids) whose values the features are computed from. */
export const FEATURE_DIMENSIONS = [
  'recency_days',
  'orders_12m',
  'spend_12m',
  'tenure_days',
  'activity_last_3w',
  'activity_prev_3w',
  'activity_drop',
  'tickets_90d',
  'repeated_slow_tickets',
  'open_tickets_72h',
  'nps_detractor',
  'coupon_user',
] as const;

/** Categorical dimensions entered as one indicator per level (the first level is the reference). */
export const CATEGORICAL_FEATURES = ['region', 'category'] as const;

type Row = Record<string, unknown>;

const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
};
const flag = (v: unknown): number => (v === true || v === 'true' || v === 1 ? 1 : 0);
const fixed = (v: number, digits: number) => (Number.isInteger(v) ? String(v) : v.toFixed(digits));
const money = (v: number) => `¥${Math.round(v).toLocaleString('en-US')}`;
/** "1 ticket", "3 tickets": the counted noun is a parameter of each English message. */
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
type CountedMessage =
  | 'feature.recency_days'
  | 'feature.orders_12m'
  | 'feature.tenure_days'
  | 'feature.tickets_90d'
  | 'feature.open_tickets_72h';
/** A feature message with `{n}` (zh) and the counted noun (`{days}`, `{orders}`, `{tickets}`, en). */
const say = (l: Lang, id: CountedMessage, n: number, one: string, many: string) =>
  riskMessage(id, l, { n, [many]: counted(n, one, many) });

/** One numeric model input: its value from a row, its label, and how one customer's value reads. */
export interface FeatureDefinition {
  id: string;
  label: Bilingual;
  /** The group an explanation sums over (a categorical dimension); absent for single features. */
  group?: string;
  value: (row: Row) => number;
  /** The same value in SQL over the governed result's columns, written with the compiler's kit (`k.number(id)`…). */
  sql: (k: ScoreKit) => string;
  /** The customer's value in words, e.g. "距上次购买 75 天" / "75 days since the last order". */
  describe: (row: Row, lang: Lang) => string;
}

const NUMERIC: FeatureDefinition[] = [
  {
    id: 'recency_days',
    label: { zh: '距上次购买天数', en: 'Days since last order' },
    value: (r) => num(r.recency_days),
    sql: (k) => k.number('recency_days'),
    describe: (r, l) => say(l, 'feature.recency_days', num(r.recency_days), 'day', 'days'),
  },
  {
    // Days without an order weighed by how often the customer buys: 60 quiet days mean little for a
    // twice-a-year buyer and a lot for a weekly one.
    id: 'missed_orders',
    label: { zh: '按以往频率错过的购买次数', en: 'Orders missed at the usual pace' },
    value: (r) => (num(r.recency_days) * num(r.orders_12m)) / 365,
    sql: (k) => `(${k.number('recency_days')} * ${k.number('orders_12m')}) / 365`,
    describe: (r, l) => {
      const v = fixed((num(r.recency_days) * num(r.orders_12m)) / 365, 1);
      return riskMessage('feature.missed_orders', l, { v });
    },
  },
  {
    id: 'orders_12m',
    label: { zh: '近12个月订单数（对数）', en: 'Orders in 12 months (log)' },
    value: (r) => Math.log1p(num(r.orders_12m)),
    sql: (k) => `ln(1 + ${k.number('orders_12m')})`,
    describe: (r, l) => say(l, 'feature.orders_12m', num(r.orders_12m), 'order', 'orders'),
  },
  {
    id: 'spend_12m',
    label: { zh: '近12个月消费（对数）', en: '12-month spend (log)' },
    value: (r) => Math.log1p(Math.max(0, num(r.spend_12m))),
    sql: (k) => `ln(1 + greatest(0, ${k.number('spend_12m')}))`,
    describe: (r, l) => riskMessage('feature.spend_12m', l, { money: money(num(r.spend_12m)) }),
  },
  {
    id: 'tenure_days',
    label: { zh: '客龄（天，封顶3年）', en: 'Tenure (days, capped at 3 years)' },
    value: (r) => Math.min(num(r.tenure_days), 1095),
    sql: (k) => `least(${k.number('tenure_days')}, 1095)`,
    describe: (r, l) => say(l, 'feature.tenure_days', num(r.tenure_days), 'day', 'days'),
  },
  {
    id: 'new_customer',
    label: { zh: '新客（首单不足90天）', en: 'New customer (< 90 days)' },
    value: (r) => (num(r.tenure_days) < 90 ? 1 : 0),
    sql: (k) => `CASE WHEN ${k.number('tenure_days')} < 90 THEN 1 ELSE 0 END`,
    describe: (r, l) =>
      num(r.tenure_days) < 90
        ? riskMessage('feature.new_customer', l)
        : riskMessage('feature.not_new_customer', l),
  },
  {
    id: 'activity_last_3w',
    label: { zh: '近3周活跃次数', en: 'Activity in the last 3 weeks' },
    value: (r) => num(r.activity_last_3w),
    sql: (k) => k.number('activity_last_3w'),
    describe: (r, l) => riskMessage('feature.activity_last_3w', l, { n: num(r.activity_last_3w) }),
  },
  {
    id: 'activity_prev_3w',
    label: { zh: '前3周活跃次数', en: 'Activity in the 3 weeks before' },
    value: (r) => num(r.activity_prev_3w),
    sql: (k) => k.number('activity_prev_3w'),
    describe: (r, l) => riskMessage('feature.activity_prev_3w', l, { n: num(r.activity_prev_3w) }),
  },
  binary(
    'activity_drop',
    { zh: '近3周活跃下降≥40%', en: 'activity down ≥ 40% in 3 weeks' },
    {
      zh: '活跃未明显下降',
      en: 'no drop in activity',
    },
  ),
  {
    id: 'tickets_90d',
    label: { zh: '近90天工单数', en: 'Tickets in 90 days' },
    value: (r) => num(r.tickets_90d),
    sql: (k) => k.number('tickets_90d'),
    describe: (r, l) => say(l, 'feature.tickets_90d', num(r.tickets_90d), 'ticket', 'tickets'),
  },
  binary(
    'repeated_slow_tickets',
    { zh: '近90天多个工单超72小时未解决', en: '2+ tickets open > 72 h in 90 days' },
    { zh: '没有多次慢工单', en: 'no repeated slow tickets' },
  ),
  {
    id: 'open_tickets_72h',
    label: { zh: '超72小时未解决工单数', en: 'Tickets open > 72 h' },
    value: (r) => num(r.open_tickets_72h),
    sql: (k) => k.number('open_tickets_72h'),
    describe: (r, l) => say(l, 'feature.open_tickets_72h', num(r.open_tickets_72h), 'ticket', 'tickets'),
  },
  binary(
    'nps_detractor',
    { zh: '近90天NPS贬损者', en: 'NPS detractor in 90 days' },
    {
      zh: '不是NPS贬损者',
      en: 'not an NPS detractor',
    },
  ),
  binary('coupon_user', { zh: '用券客户', en: 'coupon user' }, { zh: '未用过优惠券', en: 'no coupon use' }),
];

function binary(id: string, yes: Bilingual, no: Bilingual): FeatureDefinition {
  return {
    id,
    label: yes,
    value: (r) => flag(r[id]),
    sql: (k) => k.flag(id),
    describe: (r, l) => (flag(r[id]) ? yes[l] : no[l]),
  };
}

const GROUP_LABELS: Record<string, Bilingual> = {
  region: { zh: '地区', en: 'region' },
  category: { zh: '主要品类', en: 'main category' },
};

/** The model's features for a semantic model: numeric ones, then one indicator per non-reference level. */
export function featureDefinitions(model: SemanticModel): FeatureDefinition[] {
  const out = [...NUMERIC];
  for (const dim of CATEGORICAL_FEATURES) {
    const d = model.dimensions[dim];
    if (!d) continue;
    const groupLabel = GROUP_LABELS[dim] ?? d.label;
    for (const level of Object.keys(d.values).slice(1)) {
      const levelLabel = d.values[level]?.label ?? { zh: level, en: level };
      out.push({
        id: `${dim}=${level}`,
        group: dim,
        label: { zh: `${groupLabel.zh}：${levelLabel.zh}`, en: `${groupLabel.en}: ${levelLabel.en}` },
        value: (r) => (r[dim] === level ? 1 : 0),
        sql: (k) => k.equals(dim, level),
        describe: (r, l) => {
          const v = String(r[dim] ?? '');
          const vl = d.values[v]?.label[l] ?? v;
          return riskMessage('feature.group_value', l, { group: groupLabel[l], value: vl });
        },
      });
    }
  }
  return out;
}

/** Column-major feature matrix for rows, in `features` order. */
export function featureColumns(features: FeatureDefinition[], rows: Row[]): Float64Array[] {
  const columns = features.map(() => new Float64Array(rows.length));
  fillColumns(features, rows, columns, 0, rows.length);
  return columns;
}

/**
 * `featureColumns` in slices with the event loop free between them (issue 21 §1: the training rows of a large
 * customer base took seconds of the main thread).
 */
export async function featureColumnsInSlices(
  features: FeatureDefinition[],
  rows: Row[],
): Promise<Float64Array[]> {
  const columns = features.map(() => new Float64Array(rows.length));
  await inSlices(rows.length, (from, to) => fillColumns(features, rows, columns, from, to));
  return columns;
}

function fillColumns(
  features: FeatureDefinition[],
  rows: Row[],
  columns: Float64Array[],
  from: number,
  to: number,
): void {
  for (let j = 0; j < features.length; j++) {
    const value = features[j]!.value;
    const column = columns[j]!;
    for (let i = from; i < to; i++) column[i] = value(rows[i]!);
  }
}

/** One customer's feature values, in `features` order. */
export function featureRow(features: FeatureDefinition[], row: Row): Float64Array {
  return Float64Array.from(features, (f) => f.value(row));
}
