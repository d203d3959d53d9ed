import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoRuntime, demoRuntime } from '../../../test/analysis/test-runtime.ts';
import { ActionSchema } from '../../answer/answer-schema.ts';
import type { ModelRuntime } from '../../data/model-runtime.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import { analysisContext } from '../governed/analysis-context.ts';
import { type AtRiskPopulation, findAtRiskCustomers } from '../risk/at-risk-customers.ts';
import { riskListAnalysis } from '../risk/risk-list-analysis.ts';
import { actionsAnalysis } from './actions-analysis.ts';

// A 4,000-customer default-scenario demo (seed 7) with two years of retention actions in `communications`.
let demo: DemoRuntime;
let runtime: ModelRuntime;
let population: AtRiskPopulation;
let plan: AnalysisResult;

const request = (over: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  intent: 'actions',
  language: 'zh',
  query: { model: 'retail', metrics: ['at_risk_customers'] },
  ...over,
});

interface ActionEntry {
  id: string;
  winback: boolean;
  targets: { count: number; customers: { customerId: string; region: string | null; risk: number | null }[] };
  history: { treated: { customers: number }; control: { customers: number } | null } | null;
  measurement: { perArm: number | null; holdout: number };
}
const entries = (r: AnalysisResult) => r.analysis.actions as ActionEntry[];

beforeAll(async () => {
  demo = await demoRuntime({ customers: 4000, seed: 7 });
  runtime = demo.runtime;
  population = await findAtRiskCustomers(analysisContext(runtime, request()));
  plan = await actionsAnalysis(runtime, request());
});
afterAll(async () => demo?.close());

describe('actions: the playbook applied to the at-risk customers', () => {
  it('gives every price-only customer below the top value tier the coupon', () => {
    const priceOnly = population.customers.filter(
      (c) => c.causes.length === 1 && c.causes[0] === 'price' && c.valueTier !== 'high' && c.risk < 0.5,
    );
    expect(priceOnly.length).toBeGreaterThan(2);
    for (const c of priceOnly) expect(c.action).toBe('price_coupon');
    const coupon = entries(plan).find((a) => a.id === 'price_coupon')!;
    expect(coupon.targets.count).toBe(population.customers.filter((c) => c.action === 'price_coupon').length);
  });

  it('gives every high-value at-risk customer the account-manager call', () => {
    const high = population.customers.filter((c) => c.valueTier === 'high');
    expect(high.length).toBeGreaterThan(100);
    expect(high.every((c) => c.action === 'account_manager_call')).toBe(true);
    expect(entries(plan).find((a) => a.id === 'account_manager_call')!.targets.count).toBe(high.length);
  });

  it('counts targets consistently with the risk list: one action per customer, all covered', () => {
    const atRiskTargets = entries(plan)
      .filter((a) => !a.winback)
      .reduce((s, a) => s + a.targets.count, 0);
    const p = plan.analysis.population as { atRisk: number; atRiskCovered: number; churnedCovered: number };
    expect(p.atRisk).toBe(population.customers.length);
    expect(atRiskTargets).toBe(p.atRiskCovered);
    for (const a of entries(plan).filter((x) => !x.winback))
      expect(a.targets.count).toBe(population.customers.filter((c) => c.action === a.id).length);
    const winback = entries(plan).find((a) => a.id === 'winback_offer')!;
    expect(winback.targets.count).toBe(p.churnedCovered);
    expect(winback.targets.customers.every((c) => c.risk === null)).toBe(true);
  });

  it('matches the suggested action the risk list shows for the same customers', async () => {
    const list = await riskListAnalysis(runtime, { ...request(), intent: 'risk_list' });
    for (const row of list.presentation.rows) {
      const c = population.customers.find((x) => x.customerId === row.customer_id)!;
      expect(row.suggested_action).toBe(c.action);
    }
  });

  it('states the effect from history with its sample sizes, and "no history yet" for actions never run', () => {
    const actions = plan.actions!;
    for (const a of actions) expect(ActionSchema.safeParse(a).success).toBe(true);
    const winback = entries(plan).find((a) => a.id === 'winback_offer')!;
    expect(winback.history!.treated.customers).toBeGreaterThan(300);
    expect(winback.history!.control!.customers).toBeGreaterThan(30);
    const text = actions.find((a) => a.id === 'winback_offer')!.expectedEffect;
    expect(text).toContain(`（${winback.history!.control!.customers} 人）`);
    const neverRun = entries(plan).filter((a) => a.history === null);
    expect(neverRun.length).toBeGreaterThan(0);
    for (const a of neverRun) expect(actions.find((x) => x.id === a.id)!.expectedEffect).toMatch(/^暂无历史/);
  });

  it('measures each action against a held-out control group sized by sampleSizePerArm', () => {
    for (const [i, a] of entries(plan).entries()) {
      expect(a.measurement.perArm).toBeGreaterThan(0);
      expect(plan.actions![i]!.measure).toContain(
        `每组需 ${a.measurement.perArm!.toLocaleString('en-US')} 人`,
      );
      expect(a.measurement.holdout).toBeGreaterThan(0);
    }
  });

  it('limits the targets and every statement to the user’s region (row-level security), in English', async () => {
    const south = await actionsAnalysis(
      runtime,
      request({ language: 'en', attributes: { region: ['华南'] } }),
    );
    const targets = entries(south).flatMap((a) => a.targets.customers);
    expect(targets.length).toBeGreaterThan(20);
    expect(new Set(targets.map((t) => t.region))).toEqual(new Set(['华南']));
    for (const params of south.params) expect(params).toContain('华南');
    expect(south.narrative).toMatch(/^\d+ actions cover [\d,]+ of the [\d,]+ at-risk customers/);
    const all = (plan.analysis.population as { atRisk: number }).atRisk;
    expect((south.analysis.population as { atRisk: number }).atRisk).toBeLessThan(all / 2);
  });

  it('ranks actions by measured increment over control, with its interval and sample sizes (hand-written SQL)', async () => {
    const raw = await runtime.engine.query(
      `SELECT action_id, CASE WHEN status = 'held_out' THEN 'control' ELSE 'treated' END AS arm,
         count(DISTINCT customer_id) AS n,
         count(DISTINCT customer_id) FILTER (WHERE outcome IN ('returned', 'saved')) AS k
       FROM communications WHERE action_id IS NOT NULL GROUP BY 1, 2`,
    );
    const arm = (id: string, which: string) => raw.rows.find((r) => r.action_id === id && r.arm === which);
    const rows = plan.presentation.rows;
    const order = { proven: 0, unproven: 1, unknown: 2, negative: 3 } as Record<string, number>;
    const ranks = rows.map((r) => order[String(r.evidence)]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    if (rows.some((r) => r.evidence === 'proven' || r.evidence === 'unproven'))
      expect(['unknown', 'negative']).not.toContain(rows[0]!.evidence);
    for (const r of rows) {
      const t = arm(String(r.action), 'treated');
      const c = arm(String(r.action), 'control');
      if (!t) {
        expect(r.evidence).toBe('unknown');
        continue;
      }
      expect(r.treated_n).toBe(Number(t.n));
      if (!c) continue;
      expect(r.control_n).toBe(Number(c.n));
      const p1 = Number(t.k) / Number(t.n);
      const p0 = Number(c.k) / Number(c.n);
      expect(Number(r.uplift)).toBeCloseTo(p1 - p0, 12);
      const se = Math.sqrt((p1 * (1 - p1)) / Number(t.n) + (p0 * (1 - p0)) / Number(c.n));
      expect(Number(r.uplift_low)).toBeCloseTo(p1 - p0 - 1.959963984540054 * se, 9);
      if (Number(c.n) < 30) expect(r.evidence).toBe('unknown');
      else if (p1 - p0 < 0) expect(r.evidence).toBe('negative');
    }
    const proven = rows.filter((r) => r.evidence === 'proven');
    const lows = proven.map((r) => Number(r.uplift_low));
    expect(lows).toEqual([...lows].sort((a, b) => b - a));
  });

  it('flags a negative or unmeasurable effect in the action text', () => {
    for (const a of plan.actions ?? []) {
      const row = plan.presentation.rows.find((r) => r.action === a.id)!;
      if (row.evidence === 'negative') expect(a.expectedEffect).toContain('效果为负');
      if (row.evidence === 'unknown' && row.control_n !== null && Number(row.control_n) < 30)
        expect(a.expectedEffect).toContain('效果未知');
    }
  });
});
