/**
 * Multinomial logistic regression for the feedback model: full-batch Adam on the weighted mean cross-entropy
 * with an L2 penalty. Full batches and fixed starting weights (zeros) make the result deterministic: the
 * same data in the same order gives the same weights.
 */
export interface TrainingExample {
  /** Indices of the sparse features present (value 1). */
  sparse: number[];
  dense: number[];
  label: number;
  weight: number;
}

export interface TrainOptions {
  classes: number;
  sparseCount: number;
  denseCount: number;
  l2: number;
  /** L2 on the dense (lexicon) weights; smaller than `l2` lets the model lean on the lexicon. */
  denseL2: number;
  iterations: number;
  rate: number;
}

export interface TrainedSoftmax {
  bias: Float64Array;
  dense: Float64Array;
  sparse: Float64Array;
}

export function trainSoftmax(examples: readonly TrainingExample[], o: TrainOptions): TrainedSoftmax {
  const K = o.classes;
  const params = new Float64Array(K + o.denseCount * K + o.sparseCount * K);
  const grad = new Float64Array(params.length);
  const m = new Float64Array(params.length);
  const v = new Float64Array(params.length);
  const denseAt = K;
  const sparseAt = K + o.denseCount * K;
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0);
  const logits = new Float64Array(K);
  const beta1 = 0.9;
  const beta2 = 0.999;
  for (let it = 1; it <= o.iterations; it++) {
    grad.fill(0);
    for (const ex of examples) {
      for (let c = 0; c < K; c++) logits[c] = params[c];
      for (let j = 0; j < ex.dense.length; j++) {
        const x = ex.dense[j];
        if (x !== 0) for (let c = 0; c < K; c++) logits[c] += params[denseAt + j * K + c] * x;
      }
      for (const f of ex.sparse) for (let c = 0; c < K; c++) logits[c] += params[sparseAt + f * K + c];
      let max = logits[0];
      for (let c = 1; c < K; c++) if (logits[c] > max) max = logits[c];
      let sum = 0;
      for (let c = 0; c < K; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      const scale = ex.weight / totalWeight;
      for (let c = 0; c < K; c++) {
        const g = (logits[c] / sum - (c === ex.label ? 1 : 0)) * scale;
        grad[c] += g;
        for (let j = 0; j < ex.dense.length; j++) grad[denseAt + j * K + c] += g * ex.dense[j];
        for (const f of ex.sparse) grad[sparseAt + f * K + c] += g;
      }
    }
    const correction1 = 1 - beta1 ** it;
    const correction2 = 1 - beta2 ** it;
    for (let i = 0; i < params.length; i++) {
      const g = grad[i] + (i >= sparseAt ? o.l2 * params[i] : i >= K ? o.denseL2 * params[i] : 0);
      if (g === 0 && m[i] === 0) continue;
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      params[i] -= (o.rate * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + 1e-8);
    }
  }
  return {
    bias: params.slice(0, K),
    dense: params.slice(denseAt, sparseAt),
    sparse: params.slice(sparseAt),
  };
}
