import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GeneratedDemo,
  generateTemp,
  openDemo,
  query,
  removeTemp,
} from '../../../test/data/demo-test-support.ts';
import { checkExpectations } from './planted-checks.ts';
import { REF_CHURN_EVENTS_SQL, refChurnRateSql } from './reference-churn.ts';
import { SCENARIO_DIR } from './scenario.ts';
import type { DemoTruth } from './truth.ts';

describe('alternate scenario: different causes move their own segments', () => {
  let demo: GeneratedDemo | undefined;
  let truth: DemoTruth;

  beforeAll(async () => {
    demo = await generateTemp(6000, 42, join(SCENARIO_DIR, 'alternate.yaml'));
    truth = JSON.parse(readFileSync(demo.result.truthPath, 'utf8')) as DemoTruth;
  });
  afterAll(() => removeTemp(demo));

  it('华北 churns more in 2026 Q2 (payment outage) while 华南 stays ordinary in Q3', async () => {
    const { con, close } = await openDemo(demo!.dbPath);
    try {
      await con.run(REF_CHURN_EVENTS_SQL);
      const rate = async (start: string, end: string, segment: string) =>
        Object.fromEntries(
          (await query(con, refChurnRateSql({ start, end }, segment))).map((r) => [
            String(r.in_segment),
            Number(r.rate),
          ]),
        );
      const northQ2 = await rate('2026-04-01', '2026-06-30', "region = '华北'");
      const northQ1 = await rate('2026-01-01', '2026-03-31', "region = '华北'");
      expect(northQ2.true).toBeGreaterThan(1.5 * northQ2.false!);
      expect(northQ2.true).toBeGreaterThan(1.5 * northQ1.true!);
      const southQ3 = await rate('2026-07-01', '2026-09-30', "region = '华南'");
      expect(southQ3.true).toBeLessThan(1.4 * southQ3.false!);
    } finally {
      close();
    }
  });

  it('meets every expectation listed in its truth', async () => {
    expect(truth.scenario).toBe('alternate');
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
      expect(ran).toContain('top_reason:north_china_payment_outage');
      expect(ran).toContain('churn_rate_above_previous:appliance_recall');
    } finally {
      close();
    }
  });
});
