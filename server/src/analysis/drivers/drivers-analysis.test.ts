import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoRuntime,
  demoRuntime,
  governedRows,
  recordingRuntime,
} from '../../../test/analysis/test-runtime.ts';
import { presentResult } from '../../answer/compose.ts';
import type { AnalysisRequest, AnalysisResult } from '../analysis-contract.ts';
import { fitLogisticRegression } from '../stats/index.ts';
import type { DriverFactor, SuppressedFactor } from './driver-factors.ts';
import type { RegressionView } from './driver-regression.ts';
import { driversAnalysis } from './drivers-analysis.ts';

const Q3 = { start: '2026-07-01', end: '2026-10-01' };
const ask = (parts: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  intent: 'drivers',
  language: parts.language ?? 'zh',
  query: { model: 'retail', metrics: ['churn_rate'], timeRange: Q3 },
  ...(parts.attributes ? { attributes: parts.attributes } : {}),
});
const factors = (r: AnalysisResult) => r.analysis.factors as DriverFactor[];
const find = (r: AnalysisResult, dimension: string, value = 'true') =>
  factors(r).find((f) => f.dimension === dimension && f.value === value);

describe('driversAnalysis on the default demo (Q3 2026)', () => {
  let demo: DemoRuntime;
  let zh: AnalysisResult;
  beforeAll(async () => {
    demo = await demoRuntime();
    zh = await driversAnalysis(demo.runtime, ask());
  });
  afterAll(() => demo?.close());

  it('compares the customers active at the quarter start, as the governed snapshot metrics count them', async () => {
    const [row] = await governedRows(demo.runtime, {
      metrics: ['snapshot_active_customers', 'snapshot_churned_customers'],
      timeRange: Q3,
    });
    expect(zh.analysis.population).toMatchObject({
      customers: Number(row!.snapshot_active_customers),
      churned: Number(row!.snapshot_churned_customers),
    });
  });

  it('finds the planted 华南 effect as the top driver by attributable share', () => {
    const top = factors(zh).filter((f) => (f.relativeRisk ?? 0) > 1)[0]!;
    expect([top.dimension, top.value]).toEqual(['region', '华南']);
    expect(top.low!).toBeGreaterThan(1.5);
    expect(top.rateWith).toBeGreaterThan(0.2);
    expect(top.rateWithout).toBeLessThan(0.13);
    expect(zh.narrative).toContain('「地区：华南」');
  });

  it('finds repeated slow tickets roughly doubling churn or more, significant', () => {
    const slow = find(zh, 'repeated_slow_tickets')!;
    expect(slow).toBeDefined();
    expect(slow.relativeRisk!).toBeGreaterThan(2);
    expect(slow.low!).toBeGreaterThan(1);
    const rank = factors(zh)
      .filter((f) => (f.relativeRisk ?? 0) > 1)
      .indexOf(slow);
    expect(rank).toBeLessThan(5);
  });

  it('computes each measure from the factor’s 2×2 table', () => {
    const f = find(zh, 'region', '华南')!;
    const { customers: N, churned: E } = zh.analysis.population as { customers: number; churned: number };
    const p1 = f.churned / f.customers;
    const p0 = (E - f.churned) / (N - f.customers);
    expect(f.rateWith).toBeCloseTo(p1, 12);
    expect(f.rateWithout).toBeCloseTo(p0, 12);
    expect(f.relativeRisk!).toBeCloseTo(p1 / p0, 12);
    expect(f.riskDifference).toBeCloseTo(p1 - p0, 12);
    const px = f.customers / N;
    expect(f.attributableFraction!).toBeCloseTo((px * (p1 / p0 - 1)) / (1 + px * (p1 / p0 - 1)), 12);
    const se = Math.sqrt(1 / f.churned - 1 / f.customers + 1 / (E - f.churned) - 1 / (N - f.customers));
    expect(f.low!).toBeCloseTo((p1 / p0) * Math.exp(-1.959963984540054 * se), 9);
  });

  it('ranks by PAF and keeps only significant factors with enough customers, saying which were left out', () => {
    const shown = factors(zh);
    const pafs = shown.map((f) => f.attributableFraction!);
    expect(pafs).toEqual([...pafs].sort((a, b) => b - a));
    for (const f of shown) {
      expect(f.customers).toBeGreaterThanOrEqual(30);
      expect(f.low! > 1 || f.high! < 1).toBe(true);
    }
    const suppressed = zh.analysis.suppressed as SuppressedFactor[];
    expect(suppressed.some((s) => s.reason === 'ci_crosses_1')).toBe(true);
    for (const s of suppressed.filter((x) => x.reason === 'too_few_customers'))
      expect(s.customers).toBeLessThan(30);
    expect(zh.narrative).toContain('置信区间包含 1');
    expect(zh.analysis.factorsTested).toBe(shown.length + suppressed.length);
  });

  it('leaves derived scores out unless asked, and says so', () => {
    expect(
      factors(zh).some((f) => ['risk_tier', 'lifecycle_stage', 'rfm_segment'].includes(f.dimension)),
    ).toBe(false);
    expect(zh.assumptions.join(' ')).toContain('RFM分群');
  });

  it('adds adjusted odds ratios from a logistic regression as a second view', () => {
    const r = zh.analysis.regression as RegressionView;
    expect(r.customers).toBe((zh.analysis.population as { customers: number }).customers);
    const slow = r.features.find((f) => f.dimension === 'repeated_slow_tickets')!;
    const south = r.features.find((f) => f.dimension === 'region' && f.value === '华南')!;
    expect(slow.oddsRatio).toBeGreaterThan(2);
    expect(slow.low).toBeGreaterThan(1);
    expect(south.low).toBeGreaterThan(1.5);
  });

  it('fits the grouped counts exactly as one row per customer would', async () => {
    const r = zh.analysis.regression as RegressionView;
    const dims = [...new Set(r.features.map((f) => f.dimension))];
    const rows = await governedRows(demo.runtime, {
      metrics: ['snapshot_churned_customers', 'snapshot_active_customers'],
      dimensions: ['customer_id', ...dims],
      timeRange: Q3,
    });
    const members = rows.filter((row) => Number(row.snapshot_active_customers) > 0);
    expect(members.length).toBe(r.customers);
    const perCustomer = fitLogisticRegression({
      featureNames: r.features.map((f) => `${f.dimension}=${f.value}`),
      columns: r.features.map((f) =>
        Float64Array.from(members, (row) => (String(row[f.dimension]) === f.value ? 1 : 0)),
      ),
      outcome: Float64Array.from(members, (row) => (Number(row.snapshot_churned_customers) > 0 ? 1 : 0)),
    });
    if (!perCustomer.ok) throw new Error(perCustomer.issue.message);
    expect(r.groups).toBeLessThan(members.length / 5);
    r.features.forEach((f, j) => {
      expect(perCustomer.value.coefficients[j]!.feature).toBe(`${f.dimension}=${f.value}`);
      expect(Math.log(f.oddsRatio)).toBeCloseTo(perCustomer.value.coefficients[j]!.estimate, 6);
    });
  });

  it('scans a many-valued dimension when the question names it', async () => {
    const byCity = await driversAnalysis(demo.runtime, {
      ...ask(),
      query: { ...ask().query, dimensions: ['city'] },
    });
    expect(new Set(factors(byCity).map((f) => f.dimension))).toEqual(new Set(['city']));
    const south = await demo.runtime.engine.query(
      "SELECT DISTINCT city FROM customers WHERE region = '华南'",
    );
    const southCities = south.rows.map((r) => String(r.city));
    const top = factors(byCity).filter((f) => (f.relativeRisk ?? 0) > 1)[0]!;
    expect(southCities).toContain(top.value);
  });

  it('presents relative risks with their intervals for the drivers chart, in English too', async () => {
    const en = await driversAnalysis(demo.runtime, ask({ language: 'en' }));
    const presented = presentResult(en.presentation, []);
    expect(presented.chart).not.toBeNull();
    expect(presented.table.rows[0]!.factor).toBe('Region: South China');
    expect(en.narrative).toContain('top driver is Region: South China');
    expect(en.narrative).toMatch(/CI includes 1/);
  });

  it('sees only 华南 under row-level security, in every statement', async () => {
    const { runtime, statements } = recordingRuntime(demo.runtime);
    const secured = await driversAnalysis(runtime, ask({ attributes: { region: ['华南'] } }));
    const [south] = await governedRows(demo.runtime, {
      metrics: ['snapshot_active_customers'],
      timeRange: Q3,
      filters: [{ member: 'region', op: 'in', values: ['华南'] }],
    });
    expect((secured.analysis.population as { customers: number }).customers).toBe(
      Number(south!.snapshot_active_customers),
    );
    expect(factors(secured).some((f) => f.dimension === 'region')).toBe(false);
    // Totals, the split by every dimension (one statement, GROUPING SETS) and the regression rows.
    expect(statements.length).toBeGreaterThanOrEqual(3);
    expect(statements.some((s) => s.sql.includes('GROUPING SETS'))).toBe(true);
    for (const s of statements) expect(s.params).toContain('华南');
  });
});
