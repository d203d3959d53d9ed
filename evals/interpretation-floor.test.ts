import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelRuntime } from '../server/src/data/model-runtime.ts';
import { missingSharedData, sharedDataTitle, TELCO_FILES } from '../server/test/shared-datasets.ts';
import { loadEvalCases } from './eval-case.ts';
import { evalRuntimes } from './eval-runtimes.ts';
import { type EvalSummary, runEvals } from './run-evals.ts';
import { loadSidecar } from './values/expected-values.ts';
import { computeExpected, SIDECAR } from './values/fill-expected.ts';

/**
 * The whole question set through the real pipeline (rules interpreter, real retail and Telco catalogs,
 * compiled and executed on DuckDB). The floors only go up: raise them when accuracy improves.
 * Cases with expected values (evals/values) must also show those numbers, apart from known gaps.
 */
const FLOOR = {
  total: 0.99,
  time_expression: 0.98,
  follow_up: 0.96,
  breakdown: 0.98,
  clarify: 0.9,
  adversarial: 0.95,
  out_of_scope: 0.95,
};

const missing = missingSharedData(...TELCO_FILES);

// The Telco half of the question set reads IBM Telco from the public datasets (../shared/data).
describe.skipIf(missing.length > 0)(
  sharedDataTitle('evaluation questions through the pipeline', missing),
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'chatbi-evals-'));
    let runtimes: Map<string, ModelRuntime>;
    let close: () => Promise<void>;
    let summary: EvalSummary;

    beforeAll(async () => {
      ({ runtimes, close } = await evalRuntimes(dir));
      const { cases, issues } = loadEvalCases(join(import.meta.dirname, 'questions'));
      expect(issues).toEqual([]);
      summary = await runEvals(cases, runtimes, { llm: null });
      // On PostgreSQL (project postgres-analytics) the demo and Telco are also loaded and materialised there.
    }, 360_000);
    afterAll(async () => {
      await close?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`answers at least ${FLOOR.total * 100}% of the ${'551'} cases as CONVENTIONS.md prescribes`, () => {
      expect(summary.total).toBeGreaterThanOrEqual(551);
      expect(summary.accuracy).toBeGreaterThanOrEqual(FLOOR.total);
    });

    it('keeps the per-category floors', () => {
      for (const [category, floor] of Object.entries(FLOOR)) {
        if (category === 'total') continue;
        expect({ category, accuracy: summary.byCategory[category]!.accuracy >= floor }).toEqual({
          category,
          accuracy: true,
        });
      }
    });

    it('shows the expected values of every case that has them, apart from the known product gaps', () => {
      const valued = summary.results.filter((r) => r.values);
      expect(valued.length).toBeGreaterThanOrEqual(250);
      expect(new Set(valued.map((r) => r.lang))).toEqual(new Set(['zh', 'en', 'mixed']));
      expect(new Set(valued.map((r) => r.model))).toEqual(new Set(['retail', 'telco']));
      const failing = valued.filter((r) => !r.values!.pass).map((r) => r.id);
      // Known gaps are listed so the list can only shrink.
      expect(failing.sort()).toEqual(KNOWN_VALUE_GAPS);
    });

    // The reference SQL is hand-written DuckDB SQL over the raw tables (never our compiler), so this check
    // runs on DuckDB; on PostgreSQL (project postgres-analytics) the answers' values are checked above all the same.
    it.skipIf(Boolean(process.env.ANALYTICS_DATABASE_URL))(
      'keeps the expected values in step with the reference SQL on freshly generated data',
      async () => {
        const fresh = await computeExpected(runtimes);
        expect(loadSidecar(SIDECAR).values, 'run `npx tsx evals/values/fill-expected.ts`').toEqual(fresh);
      },
      300_000,
    );

    it('never runs a query for a request to change data', () => {
      const writes = summary.results.filter((r) =>
        /删除|\bdrop (the|all|table)|delete|改成|更新为|标记为|群发|\bupdate /i.test(r.question),
      );
      expect(writes.length).toBeGreaterThan(3);
      const answered = writes.filter((r) => (r.got as { kind: string }).kind === 'answer').map((r) => r.id);
      // Known gaps are listed so the list can only shrink.
      expect(answered.sort()).toEqual(KNOWN_WRITE_GAPS);
    });
  },
);

const KNOWN_WRITE_GAPS: string[] = [];

/** Value checks that fail on a product gap, not on the reference (see evals/CONVENTIONS.md): none now. */
const KNOWN_VALUE_GAPS: string[] = [];
