/**
 * `npx tsx evals/blind/batch-14/run-reference.ts [--check] [--data-dir .data/eval]`: runs the hand-written
 * reference SQL of this batch (reference-sql.ts) on the eval data and writes each case's `expect.values`
 * inline into the question files (the shared runner, ../reference-runner.ts). `--check` only compares
 * and exits 1 when a file is stale.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReferences } from '../reference-runner.ts';
import { REFERENCES } from './reference-sql.ts';

process.exitCode = await runReferences(dirname(fileURLToPath(import.meta.url)), REFERENCES);
