/**
 * The CPU-heavy pure functions a compute worker runs (compute-pool.ts): each takes and returns structured-cloneable
 * data. Adding one here makes it callable with `compute(name, ...args)`.
 */
import { evaluateRisk } from '../risk/risk-evaluation.ts';
import { fitLogisticRegression, predictProbabilities } from '../stats/index.ts';
import { estimateSpellSurvival } from '../survival/survival-estimate.ts';

export const COMPUTE_TASKS = {
  fitLogisticRegression,
  predictProbabilities,
  estimateSpellSurvival,
  evaluateRisk,
};

export type ComputeTasks = typeof COMPUTE_TASKS;
export type ComputeTask = keyof ComputeTasks;
