import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { retailModel } from './load-fixture.ts';

describe('filters on metric values', () => {
  const query = (op: string, values: number[]) => ({
    model: 'retail',
    metrics: ['churn_rate'],
    dimensions: ['region'],
    timeRange: { start: '2026-07-01', end: '2026-10-01' },
    filters: [{ member: 'churn_rate', op, values }],
  });
  const where = (op: string, values: number[]) => {
    const r = compile(retailModel(), query(op, values), { dialect: 'duckdb' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return {
      where: r.compiled.sql.split('\nWHERE ')[1]?.split('\n')[0],
      params: r.compiled.params.slice(-values.length),
    };
  };

  it('compile like dimension filters, values as parameters', () => {
    expect(where('gt', [0.2]).where).toMatch(/^"churn_rate" > \$\d+$/);
    expect(where('not_in', [0.1, 0.2])).toMatchObject({ params: [0.1, 0.2] });
    expect(where('not_in', [0.1, 0.2]).where).toMatch(
      /^\("churn_rate" IS NULL OR "churn_rate" NOT IN \(\$\d+, \$\d+\)\)$/,
    );
    expect(where('in', [0.1]).where).toMatch(/^"churn_rate" IN \(\$\d+\)$/);
  });
});
