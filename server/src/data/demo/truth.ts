/**
 * The planted truth beside the database: each effect with its selector, multiplier, reason, how
 * many customers it touched and how many churners it caused, plus the ordering facts a test (or
 * an eval) can check against the product's own answers.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { customerColumns, selectorSql } from './effect-sql.ts';
import type { EffectSelector, Scenario } from './scenario.ts';
import { dateLit } from './sql-helpers.ts';
import { CHURN_WINDOW_DAYS, DEMO_CALENDAR } from './vocabulary.ts';

export interface EffectTruth {
  id: string;
  description: string;
  period: { start: string; end: string };
  who: EffectSelector;
  churn_multiplier: number;
  reason: string | null;
  /** Distinct customers active at a quarter start overlapping the period while matching the selector. */
  affected_customers: number;
  /** Churn events with a churn date in the period whose customer matched. */
  affected_churners: number;
  /** Expected churners caused by the effect: affected churners × (1 − 1/multiplier), 0 below 1. */
  caused_churners: number;
  /** Expected churns prevented (multipliers below 1): affected churners × (1/multiplier − 1). */
  prevented_churners: number;
  /** Churners who left this effect's signal (ticket and/or feedback with its reason). */
  signalled_churners: number;
}

export type Expectation =
  | {
      kind: 'churn_rate_above_previous';
      effect: string;
      segment: EffectSelector;
      period: Period;
      previous: Period;
    }
  | { kind: 'churn_rate_above_rest'; effect: string; segment: EffectSelector; period: Period }
  | { kind: 'churn_rate_below_rest'; effect: string; segment: EffectSelector; period: Period }
  | { kind: 'top_reason'; effect: string; segment: EffectSelector; period: Period; reason: string }
  | {
      kind: 'signal_text';
      effect: string;
      segment: EffectSelector;
      period: Period;
      reason: string;
      samples: string[];
    }
  | { kind: 'behaviour_churn_ratio'; effect: string; behaviour: 'unresolved_tickets'; min_ratio: number };

export interface Period {
  start: string;
  end: string;
}

export interface DemoTruth {
  scenario: string;
  description: string;
  seed: number;
  customers: number;
  as_of: string;
  churn_window_days: number;
  base_quarterly_hazard: number;
  effects: EffectTruth[];
  expectations: Expectation[];
  facts: Record<string, number>;
}

const OBSERVABLE = new Set(['region', 'city', 'acquisition_channel', 'category', 'price_sensitive']);

function previousPeriod(p: Period): Period | null {
  const start = Date.parse(`${p.start}T00:00:00Z`);
  const days = Math.round((Date.parse(`${p.end}T00:00:00Z`) - start) / 86_400_000) + 1;
  const prevStart = new Date(start - days * 86_400_000).toISOString().slice(0, 10);
  const prevEnd = new Date(start - 86_400_000).toISOString().slice(0, 10);
  return prevStart >= '2024-07-01' ? { start: prevStart, end: prevEnd } : null;
}

/** The checkable facts implied by the scenario (independent of the generated counts). */
export function expectationsFor(scenario: Scenario): Expectation[] {
  const out: Expectation[] = [];
  for (const e of scenario.effects) {
    const keys = Object.keys(e.who);
    if (e.who.behaviour === 'unresolved_tickets') {
      out.push({
        kind: 'behaviour_churn_ratio',
        effect: e.id,
        behaviour: 'unresolved_tickets',
        min_ratio: 1 + (e.churn_multiplier - 1) / 2,
      });
      continue;
    }
    if (e.who.value_tier && keys.length === 1 && e.churn_multiplier < 1) {
      out.push({ kind: 'churn_rate_below_rest', effect: e.id, segment: e.who, period: e.period });
      continue;
    }
    if (!keys.length || !keys.every((k) => OBSERVABLE.has(k)) || e.churn_multiplier <= 1) continue;
    const prev = previousPeriod(e.period);
    if (prev)
      out.push({
        kind: 'churn_rate_above_previous',
        effect: e.id,
        segment: e.who,
        period: e.period,
        previous: prev,
      });
    out.push({ kind: 'churn_rate_above_rest', effect: e.id, segment: e.who, period: e.period });
    if (e.signal && e.signal.share >= 0.5) {
      out.push({
        kind: 'top_reason',
        effect: e.id,
        segment: e.who,
        period: e.period,
        reason: e.signal.reason,
      });
    }
    const samples = [...(e.signal?.texts?.zh ?? []), ...(e.signal?.texts?.en ?? [])];
    if (e.signal && samples.length) {
      out.push({
        kind: 'signal_text',
        effect: e.id,
        segment: e.who,
        period: e.period,
        reason: e.signal.reason,
        samples,
      });
    }
  }
  return out;
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Computes effect counts and facts from the work tables (before they are dropped). */
export async function computeTruth(
  con: DuckDBConnection,
  scenario: Scenario,
  seed: number,
  customers: number,
): Promise<DemoTruth> {
  const effects = scenario.effects;
  const cols = customerColumns('c', { tenureDays: '(a.qs - c.signup_date)', unresolved: 'cd.unresolved' });
  const exposure = effects.map(
    (e, i) =>
      `CASE WHEN a.qs <= ${dateLit(e.period.end)} AND a.qe >= ${dateLit(e.period.start)} AND ${selectorSql(e.who, cols)} THEN ${i} END`,
  );
  const affected = new Map<number, number>();
  if (effects.length) {
    const sql = `WITH act AS (
        SELECT DISTINCT s.cn, q.q, q.qs, q.qe FROM _demo_span s JOIN _demo_quarters q
          ON s.start < q.qs AND s.stop >= q.qs - ${CHURN_WINDOW_DAYS}
      ), m AS (
        SELECT a.cn, unnest(list_filter([${exposure.join(', ')}]::INTEGER[], x -> x IS NOT NULL)) AS e
        FROM act a JOIN _demo_cust c USING (cn) LEFT JOIN _demo_cand cd ON cd.cn = a.cn AND cd.q = a.q
      )
      SELECT e, count(DISTINCT cn) AS n FROM m GROUP BY e`;
    for (const r of await rows(con, sql)) affected.set(Number(r.e), Number(r.n));
  }
  const churners = new Map<number, number>();
  const churnSql = `SELECT e, count(*) AS n FROM (
      SELECT unnest(c.matched) AS e FROM _demo_life l JOIN _demo_cand c ON c.cn = l.cn AND c.d = l.churn_d) GROUP BY e`;
  for (const r of await rows(con, churnSql)) churners.set(Number(r.e), Number(r.n));
  const signalled = new Map<number, number>();
  for (const r of await rows(
    con,
    'SELECT effect AS e, count(*) AS n FROM _demo_signal WHERE effect IS NOT NULL GROUP BY effect',
  )) {
    signalled.set(Number(r.e), Number(r.n));
  }
  const [facts] = await rows(
    con,
    `SELECT
      (SELECT count(*) FROM _demo_cust WHERE zombie) AS zombie_customers,
      (SELECT count(*) FROM _demo_life WHERE churn_d IS NOT NULL) AS churn_events,
      (SELECT count(*) FROM _demo_life WHERE return_date IS NOT NULL) AS returns,
      (SELECT count(*) FROM _demo_signal) AS churners_with_signal,
      (SELECT count(*) FROM _demo_fb WHERE contradictory) AS contradictory_feedback,
      (SELECT count(*) FROM _demo_life WHERE wb_status IN ('sent', 'delivered')) AS winback_treated,
      (SELECT count(*) FROM _demo_life WHERE wb_status IN ('sent', 'delivered') AND return_date IS NOT NULL) AS winback_treated_returned,
      (SELECT count(*) FROM _demo_life WHERE wb_status = 'held_out') AS winback_held_out,
      (SELECT count(*) FROM _demo_life WHERE wb_status = 'held_out' AND return_date IS NOT NULL) AS winback_held_out_returned`,
  );
  const truthEffects: EffectTruth[] = effects.map((e, i) => {
    const n = churners.get(i) ?? 0;
    const m = e.churn_multiplier;
    return {
      id: e.id,
      description: e.description,
      period: e.period,
      who: e.who,
      churn_multiplier: m,
      reason: e.signal?.reason ?? null,
      affected_customers: affected.get(i) ?? 0,
      affected_churners: n,
      caused_churners: m > 1 ? Math.round(n * (1 - 1 / m)) : 0,
      prevented_churners: m < 1 ? Math.round(n * (1 / m - 1)) : 0,
      signalled_churners: signalled.get(i) ?? 0,
    };
  });
  return {
    scenario: scenario.name,
    description: scenario.description,
    seed,
    customers,
    as_of: DEMO_CALENDAR.asOf,
    churn_window_days: CHURN_WINDOW_DAYS,
    base_quarterly_hazard: scenario.base.quarterly_hazard,
    effects: truthEffects,
    expectations: expectationsFor(scenario),
    facts: Object.fromEntries(Object.entries(facts ?? {}).map(([k, v]) => [k, Number(v)])),
  };
}
