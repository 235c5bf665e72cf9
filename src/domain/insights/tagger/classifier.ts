import type { FeatureOptions } from './features.ts';
import { trainSoftmax } from './softmax.ts';
import { fitTfidf, Vectorizer, type Vocabulary } from './tfidf.ts';

export interface Example {
  text: string;
  label: string;
  /** How much this example counts (default 1); an org's corrections count more than the seed corpus. */
  weight?: number;
}

export interface Prediction {
  label: string;
  /** The probability of `label`. */
  confidence: number;
  /** Probability of every label; they sum to 1. */
  scores: Record<string, number>;
}

export interface TrainOptions {
  features: FeatureOptions;
  minDfWord: number;
  minDfChar: number;
  c: number;
  maxIterations: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: { wordMaxN: 2, charMinN: 2, charMaxN: 5, maxChars: 100_000 },
  minDfWord: 1,
  minDfChar: 2,
  c: 10,
  maxIterations: 500,
  seed: 1,
};

export interface Model {
  labels: string[];
  vocab: Vocabulary;
  /** features × labels, feature-major. */
  w: Float64Array;
  b: Float64Array;
  vectorizer?: Vectorizer;
}

/** Per-example weights making every label's total weight equal (scikit-learn's class_weight="balanced"). */
function balancedWeights(labelIds: Int32Array, weights: Float64Array, classes: number): Float64Array {
  const perClass = new Float64Array(classes);
  let total = 0;
  labelIds.forEach((y, i) => {
    perClass[y]! += weights[i]!;
    total += weights[i]!;
  });
  return weights.map((w, i) => (w * total) / (classes * perClass[labelIds[i]!]!));
}

export function trainClassifier(examples: readonly Example[], options: Partial<TrainOptions> = {}): Model {
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error('trainClassifier: needs examples of at least two labels');
  const labelIds = Int32Array.from(examples, (e) => labels.indexOf(e.label));
  const { vocab, rows } = fitTfidf(
    examples.map((e) => e.text),
    { features: opts.features, minDfWord: opts.minDfWord, minDfChar: opts.minDfChar },
  );
  const weights = balancedWeights(
    labelIds,
    Float64Array.from(examples, (e) => e.weight ?? 1),
    labels.length,
  );
  const { w, b } = trainSoftmax(
    { rows, labels: labelIds, weights, classes: labels.length, features: vocab.hashes.length },
    { c: opts.c, maxIterations: opts.maxIterations },
  );
  return { labels, vocab, w, b };
}

export function predict(model: Model, text: string): Prediction {
  model.vectorizer ??= new Vectorizer(model.vocab);
  const vec = model.vectorizer;
  vec.transform(text);
  const k = model.labels.length;
  const z = Float64Array.from(model.b);
  for (let j = 0; j < vec.nnz; j++) {
    const v = vec.values[j]!;
    const at = vec.indices[j]! * k;
    for (let c = 0; c < k; c++) z[c]! += v * model.w[at + c]!;
  }
  return toPrediction(model.labels, softmax(z));
}

function softmax(z: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  const p = z.map((v) => {
    const e = Math.exp(v - max);
    sum += e;
    return e;
  });
  return p.map((v) => v / sum);
}

function toPrediction(labels: string[], p: Float64Array): Prediction {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  const scores: Record<string, number> = {};
  labels.forEach((label, c) => {
    scores[label] = p[c]!;
  });
  return { label: labels[best]!, confidence: p[best]!, scores };
}
