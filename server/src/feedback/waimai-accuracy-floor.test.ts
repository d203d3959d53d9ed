import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingSharedData, sharedDataTitle, WAIMAI_FILE } from '../../test/shared-datasets.ts';
import { sharedDataPath } from '../data/shared-data.ts';
import { classifyFeedbackBatch } from './classify-feedback.ts';

// Regression floor on real text: the first 1000 rows of waimai_10k (all labelled positive, 1) and rows
// 4001-5000 (all negative, 0). Full figures: evals/feedback/RESULTS.md (npx tsx evals/feedback/measure.ts).
// Issue 18 item 8 (n-gram model): the positive rows went from 86.2% to 88.2% (floor raised from 82% to 86%);
// the negative rows went from 94.6% to 92.9% (the sentiment model's class balance leans borderline reviews to
// neutral or positive), so that floor stays at 90%. The model was trained on the even rows (the tuning half),
// so half of each slice is training data; the held-out half's figure is in RESULTS.md.
const WAIMAI = sharedDataPath(WAIMAI_FILE);
const missing = missingSharedData(WAIMAI_FILE);

function readRows(): Array<{ label: number; review: string }> {
  return readFileSync(WAIMAI, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => {
      const comma = line.indexOf(',');
      return { label: Number(line.slice(0, comma)), review: line.slice(comma + 1).replace(/^"|"$/g, '') };
    });
}

function accuracy(rows: Array<{ label: number; review: string }>): number {
  const results = classifyFeedbackBatch(rows.map((r) => r.review));
  let right = 0;
  results.forEach((r, i) => {
    const positive = r.sentiment === 'positive' || (r.sentiment === 'neutral' && r.sentimentScore > 0);
    if (positive === (rows[i].label === 1)) right++;
  });
  return right / rows.length;
}

describe.skipIf(missing.length > 0)(
  sharedDataTitle('sentiment accuracy floor on real waimai reviews', missing),
  () => {
    const rows = missing.length === 0 ? readRows() : [];

    it('gets at least 86% of the first 1000 (positive) reviews right', () => {
      expect(accuracy(rows.slice(0, 1000))).toBeGreaterThanOrEqual(0.86);
    });

    it('gets at least 90% of 1000 negative reviews (rows 4001-5000) right', () => {
      expect(accuracy(rows.slice(4000, 5000))).toBeGreaterThanOrEqual(0.9);
    });
  },
);
