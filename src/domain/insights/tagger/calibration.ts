import type { Model } from './classifier.ts';

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): one number T divides a
 * model's logits, so its confidences match how often it is right without changing which label wins. Dividing
 * the weights (and each label's quantisation step) and the biases by T bakes it into the model: nothing on the
 * prediction path changes, and a serialised model keeps it.
 */
export function temper(model: Model, temperature: number): Model {
  const k = model.labels.length;
  const step = model.step.map((v) => v / temperature);
  // Weights are 8-bit integers times their label's step (classifier.ts): rebuilt as the loaded model would be,
  // so a serialised round trip predicts exactly the same.
  return {
    ...model,
    w: model.w.map((v, i) => Math.round(v / model.step[i % k]!) * step[i % k]!),
    step,
    b: model.b.map((v) => v / temperature),
  };
}

/** One held-out example: the model's log-probabilities, the log-odds the rules add, and the true label's index. */
export interface ScoredExample {
  logP: readonly number[];
  boost: readonly number[];
  truth: number;
}

/** softmax(logP / T + boost). */
export function tempered(e: ScoredExample, temperature: number): number[] {
  const z = e.logP.map((v, c) => v / temperature + e.boost[c]!);
  const max = Math.max(...z);
  const exp = z.map((v) => Math.exp(v - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}

/** Mean negative log-likelihood of the true labels at temperature T. */
export function negativeLogLikelihood(examples: readonly ScoredExample[], temperature: number): number {
  let sum = 0;
  for (const e of examples) sum -= Math.log(Math.max(tempered(e, temperature)[e.truth]!, 1e-12));
  return sum / Math.max(examples.length, 1);
}

/**
 * The T in [0.25, 4] with the lowest NLL, on a log-spaced grid of 1% steps: one parameter, a convex-enough
 * curve, and a few hundred held-out examples make a grid both exact enough and obviously correct.
 */
export function fitTemperature(examples: readonly ScoredExample[]): number {
  let best = 1;
  let bestLoss = negativeLogLikelihood(examples, 1);
  for (let t = 0.25; t <= 4; t *= 1.01) {
    const loss = negativeLogLikelihood(examples, t);
    if (loss < bestLoss) {
      best = t;
      bestLoss = loss;
    }
  }
  return best;
}

/**
 * Expected calibration error: predictions binned by confidence (10 equal-width bins), the gap between each bin's
 * mean confidence and its accuracy, weighted by the bin's share of predictions. 0 is perfectly calibrated.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const count = new Array<number>(bins).fill(0);
  const conf = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    count[b]!++;
    conf[b]! += c;
    if (correct[i]) right[b]!++;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++)
    if (count[b])
      ece += (count[b]! / confidences.length) * Math.abs(conf[b]! / count[b]! - right[b]! / count[b]!);
  return ece;
}
