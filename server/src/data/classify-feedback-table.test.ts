import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { classifyFeedbackTable } from './classify-feedback-table.ts';

describe('classifying the feedback table', () => {
  it('fills topic and sentiment where missing, keeps given labels and rows without text', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(
      'CREATE TABLE feedback (id VARCHAR, text VARCHAR, language VARCHAR, topic VARCHAR, sentiment VARCHAR)',
    );
    await con.run(`INSERT INTO feedback VALUES
      ('f1', '快递太慢了，等了一个星期才到', 'zh', NULL, NULL),
      ('f2', 'Way too expensive, the price went up again', 'en', NULL, NULL),
      ('f3', '客服态度很差', 'zh', 'product_quality', NULL),
      ('f4', NULL, NULL, NULL, NULL),
      ('f5', '   ', 'zh', NULL, NULL)`);
    const progress: number[] = [];
    expect(await classifyFeedbackTable(con, (done) => progress.push(done))).toBe(3);
    expect(progress).toEqual([3]);
    const rows = (await con.runAndReadAll('SELECT id, topic, sentiment FROM feedback ORDER BY id')).getRows();
    expect(rows).toEqual([
      ['f1', 'logistics', 'negative'],
      ['f2', 'price', 'negative'],
      ['f3', 'product_quality', 'negative'],
      ['f4', null, null],
      ['f5', null, null],
    ]);
    // Idempotent: nothing left to classify.
    expect(await classifyFeedbackTable(con)).toBe(0);
    con.closeSync();
    instance.closeSync();
  });
});
