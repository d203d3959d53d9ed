import { describe, expect, it } from 'vitest';
import type { CompiledColumn } from '../../../semantic-layer/src/compile/compile-query.ts';
import { withoutEmptyUnknownRows } from './empty-rows.ts';

const columns: CompiledColumn[] = [
  { name: 'churn_reason', kind: 'dimension', member: 'churn_reason' },
  { name: 'churned_customers', kind: 'metric', member: 'churned_customers' },
];

describe('withoutEmptyUnknownRows', () => {
  it('drops a row with a missing dimension value and nothing to count', () => {
    const rows = [
      { churn_reason: 'price', churned_customers: 12 },
      { churn_reason: null, churned_customers: 0 },
      { churn_reason: 'service', churned_customers: 0 },
    ];
    expect(withoutEmptyUnknownRows(columns, rows)).toEqual([
      { churn_reason: 'price', churned_customers: 12 },
      { churn_reason: 'service', churned_customers: 0 },
    ]);
  });

  it('keeps a missing dimension value that carries a number, and results without dimensions', () => {
    const rows = [{ churn_reason: null, churned_customers: 3 }];
    expect(withoutEmptyUnknownRows(columns, rows)).toEqual(rows);
    const single = [{ churned_customers: 0 }];
    expect(withoutEmptyUnknownRows([columns[1]!], single)).toEqual(single);
  });
});
