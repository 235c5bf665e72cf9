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
  /**
   * One intercept per class, penalised like the weights (as liblinear does, unlike scikit-learn's lbfgs): free
   * intercepts drift on separable data, and then a text with no known feature — empty, another language — gets
   * a confident label out of nowhere. Penalised, it gets the prior, which class balancing makes uniform.
   */
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
}

export function trainSoftmax(problem: SoftmaxProblem, opts: SoftmaxOptions): SoftmaxWeights {
  const { classes: k, features: f } = problem;
  const x0 = new Float64Array(f * k + k);
  const result = minimize((x, grad) => softmaxLoss(problem, 1 / opts.c, x, grad), x0, {
    maxIterations: opts.maxIterations,
  });
  return { w: result.x.slice(0, f * k), b: result.x.slice(f * k) };
}

/** Weighted cross-entropy + L2 over x = [weights, intercepts]; writes the gradient into grad. */
export function softmaxLoss(p: SoftmaxProblem, lambda: number, x: Float64Array, grad: Float64Array): number {
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
    addScores(indices, values, start, end, x, k, z);
    const lse = logSumExp(z);
    const y = p.labels[r]!;
    const s = p.weights[r]!;
    total += s * (lse - z[y]!);
    // z becomes the residual s·(p − onehot(y)), the row's gradient per unit of each feature value.
    for (let c = 0; c < k; c++) z[c] = s * (Math.exp(z[c]! - lse) - (c === y ? 1 : 0));
    addGradient(indices, values, start, end, grad, k, z);
    for (let c = 0; c < k; c++) grad[biasAt + c]! += z[c]!;
  }
  let norm = 0;
  for (let i = 0; i < x.length; i++) {
    norm += x[i]! * x[i]!;
    grad[i]! += lambda * x[i]!;
  }
  return total + 0.5 * lambda * norm;
}

/*
 * The two kernels below run over one sparse row for up to four classes at a time with scalar accumulators: in
 * V8 that is 2–3× faster than an inner loop over a class array, and they are where training spends its time.
 */

/** z[c] += Σ_j values[j] · w[indices[j] · k + c] over the row [start, end). */
export function addScores(
  indices: Int32Array,
  values: Float64Array,
  start: number,
  end: number,
  w: Float64Array,
  k: number,
  z: Float64Array,
): void {
  for (let c0 = 0; c0 < k; c0 += 4) {
    const width = Math.min(4, k - c0);
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    if (width === 4) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        z0 += v * w[at]!;
        z1 += v * w[at + 1]!;
        z2 += v * w[at + 2]!;
        z3 += v * w[at + 3]!;
      }
    } else if (width === 3) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        z0 += v * w[at]!;
        z1 += v * w[at + 1]!;
        z2 += v * w[at + 2]!;
      }
    } else if (width === 2) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        z0 += v * w[at]!;
        z1 += v * w[at + 1]!;
      }
    } else {
      for (let j = start; j < end; j++) z0 += values[j]! * w[indices[j]! * k + c0]!;
    }
    z[c0]! += z0;
    if (width > 1) z[c0 + 1]! += z1;
    if (width > 2) z[c0 + 2]! += z2;
    if (width > 3) z[c0 + 3]! += z3;
  }
}

/** grad[indices[j] · k + c] += values[j] · r[c] over the row [start, end). */
function addGradient(
  indices: Int32Array,
  values: Float64Array,
  start: number,
  end: number,
  grad: Float64Array,
  k: number,
  r: Float64Array,
): void {
  for (let c0 = 0; c0 < k; c0 += 4) {
    const width = Math.min(4, k - c0);
    const r0 = r[c0]!;
    const r1 = width > 1 ? r[c0 + 1]! : 0;
    const r2 = width > 2 ? r[c0 + 2]! : 0;
    const r3 = width > 3 ? r[c0 + 3]! : 0;
    if (width === 4) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        grad[at]! += v * r0;
        grad[at + 1]! += v * r1;
        grad[at + 2]! += v * r2;
        grad[at + 3]! += v * r3;
      }
    } else if (width === 3) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        grad[at]! += v * r0;
        grad[at + 1]! += v * r1;
        grad[at + 2]! += v * r2;
      }
    } else if (width === 2) {
      for (let j = start; j < end; j++) {
        const at = indices[j]! * k + c0;
        const v = values[j]!;
        grad[at]! += v * r0;
        grad[at + 1]! += v * r1;
      }
    } else {
      for (let j = start; j < end; j++) grad[indices[j]! * k + c0]! += values[j]! * r0;
    }
  }
}

export function logSumExp(z: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < z.length; c++) max = Math.max(max, z[c]!);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += Math.exp(z[c]! - max);
  return max + Math.log(sum);
}
