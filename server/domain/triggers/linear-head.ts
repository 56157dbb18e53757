/**
 * A supervised reading of a turn's embedding: multinomial logistic regression trained on the
 * example bank's vectors. Nearest examples say what a turn resembles; the head learns which
 * directions of the embedding separate a request from a mention of it, so it weighs the whole bank
 * at once instead of the few closest sentences. Pure arithmetic: training is deterministic (zero
 * start, full batch, fixed steps), so the same bank always gives the same weights.
 */
import type { ExampleLabel } from './example-label';

export interface LinearHead {
  labels: readonly ExampleLabel[];
  dim: number;
  /** Per-dimension centre and inverse spread of the training vectors (e5 vectors crowd in a narrow cone). */
  mean: Float32Array;
  inverseSpread: Float32Array;
  /** labels.length rows of dim weights followed by the bias. */
  weights: Float32Array;
}

export interface HeadTraining {
  /** Full-batch Adam steps. */
  steps?: number;
  learningRate?: number;
  /** L2 penalty on the weights (not the biases): keeps the head from learning the bank by heart. */
  l2?: number;
}

function softmaxInPlace(logits: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of logits) if (v > max) max = v;
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp((logits[k] as number) - max);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] as number) / sum;
}

function standardize(vectors: readonly Float32Array[], dim: number): { mean: Float32Array; inverseSpread: Float32Array } {
  const mean = new Float32Array(dim);
  const inverseSpread = new Float32Array(dim);
  const n = Math.max(1, vectors.length);
  for (const v of vectors) for (let j = 0; j < dim; j++) mean[j] = (mean[j] as number) + (v[j] as number) / n;
  const variance = new Float64Array(dim);
  for (const v of vectors)
    for (let j = 0; j < dim; j++) variance[j] = (variance[j] as number) + ((v[j] as number) - (mean[j] as number)) ** 2 / n;
  for (let j = 0; j < dim; j++) inverseSpread[j] = 1 / Math.sqrt((variance[j] as number) + 1e-8);
  return { mean, inverseSpread };
}

export function trainLinearHead(
  vectors: readonly Float32Array[],
  labelsOf: readonly ExampleLabel[],
  options: HeadTraining = {},
): LinearHead {
  const { steps = 120, learningRate = 0.05, l2 = 1e-2 } = options;
  const dim = vectors[0]?.length ?? 0;
  const labels = [...new Set(labelsOf)].sort();
  const { mean, inverseSpread } = standardize(vectors, dim);
  const n = vectors.length;
  const width = dim + 1;
  const x = new Float64Array(n * dim);
  vectors.forEach((v, i) => {
    for (let j = 0; j < dim; j++) x[i * dim + j] = ((v[j] as number) - (mean[j] as number)) * (inverseSpread[j] as number);
  });
  const target = labelsOf.map((l) => labels.indexOf(l));
  const K = labels.length;
  const weights = new Float64Array(K * width);
  const m = new Float64Array(K * width);
  const s = new Float64Array(K * width);
  const gradient = new Float64Array(K * width);
  const p = new Float64Array(K);
  const [beta1, beta2] = [0.9, 0.999];
  for (let step = 1; step <= steps; step++) {
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * dim;
      for (let k = 0; k < K; k++) {
        const w = k * width;
        let z = weights[w + dim] as number;
        for (let j = 0; j < dim; j++) z += (weights[w + j] as number) * (x[row + j] as number);
        p[k] = z;
      }
      softmaxInPlace(p);
      p[target[i] as number] = (p[target[i] as number] as number) - 1;
      for (let k = 0; k < K; k++) {
        const err = (p[k] as number) / n;
        if (err === 0) continue;
        const w = k * width;
        for (let j = 0; j < dim; j++) gradient[w + j] = (gradient[w + j] as number) + err * (x[row + j] as number);
        gradient[w + dim] = (gradient[w + dim] as number) + err;
      }
    }
    for (let q = 0; q < gradient.length; q++) {
      const isBias = q % width === dim;
      const g = (gradient[q] as number) + (isBias ? 0 : l2 * (weights[q] as number));
      m[q] = beta1 * (m[q] as number) + (1 - beta1) * g;
      s[q] = beta2 * (s[q] as number) + (1 - beta2) * g * g;
      const mHat = (m[q] as number) / (1 - beta1 ** step);
      const sHat = (s[q] as number) / (1 - beta2 ** step);
      weights[q] = (weights[q] as number) - (learningRate * mHat) / (Math.sqrt(sHat) + 1e-8);
    }
  }
  return { labels, dim, mean, inverseSpread, weights: Float32Array.from(weights) };
}

/** The head's probability of each label for one unit vector; they sum to 1. */
export function probabilitiesOf(head: LinearHead, vector: Float32Array): Record<ExampleLabel, number> {
  const { dim, mean, inverseSpread, weights, labels } = head;
  const width = dim + 1;
  const logits = new Float64Array(labels.length);
  for (let k = 0; k < labels.length; k++) {
    const w = k * width;
    let z = weights[w + dim] as number;
    for (let j = 0; j < dim; j++)
      z += (weights[w + j] as number) * ((vector[j] as number) - (mean[j] as number)) * (inverseSpread[j] as number);
    logits[k] = z;
  }
  softmaxInPlace(logits);
  const out: Record<ExampleLabel, number> = {};
  labels.forEach((label, k) => {
    out[label] = logits[k] as number;
  });
  return out;
}
