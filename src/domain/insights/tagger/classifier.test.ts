import { describe, expect, it } from 'vitest';
import { deserializeModel, type Example, predict, serializeModel, trainClassifier } from './classifier.ts';
import { SEED_CORPUS } from './seed-corpus.ts';
import { softmaxLoss } from './softmax.ts';
import { fitTfidf } from './tfidf.ts';

/** Three topics with no shared content words: any working classifier learns them perfectly. */
const TOPICS: Example[] = [
  ...[
    'parcel arrived late',
    'courier lost my parcel',
    'tracking number shows delivered but parcel missing',
    'delivery van never came',
    'parcel delivered to the neighbour',
  ].map((text) => ({ text, label: 'shipping' })),
  ...[
    'invoice total is wrong',
    'charged twice on my invoice',
    'need a copy of the invoice',
    'invoice shows old billing address',
    'billing cycle on invoice changed',
  ].map((text) => ({ text, label: 'billing' })),
  ...[
    'password reset link expired',
    'cannot log in, password rejected',
    'two factor code for login',
    'locked out after password attempts',
    'login page keeps asking for password',
  ].map((text) => ({ text, label: 'access' })),
];

describe('trainClassifier / predict', () => {
  const model = trainClassifier(TOPICS);

  it('learns a small separable corpus perfectly, and generalises to new wording', () => {
    expect(model.labels).toEqual(['access', 'billing', 'shipping']);
    for (const e of TOPICS) expect(predict(model, e.text).label).toBe(e.label);
    expect(predict(model, 'where is my parcel? the courier says delivered').label).toBe('shipping');
    expect(predict(model, 'the invoice amount looks wrong').label).toBe('billing');
    expect(predict(model, 'forgot my password, cannot log in').label).toBe('access');
  });

  it('gives probabilities that sum to 1, with the confidence being the chosen label’s', () => {
    for (const text of ['parcel late', 'invoice', 'completely unrelated words', '']) {
      const p = predict(model, text);
      const sum = Object.values(p.scores).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 12);
      expect(p.confidence).toBe(p.scores[p.label]);
      expect(p.confidence).toBe(Math.max(...Object.values(p.scores)));
    }
  });

  it('is unsure about text it has no features for, and sure about text it has seen', () => {
    expect(predict(model, 'zzz qqq').confidence).toBeLessThan(0.5);
    expect(predict(model, 'courier lost my parcel').confidence).toBeGreaterThan(0.8);
  });

  it('weights examples: a heavier contradicting example wins', () => {
    const text = 'refund for the parcel';
    const heavy = (label: string) => trainClassifier([...TOPICS, { text, label, weight: 20 }]);
    expect(predict(heavy('billing'), text).label).toBe('billing');
    expect(predict(heavy('shipping'), text).label).toBe('shipping');
  });

  it('is deterministic: the same examples give the same model', () => {
    expect(serializeModel(trainClassifier(TOPICS))).toBe(serializeModel(model));
  });

  it('refuses a single label', () => {
    expect(() => trainClassifier(TOPICS.filter((e) => e.label === 'billing'))).toThrow(/two labels/);
  });
});

describe('serializeModel / deserializeModel', () => {
  it('round-trips to identical predictions', () => {
    const model = trainClassifier(SEED_CORPUS);
    const copy = deserializeModel(serializeModel(model));
    expect(copy.labels).toEqual(model.labels);
    const texts = [...SEED_CORPUS.slice(0, 50).map((e) => e.text), 'something else entirely', ''];
    for (const text of texts) expect(predict(copy, text)).toEqual(predict(model, text));
    expect(serializeModel(copy)).toBe(serializeModel(model));
  });

  it('refuses what it did not write', () => {
    expect(() => deserializeModel('{"format":"other"}')).toThrow(/unknown format/);
  });

  it('stores a model of 1,000 support tickets in well under a megabyte (a database row)', () => {
    // 1,000 distinct tickets: pairs of seed texts of the same kind, so vocabulary grows as real tickets would.
    const examples: Example[] = [];
    for (let i = 0; examples.length < 1000; i++) {
      const a = SEED_CORPUS[i % SEED_CORPUS.length]!;
      const same = SEED_CORPUS.filter((e) => e.label === a.label);
      const b = same[(i * 7 + 3) % same.length]!;
      examples.push({ text: `${a.text} ${b.text}`, label: a.label });
    }
    const json = serializeModel(trainClassifier(examples));
    // Measured: ≈ 0.7 MB (about 27,000 features × 6 labels as float32, base64).
    expect(json.length).toBeLessThan(1_000_000);
  });
});

describe('softmaxLoss', () => {
  it('has the gradient its finite differences say', () => {
    const { vocab, rows } = fitTfidf(
      TOPICS.map((e) => e.text),
      { features: { wordMaxN: 2, charMinN: 3, charMaxN: 4, maxChars: 1000 }, minDfWord: 1, minDfChar: 1 },
    );
    const labels = Int32Array.from(TOPICS, (e) => ['access', 'billing', 'shipping'].indexOf(e.label));
    const problem = {
      rows,
      labels,
      weights: Float64Array.from(TOPICS, (_, i) => 1 + (i % 3)),
      classes: 3,
      features: vocab.hashes.length,
    };
    const x = Float64Array.from({ length: problem.features * 3 + 3 }, (_, i) => Math.sin(i) * 0.3);
    const grad = new Float64Array(x.length);
    softmaxLoss(problem, 0.1, x, grad);
    const scratch = new Float64Array(x.length);
    for (const i of [0, 1, 7, 40, x.length - 4, x.length - 1]) {
      const h = 1e-6;
      const up = Float64Array.from(x);
      up[i]! += h;
      const down = Float64Array.from(x);
      down[i]! -= h;
      const numeric =
        (softmaxLoss(problem, 0.1, up, scratch) - softmaxLoss(problem, 0.1, down, scratch)) / (2 * h);
      expect(grad[i]).toBeCloseTo(numeric, 5);
    }
  });
});
