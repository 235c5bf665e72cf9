import { describe, expect, it } from 'vitest';
import {
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
  type ScoredExample,
  temper,
  tempered,
} from './calibration.ts';
import { predict, trainClassifier } from './classifier.ts';
import { KIND_TEMPERATURE, outOfFoldScores } from './kind-tagger.ts';
import { SEED_CORPUS } from './seed-corpus.ts';

const confidence = (p: number[]) => Math.max(...p);
const right = (p: number[], truth: number) => p.indexOf(Math.max(...p)) === truth;

describe('temperature scaling', () => {
  it('finds the temperature that made the data: over-confident logits get T > 1, timid ones T < 1', () => {
    // Labels drawn so that softmax(logP / 2) is the truth: the logits are twice as sure as they should be.
    const examples: ScoredExample[] = [];
    for (let i = 0; i < 400; i++) {
      const margin = 1 + (i % 7);
      const logP = [margin, 0, -margin];
      const p = tempered({ logP, boost: [0, 0, 0], truth: 0 }, 2);
      const u = ((i * 0.618034) % 1) as number;
      const truth = u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2;
      examples.push({ logP, boost: [0, 0, 0], truth });
    }
    expect(fitTemperature(examples)).toBeGreaterThan(1.6);
    expect(fitTemperature(examples)).toBeLessThan(2.5);
    const timid = examples.map((e) => ({ ...e, logP: e.logP.map((v) => v / 4) }));
    expect(fitTemperature(timid)).toBeLessThan(0.7);
  });

  it('keeps the winning label and bakes T into the model', () => {
    const model = trainClassifier(SEED_CORPUS.slice(0, 200));
    const hot = temper(model, 0.5);
    for (const e of SEED_CORPUS.slice(0, 20)) {
      const a = predict(model, e.text);
      const b = predict(hot, e.text);
      expect(b.label).toBe(a.label);
      expect(b.confidence).toBeGreaterThanOrEqual(a.confidence - 1e-12);
    }
  });

  it('scores calibration: perfectly calibrated is 0, always-sure-and-half-right is 0.5', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBeCloseTo(0, 12);
    expect(expectedCalibrationError([1, 1], [true, false])).toBeCloseTo(0.5, 12);
  });
});

describe('KIND_TEMPERATURE', () => {
  const scored = outOfFoldScores(SEED_CORPUS);

  it('is the temperature the seed corpus fits today, out of fold', () => {
    expect(Math.abs(fitTemperature(scored) - KIND_TEMPERATURE)).toBeLessThan(0.05);
  });

  it('makes the out-of-fold confidences no worse calibrated than untempered ones', () => {
    const ece = (t: number) => {
      const p = scored.map((e) => tempered(e, t));
      return expectedCalibrationError(
        p.map(confidence),
        p.map((q, i) => right(q, scored[i]!.truth)),
      );
    };
    expect(negativeLogLikelihood(scored, KIND_TEMPERATURE)).toBeLessThanOrEqual(
      negativeLogLikelihood(scored, 1),
    );
    expect(ece(KIND_TEMPERATURE)).toBeLessThanOrEqual(ece(1));
  });
});
