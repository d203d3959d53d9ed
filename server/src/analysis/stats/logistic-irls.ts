/**
 * The numeric core of IRLS for logistic regression: log-likelihood, score and Fisher information over a
 * column-major standardised design. Internal to logistic-regression.ts.
 */

/** Logistic function σ(η) = 1/(1 + e^−η). */
export const sigmoid = (eta: number): number => 1 / (1 + Math.exp(-eta));
/** log(1 + e^η) without overflow. */
export const softplus = (eta: number): number => Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));

/** Standardised design, one Float64Array per column; column 0 is the intercept's ones. */
export type Design = Float64Array[];

/** η = Zβ over the column-major design. */
export function linearPredictor(design: Design, beta: Float64Array, n: number): Float64Array {
  const eta = new Float64Array(n);
  for (let j = 0; j < design.length; j++) {
    const column = design[j];
    const b = beta[j];
    for (let i = 0; i < n; i++) eta[i] += b * column[i];
  }
  return eta;
}

/** Penalised log-likelihood at β, with the η it came from. */
export interface Pass {
  beta: Float64Array;
  eta: Float64Array;
  logLik: number;
  penalizedLogLik: number;
}

/** Log-likelihood (and its ridge-penalised form) at β; `weights` count each row that many times. */
export function likelihood(
  design: Design,
  y: ArrayLike<number>,
  beta: Float64Array,
  ridge: number,
  weights?: ArrayLike<number>,
): Pass {
  const eta = linearPredictor(design, beta, y.length);
  let logLik = 0;
  for (let i = 0; i < eta.length; i++)
    logLik += (weights ? weights[i] : 1) * (y[i] * eta[i] - softplus(eta[i]));
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += 0.5 * ridge * beta[j] * beta[j];
  return { beta, eta, logLik, penalizedLogLik: logLik - penalty };
}

export interface Curvature {
  gradient: Float64Array;
  information: Float64Array;
  extremeFits: number;
}

/** Score vector and Fisher information Z'WZ (+ ridge) at the pass's β (rows counted `weights[i]` times). */
// Column-major dot products with two accumulators run about twice as fast in V8 as row-wise outer products.
export function curvature(
  design: Design,
  y: ArrayLike<number>,
  pass: Pass,
  ridge: number,
  weights?: ArrayLike<number>,
): Curvature {
  const q = design.length;
  const n = y.length;
  const residual = new Float64Array(n);
  const weight = new Float64Array(n);
  let extremeFits = 0;
  for (let i = 0; i < n; i++) {
    const mu = sigmoid(pass.eta[i]);
    const w = weights ? weights[i] : 1;
    if (w > 0 && (mu < 1e-10 || mu > 1 - 1e-10)) extremeFits++;
    residual[i] = w * (y[i] - mu);
    weight[i] = w * mu * (1 - mu);
  }
  const gradient = new Float64Array(q);
  const information = new Float64Array(q * q);
  const weighted = new Float64Array(n);
  for (let j = 0; j < q; j++) {
    const cj = design[j];
    let g = 0;
    for (let i = 0; i < n; i++) {
      weighted[i] = weight[i] * cj[i];
      g += residual[i] * cj[i];
    }
    gradient[j] = g - (j > 0 ? ridge * pass.beta[j] : 0);
    for (let k = j; k < q; k++) {
      const ck = design[k];
      let s0 = 0;
      let s1 = 0;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        s0 += weighted[i] * ck[i];
        s1 += weighted[i + 1] * ck[i + 1];
      }
      if (i < n) s0 += weighted[i] * ck[i];
      information[j * q + k] = s0 + s1 + (j === k && j > 0 ? ridge : 0);
      information[k * q + j] = information[j * q + k];
    }
  }
  return { gradient, information, extremeFits };
}
