import {
  baseline,
  churnFamily,
  customersFamily,
  feedbackFamily,
  lit,
  newCustomersFamily,
  ordersFamily,
  type Period,
  periodsOf,
  reactivatedFamily,
  telcoFamily,
  ticketsFamily,
  winbackFamily,
} from './reference-sql.ts';

/**
 * What a question's reference is: which hand-written SQL family answers it (reference-sql.ts), for which
 * period(s), keys and conditions; helpers to write one, and the SQL a spec runs.
 */

type Family = 'churn' | 'orders' | 'tickets' | 'feedback' | 'new' | 'customers' | 'reactivated' | 'winback';

export interface RetailSpec {
  model: 'retail';
  family: Family;
  /** The answer table's metric columns. */
  metrics: string[];
  range: Period;
  /** A trend: one row per period of this grain (`period` = its start). */
  grain?: 'month' | 'quarter' | 'year';
  /** Key columns: name (the answer's dimension id) → SQL over the family's aliases. */
  keys?: Record<string, string>;
  where?: string;
  /** Churn family only: a condition on the churn event (`ch`). */
  churnedWhere?: string;
  compare?: 'previous_period' | 'same_period_last_year';
  rank?: Rank;
  asOf?: string;
}

export interface TelcoSpec {
  model: 'telco';
  metrics: string[];
  keys?: Record<string, string>;
  where?: string;
  rank?: Rank;
}

/** Ranked answers: rows in this order, the first `limit` kept. */
export interface Rank {
  metric: string;
  dir: 'asc' | 'desc';
  limit?: number;
}

export type ReferenceSpec = RetailSpec | TelcoSpec;

export const RETAIL_AS_OF = '2026-10-01';

type Opts = Omit<RetailSpec, 'model' | 'family' | 'metrics' | 'range'>;
/** A retail reference of one family: `retail('churn')('churn_rate', Q3, { keys })`. */
export const retail =
  (family: Family) =>
  (metrics: string | string[], range: Period, opts: Opts = {}): RetailSpec => ({
    model: 'retail',
    family,
    metrics: [metrics].flat(),
    range,
    ...opts,
  });
export const telco = (
  metrics: string | string[],
  opts: Omit<TelcoSpec, 'model' | 'metrics'> = {},
): TelcoSpec => ({
  model: 'telco',
  metrics: [metrics].flat(),
  ...opts,
});

export const inList = (sql: string, values: string[]) => `${sql} IN (${values.map(lit).join(', ')})`;
export const is = (sql: string, value: string) => `${sql} = ${lit(value)}`;

/** The reference SQL of a spec for one range (its trend periods when it has a grain). */
export function referenceSql(spec: ReferenceSpec, range?: Period): string {
  if (spec.model === 'telco') return telcoFamily(spec);
  const r = range ?? spec.range;
  const months = { month: 1, quarter: 3, year: 12 } as const;
  const periods = spec.grain ? periodsOf(r, months[spec.grain]) : [r];
  const asOf = spec.asOf ?? RETAIL_AS_OF;
  const q = { periods, asOf, keys: spec.keys, where: spec.where };
  switch (spec.family) {
    case 'churn':
      return churnFamily({ ...q, churnedWhere: spec.churnedWhere });
    case 'orders':
      return ordersFamily(q);
    case 'tickets':
      return ticketsFamily(q);
    case 'feedback':
      return feedbackFamily(q);
    case 'new':
      return newCustomersFamily(q);
    case 'customers':
      return customersFamily(q);
    case 'reactivated':
      return reactivatedFamily(q);
    case 'winback':
      return winbackFamily(q);
  }
}

/** The baseline range of a compared spec. */
export function baselineRange(spec: RetailSpec): Period | null {
  return spec.compare ? baseline(spec.range, spec.compare) : null;
}
