import { minimize } from './lbfgs.ts';
import type { SparseRows } from './tfidf.ts';

/**
 * Multinomial logistic regression (softmax) with an L2 penalty, fitted by L-BFGS: one model whose scores are
 * calibrated probabilities over all classes at once, rather than one-vs-rest scores that need rescaling.
 * Weights are stored feature-major (w[f * K + k]) so a sparse document touches K adjacent numbers per feature.
 */
export interface SoftmaxWeights {
  /** features × classes, feature-major. */
  w: Float64Array;
  /** One intercept per class (not penalised). */
  b: Float64Array;
}

export interface SoftmaxProblem {
  rows: SparseRows;
  labels: Int32Array;
  /** Per-row weight (class balance × example weight). */
  weights: Float64Array;
  classes: number;
  features: number;
}

export interface SoftmaxOptions {
  /** Inverse regularisation strength, as scikit-learn's C: the loss is summed, the penalty is ||w||² / 2C. */
  c: number;
  maxIterations: number;
  /** Optional starting point (a warm start from a neighbouring C). */
  init?: SoftmaxWeights;
}

export function trainSoftmax(problem: SoftmaxProblem, opts: SoftmaxOptions): SoftmaxWeights {
  const { classes: k, features: f } = problem;
  const x0 = new Float64Array(f * k + k);
  if (opts.init) {
    x0.set(opts.init.w);
    x0.set(opts.init.b, f * k);
  }
  const result = minimize((x, grad) => loss(problem, 1 / opts.c, x, grad), x0, {
    maxIterations: opts.maxIterations,
  });
  return { w: result.x.slice(0, f * k), b: result.x.slice(f * k) };
}

/** Weighted cross-entropy + L2, and its gradient. */
function loss(p: SoftmaxProblem, lambda: number, x: Float64Array, grad: Float64Array): number {
  const { indptr, indices, values } = p.rows;
  const k = p.classes;
  const biasAt = p.features * k;
  grad.fill(0);
  const z = new Float64Array(k);
  let total = 0;
  for (let r = 0; r < p.labels.length; r++) {
    const start = indptr[r]!;
    const end = indptr[r + 1]!;
    for (let c = 0; c < k; c++) z[c] = x[biasAt + c]!;
    for (let j = start; j < end; j++) {
      const v = values[j]!;
      const at = indices[j]! * k;
      for (let c = 0; c < k; c++) z[c]! += v * x[at + c]!;
    }
    const lse = logSumExp(z);
    const y = p.labels[r]!;
    const s = p.weights[r]!;
    total += s * (lse - z[y]!);
    for (let c = 0; c < k; c++) z[c] = s * (Math.exp(z[c]! - lse) - (c === y ? 1 : 0));
    for (let j = start; j < end; j++) {
      const v = values[j]!;
      const at = indices[j]! * k;
      for (let c = 0; c < k; c++) grad[at + c]! += v * z[c]!;
    }
    for (let c = 0; c < k; c++) grad[biasAt + c]! += z[c]!;
  }
  let norm = 0;
  for (let i = 0; i < biasAt; i++) {
    norm += x[i]! * x[i]!;
    grad[i]! += lambda * x[i]!;
  }
  return total + 0.5 * lambda * norm;
}

export function logSumExp(z: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < z.length; c++) max = Math.max(max, z[c]!);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += Math.exp(z[c]! - max);
  return max + Math.log(sum);
}
