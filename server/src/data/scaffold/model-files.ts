/**
 * Writes a scaffold plan as files: the ingest mapping (`ingest/<id>.yaml`) that loads the table into the
 * canonical tables, and the definition files (model, sources, dimensions, metrics, churn). Labels are
 * English only (allowed: they are shown in both languages); the analyst adds Chinese labels and synonyms.
 */
import { customerTableFiles } from './customer-table-files.ts';
import { logFiles } from './event-log-files.ts';
import type { ScaffoldPlan } from './guess-model.ts';

export interface ScaffoldFiles {
  /** Definition files by name (model.yaml, sources.yaml, …). */
  definitions: Record<string, string>;
  /** The ingest mapping, to be written as `ingest/<id>.yaml`. */
  mapping: string;
}

export interface WriteOptions {
  /** The table's file as the mapping refers to it (relative to the mapping, or `${CHATBI_SHARED_DATA}/…`). */
  sourceFile: string;
  currency: string;
  description: string;
}

/** The files of a plan. */
export function scaffoldFiles(plan: ScaffoldPlan, opts: WriteOptions): ScaffoldFiles {
  return plan.shape === 'event_log' ? logFiles(plan, opts) : customerTableFiles(plan, opts);
}
