import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GeneratedDemo,
  generateTemp,
  openDemo,
  query,
  removeTemp,
} from '../../../test/data/demo-test-support.ts';
import { checkExpectations } from './planted-checks.ts';
import { REF_CHURN_EVENTS_SQL, refChurnRateSql, refPopulationSql, refReasonSql } from './reference-churn.ts';
import type { DemoTruth } from './truth.ts';

const Q2 = { start: '2026-04-01', end: '2026-06-30' };
const Q3 = { start: '2026-07-01', end: '2026-09-30' };

describe('default scenario: the planted 2026 Q3 story is measurable with the reference churn SQL', () => {
  let demo: GeneratedDemo | undefined;
  let truth: DemoTruth;

  beforeAll(async () => {
    demo = await generateTemp(6000, 42);
    truth = JSON.parse(readFileSync(demo.result.truthPath, 'utf8')) as DemoTruth;
  });
  afterAll(() => removeTemp(demo));

  it('华南 churns clearly more in 2026 Q3 than in its own Q2 and than the other regions', async () => {
    const { con, close } = await openDemo(demo!.dbPath);
    try {
      await con.run(REF_CHURN_EVENTS_SQL);
      const rate = async (p: typeof Q3) =>
        Object.fromEntries(
          (await query(con, refChurnRateSql(p, "region = '华南'"))).map((r) => [
            String(r.in_segment),
            Number(r.rate),
          ]),
        );
      const q3 = await rate(Q3);
      const q2 = await rate(Q2);
      expect(q3.true).toBeGreaterThan(1.5 * q2.true!);
      expect(q3.true).toBeGreaterThan(1.5 * q3.false!);
      const all = await query(con, refChurnRateSql(Q3, 'TRUE'));
      expect(Number(all[0]!.rate)).toBeGreaterThan(0.08);
      expect(Number(all[0]!.rate)).toBeLessThan(0.2);
      const before = await query(con, refChurnRateSql(Q2, 'TRUE'));
      expect(Number(before[0]!.rate)).toBeGreaterThan(0.06);
      expect(Number(before[0]!.rate)).toBeLessThan(0.13);
    } finally {
      close();
    }
  });

  it('logistics is the top reason of 华南 Q3 churners; price shows for 母婴, other platforms for 成都', async () => {
    const { con, close } = await openDemo(demo!.dbPath);
    try {
      await con.run(REF_CHURN_EVENTS_SQL);
      const reasons = await query(con, refReasonSql(Q3, "region = '华南'"));
      expect(reasons.find((r) => r.reason !== 'silent')?.reason).toBe('logistics');
      const texts = async (segment: string, pattern: string) =>
        Number(
          (
            await query(
              con,
              `WITH pop AS (SELECT customer_id FROM (${refPopulationSql(Q3)}) WHERE churned AND ${segment})
              SELECT count(*) AS n FROM feedback f JOIN pop USING (customer_id)
              WHERE f.ts >= DATE '2026-04-01' AND regexp_matches(f.text, '${pattern}')`,
            )
          )[0]!.n,
        );
      expect(await texts("main_category = '母婴'", '涨价')).toBeGreaterThan(3);
      expect(await texts("city = '成都'", '拼多多|别的平台|隔壁')).toBeGreaterThan(0);
      expect(await texts("region = '东北'", '拼多多|别的平台|隔壁')).toBeLessThan(
        (await texts("city = '成都'", '拼多多|别的平台|隔壁')) + 3,
      );
    } finally {
      close();
    }
  });

  it('meets every expectation listed in the truth (unresolved tickets ~3x, high value lower, …)', async () => {
    const { con, close } = await openDemo(demo!.dbPath);
    try {
      const outcomes = await checkExpectations(con, truth);
      const failed = outcomes
        .filter((o) => !o.passed)
        .map((o) => `${o.expectation.kind} ${o.expectation.effect}: ${o.detail}`);
      expect(failed).toEqual([]);
      const ran = outcomes
        .filter((o) => !o.skipped)
        .map((o) => `${o.expectation.kind}:${o.expectation.effect}`);
      expect(ran).toContain('churn_rate_above_rest:south_china_late_delivery');
      expect(ran).toContain('behaviour_churn_ratio:unresolved_tickets');
      expect(ran).toContain('churn_rate_below_rest:high_value_loyalty');
      expect(ran).toContain('signal_text:chengdu_competitor');
    } finally {
      close();
    }
  });

  it('records affected customers, churners and caused churners per effect', () => {
    const south = truth.effects.find((e) => e.id === 'south_china_late_delivery')!;
    expect(south.affected_customers).toBeGreaterThan(300);
    expect(south.affected_churners).toBeGreaterThan(50);
    expect(south.caused_churners).toBe(Math.round(south.affected_churners * (1 - 1 / 2.5)));
    expect(south.signalled_churners).toBeGreaterThan(0.5 * south.affected_churners);
    const loyal = truth.effects.find((e) => e.id === 'high_value_loyalty')!;
    expect(loyal.prevented_churners).toBe(loyal.affected_churners);
    expect(truth.facts.zombie_customers).toBeGreaterThan(100);
    expect(truth.facts.winback_treated_returned / truth.facts.winback_treated).toBeGreaterThan(
      truth.facts.winback_held_out_returned / Math.max(1, truth.facts.winback_held_out),
    );
  });
});
