import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoFeedbackRow,
  expectedTopic,
  isComplaint,
  readDemoFeedback,
} from '../../test/feedback/demo-truth.ts';
import { generateDemo } from '../data/demo/generate-demo.ts';
import { classifyFeedback, type FeedbackClassification } from './classify-feedback.ts';

// Regression floors on a generated demo (1,000 customers, seed 42: ~1,500 texts, ~370 complaints), a little
// below what the classifier measured there. Issue 18 item 8 raised them: complaint topics 90.0% → 99.2%
// (English 83.3% → 98.1%), sentiment 98.8% → 99.9%, all topics under the product convention 95.4% → 99.8%.
// The n-gram model is trained on the demo's text bank (each sentence once), so these are training-set figures:
// they guard against regressions, not for generalisation (the blind set does that: blind-accuracy-floor.test.ts).
// Full figures on 10,000 customers: evals/feedback/RESULTS.md (measure-demo.ts).
describe('feedback classifier on the demo texts, against the generator truth', () => {
  let dir: string;
  let scored: Array<{ row: DemoFeedbackRow; result: FeedbackClassification }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feedback-demo-'));
    const dbPath = join(dir, 'retail.duckdb');
    await generateDemo({ dbPath, customers: 1000, seed: 42 });
    const instance = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY', threads: '2' });
    const con = await instance.connect();
    try {
      const rows = await readDemoFeedback(con);
      scored = rows.map((row) => ({ row, result: classifyFeedback(row.text, row.language) }));
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const share = (items: typeof scored, right: (s: (typeof scored)[number]) => boolean) =>
    items.filter(right).length / items.length;

  it('has enough texts and complaints for the floors to mean something', () => {
    expect(scored.length).toBeGreaterThan(1000);
    expect(scored.filter((s) => isComplaint(s.row)).length).toBeGreaterThan(300);
  });

  it('names the reason of at least 97% of complaints as the generator did', () => {
    const complaints = scored.filter((s) => isComplaint(s.row));
    expect(share(complaints, (s) => s.result.topic === s.row.truthTopic)).toBeGreaterThanOrEqual(0.97);
  });

  it('gets at least 95% of the English complaints right too (the minority language, ~55 texts)', () => {
    const english = scored.filter((s) => isComplaint(s.row) && s.row.language === 'en');
    expect(share(english, (s) => s.result.topic === s.row.truthTopic)).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the three-way sentiment of at least 98% of texts right', () => {
    expect(share(scored, (s) => s.result.sentiment === s.row.truthSentiment)).toBeGreaterThanOrEqual(0.98);
  });

  it('calls praise and neutral remarks `other` (the topic convention) for at least 97% of all texts', () => {
    expect(share(scored, (s) => s.result.topic === expectedTopic(s.row))).toBeGreaterThanOrEqual(0.97);
  });

  it('stored what the classifier says: generation fills feedback.topic and sentiment with it', () => {
    expect(share(scored, (s) => s.row.storedTopic === s.result.topic)).toBe(1);
    expect(share(scored, (s) => s.row.storedSentiment === s.result.sentiment)).toBe(1);
  });
});
