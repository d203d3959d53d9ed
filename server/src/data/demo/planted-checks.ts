/**
 * Checks a generated database against its truth's expectations with the reference churn SQL:
 * shared by the planted-effect tests of both scenarios (and usable by evals).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  REF_CHURN_EVENTS_SQL,
  refChurnRateSql,
  refPopulationSql,
  refReasonSql,
  refSegmentSql,
  refUnresolvedSql,
} from './reference-churn.ts';
import { lit } from './sql-helpers.ts';
import type { DemoTruth, Expectation } from './truth.ts';

export interface CheckOutcome {
  expectation: Expectation;
  passed: boolean;
  /** Measured figures, for the failure message. */
  detail: string;
  /** True when too few churners made the check statistically meaningless (not run). */
  skipped: boolean;
}

interface RateRow {
  in_segment: boolean;
  active: number;
  churned: number;
  rate: number;
}

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

async function rates(
  con: DuckDBConnection,
  period: { start: string; end: string },
  segment: string,
): Promise<RateRow[]> {
  return (await rows(con, refChurnRateSql(period, segment))).map((r) => ({
    in_segment: r.in_segment === true,
    active: Number(r.active),
    churned: Number(r.churned),
    rate: Number(r.rate),
  }));
}

const QUARTERS = [
  '2024-07-01',
  '2024-10-01',
  '2025-01-01',
  '2025-04-01',
  '2025-07-01',
  '2025-10-01',
  '2026-01-01',
  '2026-04-01',
  '2026-07-01',
];

/** Runs every expectation of the truth; rate checks need at least `minChurners` affected churners. */
export async function checkExpectations(
  con: DuckDBConnection,
  truth: DemoTruth,
  minChurners = 40,
): Promise<CheckOutcome[]> {
  await con.run(REF_CHURN_EVENTS_SQL);
  const out: CheckOutcome[] = [];
  for (const x of truth.expectations) {
    const effect = truth.effects.find((e) => e.id === x.effect);
    const small = (effect?.affected_churners ?? 0) < minChurners;
    if (x.kind === 'behaviour_churn_ratio') {
      const r = await rows(con, refUnresolvedSql(QUARTERS));
      const flagged = r.find((y) => y.flagged === true);
      const other = r.find((y) => y.flagged === false);
      const ratio = Number(flagged?.rate) / Number(other?.rate);
      out.push({
        expectation: x,
        passed: ratio >= x.min_ratio,
        detail: `ratio ${ratio.toFixed(2)} (${flagged?.active} flagged)`,
        skipped: false,
      });
      continue;
    }
    const segment = refSegmentSql(x.segment);
    if (x.kind === 'signal_text') {
      const texts = x.samples.map((t) => lit(t)).join(', ');
      const n = await rows(
        con,
        `WITH pop AS (SELECT customer_id FROM (${refPopulationSql(x.period)}) WHERE churned AND ${segment})
        SELECT count(*) AS n FROM (
          SELECT text, customer_id, ts FROM feedback UNION ALL SELECT text, customer_id, created_ts FROM tickets) s
        JOIN pop USING (customer_id)
        WHERE s.text IN (${texts}) AND s.ts >= DATE ${lit(x.period.start)} - 90 AND s.ts <= DATE ${lit(x.period.end)} + 1`,
      );
      const count = Number(n[0]?.n);
      out.push({ expectation: x, passed: count > 0, detail: `${count} texts`, skipped: false });
      continue;
    }
    if (small) {
      out.push({
        expectation: x,
        passed: true,
        detail: `only ${effect?.affected_churners} churners`,
        skipped: true,
      });
      continue;
    }
    if (x.kind === 'top_reason') {
      const r = await rows(con, refReasonSql(x.period, segment));
      const top = r.find((y) => y.reason !== 'silent');
      out.push({
        expectation: x,
        passed: top?.reason === x.reason,
        detail: JSON.stringify(r.slice(0, 4)),
        skipped: false,
      });
      continue;
    }
    const now = await rates(con, x.period, segment);
    const seg = now.find((r) => r.in_segment);
    const rest = now.find((r) => !r.in_segment);
    if (x.kind === 'churn_rate_above_previous') {
      const before = (await rates(con, x.previous, segment)).find((r) => r.in_segment);
      out.push({
        expectation: x,
        passed: (seg?.rate ?? 0) > (before?.rate ?? 1),
        detail: `${seg?.rate.toFixed(3)} (n=${seg?.active}) vs previous ${before?.rate.toFixed(3)} (n=${before?.active})`,
        skipped: false,
      });
    } else {
      const above = (seg?.rate ?? 0) > (rest?.rate ?? 0);
      out.push({
        expectation: x,
        passed: x.kind === 'churn_rate_above_rest' ? above : !above,
        detail: `${seg?.rate.toFixed(3)} (n=${seg?.active}) vs rest ${rest?.rate.toFixed(3)} (n=${rest?.active})`,
        skipped: false,
      });
    }
  }
  return out;
}
