import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedSample } from './random.ts';

const labels = [...Array(30).fill('a'), ...Array(20).fill('b'), ...Array(10).fill('c')] as string[];

describe('stratified folds and samples', () => {
  it('keeps the label mix in every fold, and the same seed gives the same folds', () => {
    const folds = stratifiedFolds(labels, 5, 42);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => folds[i] === f);
      expect(inFold.filter((l) => l === 'a')).toHaveLength(6);
      expect(inFold.filter((l) => l === 'b')).toHaveLength(4);
      expect(inFold.filter((l) => l === 'c')).toHaveLength(2);
    }
    expect(stratifiedFolds(labels, 5, 42)).toEqual(folds);
    expect(stratifiedFolds(labels, 5, 43)).not.toEqual(folds);
  });

  it('draws exactly n rows in proportion to the labels, at least one of each', () => {
    const all = labels.map((_, i) => i);
    const sample = stratifiedSample(all, labels, 12, 7);
    expect(sample).toHaveLength(12);
    expect(new Set(sample).size).toBe(12);
    const count = (l: string) => sample.filter((i) => labels[i] === l).length;
    expect([count('a'), count('b'), count('c')]).toEqual([6, 4, 2]);
    expect(
      stratifiedSample(all, labels, 4, 7)
        .map((i) => labels[i])
        .sort(),
    ).toEqual(['a', 'a', 'b', 'c']);
    expect(stratifiedSample(all, labels, 12, 7)).toEqual(sample);
  });
});
