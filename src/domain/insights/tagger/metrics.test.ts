import { describe, expect, it } from 'vitest';
import { evaluate } from './metrics.ts';

describe('evaluate', () => {
  it('computes accuracy, per-label precision/recall/F1 and macro-F1', () => {
    const truth = ['a', 'a', 'a', 'b', 'b', 'c'];
    const predicted = ['a', 'a', 'b', 'b', 'c', 'c'];
    const r = evaluate(truth, predicted);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    const [a, b, c] = r.labels;
    // a: tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8
    expect(a).toMatchObject({ label: 'a', precision: 1, support: 3 });
    expect(a!.recall).toBeCloseTo(2 / 3);
    expect(a!.f1).toBeCloseTo(0.8);
    // b: tp 1, fp 1, fn 1 → 0.5 / 0.5 / 0.5
    expect(b).toMatchObject({ label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    // c: tp 1, fp 1, fn 0 → P 0.5, R 1, F1 2/3
    expect(c!.f1).toBeCloseTo(2 / 3);
    expect(r.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3);
  });

  it('scores a label that is never predicted as 0 and averages over the labels asked for', () => {
    const r = evaluate(['x', 'y'], ['x', 'x'], ['x', 'y', 'z']);
    expect(r.labels.map((l) => l.f1)).toEqual([2 / 3, 0, 0]);
    expect(r.macroF1).toBeCloseTo(2 / 9);
  });
});
