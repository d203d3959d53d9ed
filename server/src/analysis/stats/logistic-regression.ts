/**
 * Binary logistic regression fitted by IRLS (Newton–Raphson) on standardised features, with
 * coefficients, standard errors and odds ratios reported per SD and per original unit (DOMAIN.md §5).
 * Sized for ~100k customers × 20 features: one pass over a row-major Float64Array per iteration.
 */
import { normalTwoSidedP, zForConfidence } from './distributions.ts';
import { choleskyInPlace, choleskySolve, invertSymmetricPositiveDefinite } from './linear-algebra.ts';
import { curvature, type Design, likelihood } from './logistic-irls.ts';
import type { ConfidenceInterval } from './proportions.ts';
import { fail, firstNonFinite, ok, type StatsResult } from './stats-result.ts';

/** Training data: one numeric column per feature, plus a 0/1 outcome (1 = churned). */
export interface LogisticInput {
  featureNames: readonly string[];
  columns: readonly ArrayLike<number>[];
  outcome: ArrayLike<number>;
  /**
   * Frequency weights (≥ 0): a row of weight k stands for k identical customers, so grouped data
   * (per combination of features: churners with outcome 1, the rest with 0) fits exactly as the
   * customer rows would. Default 1 per row.
   */
  weights?: ArrayLike<number>;
}

/** Fitting controls; the defaults suit unpenalised maximum likelihood. */
export interface LogisticOptions {
  /** Newton iterations before giving up (default 50). */
  maxIterations?: number;
  /** Convergence when |ΔD|/(|D| + 0.1) falls below this, as R's glm (default 1e-10). */
  tolerance?: number;
  /** L2 penalty λ on standardised slopes (not the intercept); a small value (e.g. 1) tames separation. */
  ridge?: number;
  /** Confidence level for odds-ratio intervals (default 0.95). */
  confidence?: number;
}

/** A fit that is usable but deserves a caveat in the answer. */
export interface LogisticWarning {
  code: 'not_converged' | 'separation' | 'constant_feature' | 'ridge_applied';
  feature?: string;
  message: string;
}

/** One estimate with its Wald statistics. */
export interface Estimate {
  estimate: number;
  standardError: number;
  z: number;
  pValue: number;
}

/** A feature's effect, per original unit and per standard deviation. */
export interface LogisticCoefficient extends Estimate {
  feature: string;
  mean: number;
  /** Sample standard deviation (n − 1) used for standardising; 0 for a dropped constant feature. */
  sd: number;
  /** Effect of one SD: estimate × sd, with its own SE. */
  standardized: Estimate;
  /** exp(β) per original unit, with a Wald CI. */
  oddsRatio: number;
  oddsRatioInterval: ConfidenceInterval;
  /** exp(β·sd): odds ratio for a one-SD increase, comparable across features. */
  oddsRatioPerSd: number;
  oddsRatioPerSdInterval: ConfidenceInterval;
}

/** A fitted model; `coefficients` follow `featureNames` order. */
export interface LogisticModel {
  featureNames: readonly string[];
  /** Intercept on the original scale (log-odds when every feature is 0). */
  intercept: Estimate;
  /** Intercept on the standardised scale: log-odds for a customer at every feature mean. */
  standardizedIntercept: Estimate;
  coefficients: LogisticCoefficient[];
  /** Customers represented (the sum of the weights; the row count without weights). */
  rows: number;
  events: number;
  iterations: number;
  converged: boolean;
  logLikelihood: number;
  nullLogLikelihood: number;
  /** −2 log L. */
  deviance: number;
  ridge: number;
  warnings: LogisticWarning[];
}

/** Checks the input; `n` and `events` are weighted counts, `rows` the number of rows. */
function validate(input: LogisticInput): StatsResult<{ n: number; events: number; rows: number }> {
  const { featureNames, columns, outcome, weights } = input;
  const rows = outcome.length;
  if (rows === 0) return fail('empty_input', 'outcome', 'no rows');
  if (featureNames.length !== columns.length) {
    return fail('length_mismatch', 'featureNames', 'one name per column is required');
  }
  if (weights && weights.length !== rows)
    return fail('length_mismatch', 'weights', `expected ${rows} values`);
  let events = 0;
  let n = 0;
  for (let i = 0; i < rows; i++) {
    if (outcome[i] !== 0 && outcome[i] !== 1)
      return fail('invalid_argument', `outcome[${i}]`, 'outcome must be 0 or 1');
    const w = weights ? weights[i] : 1;
    if (!Number.isFinite(w) || w < 0) return fail('invalid_argument', `weights[${i}]`, 'weights must be ≥ 0');
    events += w * outcome[i];
    n += w;
  }
  if (events === 0 || events === n) return fail('single_class', 'outcome', 'the outcome has only one class');
  for (let j = 0; j < columns.length; j++) {
    if (columns[j].length !== rows)
      return fail('length_mismatch', `columns[${j}]`, `expected ${rows} values`);
    const bad = firstNonFinite(columns[j]);
    if (bad >= 0)
      return fail('non_finite', `columns[${j}][${bad}]`, `${featureNames[j]} has a non-finite value`);
  }
  return ok({ n, events, rows });
}

/** Mean and sample SD (n − 1) of a column, each row counted `weights[i]` times. */
function meanAndSd(
  column: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
): { mean: number; sd: number } {
  let n = 0;
  let mean = 0;
  for (let i = 0; i < column.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    n += w;
    mean += (w * (column[i] - mean)) / n;
  }
  let ss = 0;
  for (let i = 0; i < column.length; i++)
    ss += (weights ? weights[i] : 1) * (column[i] - mean) * (column[i] - mean);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

function estimate(value: number, variance: number): Estimate {
  const se = Math.sqrt(variance);
  const z = value / se;
  return { estimate: value, standardError: se, z, pValue: normalTwoSidedP(z) };
}

function oddsInterval(beta: number, se: number, zc: number, level: number): ConfidenceInterval {
  return { lower: Math.exp(beta - zc * se), upper: Math.exp(beta + zc * se), level };
}

/**
 * Fits P(churn) = σ(β₀ + Σ βⱼxⱼ) by IRLS with step-halving. Fails with `singular_information` when the
 * features are collinear (retry with `ridge`); separation and non-convergence come back as warnings.
 * With `ridge` > 0, SEs come from the inverse of the penalised information.
 */
export function fitLogisticRegression(
  input: LogisticInput,
  options: LogisticOptions = {},
): StatsResult<LogisticModel> {
  const checked = validate(input);
  if (!checked.ok) return checked;
  const { n, events, rows } = checked.value;
  const w = input.weights;
  const { maxIterations = 50, tolerance = 1e-10, ridge = 0, confidence = 0.95 } = options;
  const warnings: LogisticWarning[] = [];
  const stats = input.columns.map((column) => meanAndSd(column, w));
  const active: number[] = [];
  stats.forEach((s, j) => {
    if (s.sd > 1e-12 * Math.max(1, Math.abs(s.mean))) active.push(j);
    else {
      const feature = input.featureNames[j];
      warnings.push({
        code: 'constant_feature',
        feature,
        message: `${feature} is constant; its effect is not estimable`,
      });
    }
  });
  const q = active.length + 1;
  const design: Design = [new Float64Array(rows).fill(1)];
  for (const j of active) {
    const { mean, sd } = stats[j];
    const column = input.columns[j];
    const standardized = new Float64Array(rows);
    for (let i = 0; i < rows; i++) standardized[i] = (column[i] - mean) / sd;
    design.push(standardized);
  }

  const y = input.outcome;
  const baseRate = events / n;
  const nullLogLik = events * Math.log(baseRate) + (n - events) * Math.log(1 - baseRate);
  const start = new Float64Array(q);
  start[0] = Math.log(baseRate / (1 - baseRate));
  let pass = likelihood(design, y, start, ridge, w);
  let curve = curvature(design, y, pass, ridge, w);
  let converged = false;
  let iterations = 0;
  let stalled = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const factor = Float64Array.from(curve.information);
    const dependent = choleskyInPlace(factor, q);
    if (dependent >= 0) {
      if (iterations === 1) {
        const j = dependent > 0 ? active[dependent - 1] : -1;
        const feature = j >= 0 ? input.featureNames[j] : 'the intercept';
        return fail(
          'singular_information',
          j >= 0 ? `columns[${j}]` : 'columns',
          `${feature} is a linear combination of earlier features (or constant); drop it or set a ridge penalty`,
        );
      }
      stalled = true; // information degenerates as fitted probabilities reach 0 or 1
      break;
    }
    const step = choleskySolve(factor, q, curve.gradient);
    let next = pass;
    for (let halving = 0, scale = 1; halving < 30; halving++, scale /= 2) {
      next = likelihood(
        design,
        y,
        pass.beta.map((b, j) => b + scale * step[j]),
        ridge,
        w,
      );
      if (next.penalizedLogLik >= pass.penalizedLogLik - 1e-12 * Math.abs(pass.penalizedLogLik)) break;
    }
    const change =
      Math.abs(next.penalizedLogLik - pass.penalizedLogLik) / (Math.abs(next.penalizedLogLik) + 0.05);
    pass = next;
    curve = curvature(design, y, pass, ridge, w);
    converged = change < tolerance;
  }
  if (!converged) {
    warnings.push({ code: 'not_converged', message: `no convergence after ${iterations} iterations` });
  }
  if (curve.extremeFits > 0 || stalled) {
    warnings.push({
      code: 'separation',
      message: `${curve.extremeFits} fitted probabilities are numerically 0 or 1; some features separate the outcome, so estimates and SEs are unreliable (set a ridge penalty)`,
    });
  }
  if (ridge > 0)
    warnings.push({ code: 'ridge_applied', message: `L2 penalty λ = ${ridge} on standardised slopes` });

  const beta = pass.beta;
  const covariance =
    invertSymmetricPositiveDefinite(curve.information, q) ?? new Float64Array(q * q).fill(Number.NaN);
  const zc = zForConfidence(confidence);
  // Original scale: βⱼ = bⱼ/sⱼ and β₀ = b₀ − Σ bⱼmⱼ/sⱼ, so Cov(β) = T·Cov(b)·Tᵀ with Tᵀ's first column −mⱼ/sⱼ.
  const shift = new Float64Array(q);
  active.forEach((j, a) => {
    shift[a + 1] = stats[j].mean / stats[j].sd;
  });
  let intercept = beta[0];
  let interceptVariance = covariance[0];
  for (let a = 1; a < q; a++) {
    intercept -= beta[a] * shift[a];
    interceptVariance -= 2 * shift[a] * covariance[a];
    for (let b = 1; b < q; b++) interceptVariance += shift[a] * shift[b] * covariance[a * q + b];
  }
  const coefficients = input.featureNames.map((feature, j): LogisticCoefficient => {
    const a = active.indexOf(j);
    const { mean, sd } = stats[j];
    const bStd = a >= 0 ? beta[a + 1] : 0;
    const varStd = a >= 0 ? covariance[(a + 1) * q + a + 1] : Number.NaN;
    const perUnit = estimate(a >= 0 ? bStd / sd : 0, a >= 0 ? varStd / (sd * sd) : Number.NaN);
    const perSd = estimate(bStd, varStd);
    return {
      feature,
      mean,
      sd: a >= 0 ? sd : 0,
      ...perUnit,
      standardized: perSd,
      oddsRatio: Math.exp(perUnit.estimate),
      oddsRatioInterval: oddsInterval(perUnit.estimate, perUnit.standardError, zc, confidence),
      oddsRatioPerSd: Math.exp(perSd.estimate),
      oddsRatioPerSdInterval: oddsInterval(perSd.estimate, perSd.standardError, zc, confidence),
    };
  });
  return ok({
    featureNames: [...input.featureNames],
    intercept: estimate(intercept, interceptVariance),
    standardizedIntercept: estimate(beta[0], covariance[0]),
    coefficients,
    rows: n,
    events,
    iterations,
    converged,
    logLikelihood: pass.logLik,
    nullLogLikelihood: nullLogLik,
    deviance: -2 * pass.logLik,
    ridge,
    warnings,
  });
}
