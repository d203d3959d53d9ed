import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEvalCases } from '../eval-case.ts';
import { type ExpectedValues, ExpectedValuesSchema, loadSidecar } from './expected-values.ts';
import { expectedValues, referenceIssues, SIDECAR, sidecarText } from './fill-expected.ts';
import { REFERENCES } from './reference-questions.ts';
import { baseline, periodsOf } from './reference-sql.ts';
import { scoreValues, type ValueTexts } from './score-values.ts';

const LABELS: Record<string, Record<string, string[]>> = {
  contract: { 'Month-to-month': ['月付', 'Month-to-month'], 'Two year': ['两年合约', 'Two year'] },
  senior_citizen: { true: ['是', 'Yes'], false: ['否', 'No'] },
};
const texts: ValueTexts = (column, stored) => [String(stored), ...(LABELS[column]?.[String(stored)] ?? [])];
const values = (v: Partial<ExpectedValues> & Pick<ExpectedValues, 'match'>) => ExpectedValuesSchema.parse(v);

describe('scoreValues', () => {
  const byContract = values({
    by: ['contract'],
    rows: 2,
    tolerance: 0.0005,
    match: [
      { contract: 'Month-to-month', churn_rate: 0.4271 },
      { contract: 'Two year', churn_rate: 0.0283 },
    ],
  });

  it('finds rows by stored value or label, in any order, and accepts numbers within the tolerance', () => {
    const table = {
      rows: [
        { contract: '两年合约', churn_rate: 0.02831858 },
        { contract: '月付', churn_rate: 0.42709677 },
      ],
    };
    expect(scoreValues(byContract, table, texts)).toEqual({ pass: true, matched: 2, reasons: [] });
  });

  it('fails a number off by more than the tolerance, a missing row and a different row count', () => {
    const table = {
      rows: [
        { contract: 'Month-to-month', churn_rate: 0.4281 },
        { contract: 'One year', churn_rate: 0.11 },
        { contract: '(none)', churn_rate: 0 },
      ],
    };
    const score = scoreValues(byContract, table, texts);
    expect(score.pass).toBe(false);
    expect(score.matched).toBe(0);
    expect(score.reasons).toEqual([
      'values: expected 2 rows, got 3',
      'values: {contract: Month-to-month} churn_rate expected 0.4271, got 0.4281',
      'values: 0 rows for {contract: Two year}',
    ]);
  });

  it('checks positions when ordered, booleans by their labels, numbers given as strings', () => {
    const ranked = values({
      by: ['senior_citizen'],
      ordered: true,
      match: [
        { senior_citizen: true, churned_customers: 476 },
        { senior_citizen: false, churned_customers: 1393 },
      ],
    });
    const right = {
      rows: [
        { senior_citizen: '是', churned_customers: '476' },
        { senior_citizen: '否', churned_customers: 1393 },
      ],
    };
    expect(scoreValues(ranked, right, texts).pass).toBe(true);
    const swapped = { rows: [right.rows[1]!, right.rows[0]!] };
    expect(scoreValues(ranked, swapped, texts).reasons).toEqual([
      'values: row 1 should be {senior_citizen: true}, got {senior_citizen: 否}',
      'values: row 2 should be {senior_citizen: false}, got {senior_citizen: 是}',
    ]);
  });

  it('matches trend periods as dates, a null key as the "(none)" row, and fails without a table', () => {
    const trend = values({
      by: ['period', 'churn_reason'],
      match: [
        { period: '2026-07-01', churn_reason: null, churned_customers: 0 },
        { period: '2026-08-01', churn_reason: 'price', churned_customers: 3 },
      ],
    });
    const table = {
      rows: [
        { period: '2026-07-01', churn_reason: '（空）', churned_customers: 0 },
        { period: '2026-08-01T00:00:00', churn_reason: 'price', churned_customers: 3 },
      ],
    };
    expect(scoreValues(trend, table, texts).pass).toBe(true);
    expect(scoreValues(trend, null, texts).reasons).toEqual(['values: the answer has no table']);
  });

  it('fails a column the answer does not have', () => {
    const v = values({ match: [{ churn_rate: 0.1, churn_rate__previous: 0.09 }] });
    expect(scoreValues(v, { rows: [{ churn_rate: 0.1 }] }, texts).reasons).toEqual([
      'values: the row churn_rate__previous expected 0.09, got no column',
    ]);
  });
});

describe('reference periods', () => {
  it('splits a range into months, quarters and years, the last one cut at the range end', () => {
    expect(periodsOf({ start: '2026-07-01', end: '2026-10-01' }, 1).map((p) => p.start)).toEqual([
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
    ]);
    expect(periodsOf({ start: '2024-01-01', end: '2026-10-01' }, 12)).toEqual([
      { start: '2024-01-01', end: '2025-01-01' },
      { start: '2025-01-01', end: '2026-01-01' },
      { start: '2026-01-01', end: '2026-10-01' },
    ]);
  });

  it('compares with the previous period of the same length or the same range a year earlier', () => {
    const q3 = { start: '2026-07-01', end: '2026-10-01' };
    expect(baseline(q3, 'previous_period')).toEqual({ start: '2026-04-01', end: '2026-07-01' });
    expect(baseline({ start: '2026-09-01', end: '2026-10-01' }, 'previous_period')).toEqual({
      start: '2026-08-01',
      end: '2026-09-01',
    });
    expect(baseline(q3, 'same_period_last_year')).toEqual({ start: '2025-07-01', end: '2025-10-01' });
    expect(baseline({ start: '2026-07-03', end: '2026-10-01' }, 'previous_period')).toEqual({
      start: '2026-04-04',
      end: '2026-07-03',
    });
  });
});

describe('expectedValues', () => {
  it('ranks, cuts and rounds a reference, and refuses a tie across the cut', async () => {
    const spec = REFERENCES['retail-zh-list-005']!;
    const rows = [
      { region: '华东', churned_customers: '28' },
      { region: '华南', churned_customers: 80n },
      { region: '东北', churned_customers: 15 },
      { region: '西南', churned_customers: 22 },
    ];
    expect(await expectedValues(spec, async () => rows)).toEqual({
      by: ['region'],
      rows: 3,
      ordered: true,
      tolerance: 1e-6,
      match: [
        { region: '华南', churned_customers: 80 },
        { region: '华东', churned_customers: 28 },
        { region: '西南', churned_customers: 22 },
      ],
    });
    const tied = [...rows, { region: '西北', churned_customers: 22 }];
    await expect(expectedValues(spec, async () => tied)).rejects.toThrow(/tie at rank 3\/4/);
  });

  it('puts the baseline beside each row of a compared question', async () => {
    const spec = REFERENCES['retail-zh-comparison-009']!;
    const calls: string[] = [];
    const got = await expectedValues(spec, async (sql) => {
      calls.push(sql);
      const now = calls.length === 1;
      return [
        { period: now ? '2026-07-01' : '2026-04-01', region: '华东', churn_rate: now ? 0.1234567 : 0.1 },
      ];
    });
    expect(calls[0]).toContain("DATE '2026-07-01', DATE '2026-10-01'");
    expect(calls[1]).toContain("DATE '2026-04-01', DATE '2026-07-01'");
    expect(got.match).toEqual([{ region: '华东', churn_rate: 0.123457, churn_rate__previous: 0.1 }]);
  });
});

describe('the references and the sidecar', () => {
  const { cases } = loadEvalCases(join(import.meta.dirname, '..', 'questions'));

  it('name only answer cases of the same model, and the sidecar holds exactly the references', () => {
    expect(referenceIssues(cases)).toEqual([]);
    const sidecar = loadSidecar(SIDECAR);
    expect(sidecar.issues).toEqual([]);
    expect([...sidecar.values.keys()].sort()).toEqual(Object.keys(REFERENCES).sort());
  });

  it('writes a sidecar that reads back to the same values', () => {
    const sidecar = loadSidecar(SIDECAR).values;
    const file = join(mkdtempSync(join(tmpdir(), 'eval-sidecar-')), 'v.yaml');
    writeFileSync(file, sidecarText(sidecar));
    expect(loadSidecar(file).values).toEqual(sidecar);
  });
});
