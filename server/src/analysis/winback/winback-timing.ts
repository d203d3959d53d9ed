/**
 * Win-back timing (issue 18 §7, DOMAIN.md §5 "Win-back timing"): for churned customers, the return
 * rate by month since churn, the month where the hazard of return is highest (the best window) and the
 * cumulative share returned (Kaplan–Meier). Reads two governed counts per (churn month, month of
 * return): churn events and those followed by a new spell (`churned_spells` in sources.yaml), under
 * the user's row-level security. Month k counts only for churn months observed to its end by the
 * as-of date (the latest churn day of the month + k months ≤ as-of), so recent churners never
 * depress the late months.
 */
import { addDays } from '../../../../semantic-layer/src/compile/periods.ts';
import { AnalysisError } from '../analysis-contract.ts';
import type { AnalysisContext } from '../governed/analysis-context.ts';
import { count, runGoverned } from '../governed/governed-query.ts';
import { wilsonInterval } from '../stats/index.ts';
import { winbackMessage } from './winback-messages.ts';

export const WINBACK_MEMBERS = {
  events: 'churn_events',
  returned: 'returned_churn_events',
  month: 'months_to_return',
  churnMonth: 'churn_month',
} as const;

/** Months after churn the analysis reads (DOMAIN.md: 1, 2, 3 … 12). */
export const HORIZON_MONTHS = 12;
const DAYS_PER_MONTH = 30.4375;

export interface ReturnMonth {
  month: number;
  /** Churn events observed through this month and not returned before it. */
  atRisk: number;
  /** Of those, returned in this month. */
  returned: number;
  /** returned / atRisk: the hazard of return in the month. */
  rate: number | null;
  low: number | null;
  high: number | null;
  /** Share returned by the end of the month (1 − Kaplan–Meier S). */
  cumulative: number;
}

export interface WinbackTiming {
  events: number;
  returnedEver: number;
  months: ReturnMonth[];
  /** The month with the highest return rate (ties: the earliest), null when none is observed. */
  best: ReturnMonth | null;
}

/** Last day of the month starting on `monthStart` (YYYY-MM-01). */
function monthEnd(monthStart: string): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Whole months after a churn on `day` observed by `asOf`. */
function monthsObserved(day: string, asOf: string): number {
  const days = (Date.parse(asOf) - Date.parse(day)) / 86_400_000;
  return Math.max(0, Math.floor(days / DAYS_PER_MONTH));
}

/** The return table from the governed counts. */
export async function winbackTiming(ctx: AnalysisContext): Promise<WinbackTiming> {
  const m = WINBACK_MEMBERS;
  const { rows } = await runGoverned(ctx, 'winback_counts', {
    metrics: [m.events, m.returned],
    dimensions: [m.churnMonth, m.month],
    filters: ctx.request.query.filters?.filter(
      (f) => ctx.runtime.model.dimensions[f.member]?.type !== 'time',
    ),
  });
  // Per churn month: events, observable months, and returns by month after churn.
  const cohorts = new Map<string, { events: number; observed: number; returns: Map<number, number> }>();
  let events = 0;
  let returnedEver = 0;
  for (const r of rows) {
    const key = String(r[m.churnMonth]);
    let c = cohorts.get(key);
    if (!c) {
      c = { events: 0, observed: monthsObserved(monthEnd(key), ctx.runtime.asOf), returns: new Map() };
      cohorts.set(key, c);
    }
    const n = count(r[m.events]);
    c.events += n;
    events += n;
    const k = r[m.month] === null || r[m.month] === undefined ? null : Number(r[m.month]);
    if (k !== null) {
      const back = count(r[m.returned]);
      c.returns.set(k, (c.returns.get(k) ?? 0) + back);
      returnedEver += back;
    }
  }
  const months: ReturnMonth[] = [];
  let survival = 1;
  for (let k = 1; k <= HORIZON_MONTHS; k++) {
    let atRisk = 0;
    let returned = 0;
    for (const c of cohorts.values()) {
      if (c.observed < k) continue;
      let before = 0;
      for (const [j, n] of c.returns) if (j < k) before += n;
      atRisk += c.events - before;
      returned += c.returns.get(k) ?? 0;
    }
    if (atRisk === 0) break;
    const rate = returned / atRisk;
    const ci = wilsonInterval(returned, atRisk);
    survival *= 1 - rate;
    months.push({
      month: k,
      atRisk,
      returned,
      rate,
      low: ci.ok ? ci.value.lower : null,
      high: ci.ok ? ci.value.upper : null,
      cumulative: 1 - survival,
    });
  }
  if (months.length === 0 || events === 0)
    throw new AnalysisError(winbackMessage('no_data', ctx.lang), 'no_data');
  const best = months.reduce((a, b) => ((b.rate ?? 0) > (a.rate ?? 0) ? b : a));
  return { events, returnedEver, months, best };
}
