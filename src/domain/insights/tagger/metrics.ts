/** Per-label and overall quality of predictions against the truth, as scikit-learn's classification_report. */
export interface LabelScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true label this is. */
  support: number;
}

export interface Evaluation {
  accuracy: number;
  macroF1: number;
  labels: LabelScore[];
}

/**
 * Scores predictions. Macro-F1 averages over `labels` (default: the labels that occur in the truth, sorted), so
 * a model that predicts a label the truth never uses is penalised through precision, not by an extra zero.
 */
export function evaluate(
  truth: readonly string[],
  predicted: readonly string[],
  labels?: string[],
): Evaluation {
  if (truth.length !== predicted.length) throw new Error('evaluate: truth and predictions differ in length');
  const names = labels ?? [...new Set(truth)].sort();
  let correct = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++;
  const scores = names.map((label) => scoreLabel(label, truth, predicted));
  return {
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: scores.length ? scores.reduce((sum, s) => sum + s.f1, 0) / scores.length : 0,
    labels: scores,
  };
}

function scoreLabel(label: string, truth: readonly string[], predicted: readonly string[]): LabelScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i] === label;
    const p = predicted[i] === label;
    if (t && p) tp++;
    else if (p) fp++;
    else if (t) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { label, precision, recall, f1, support: tp + fn };
}
