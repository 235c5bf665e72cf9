import { type ScoredExample, temper } from './calibration.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  deserializeModel,
  type Example,
  type Model,
  type Prediction,
  predict,
  serializeModel,
  type TrainOptions,
  toPrediction,
  trainClassifier,
} from './classifier.ts';
import { stratifiedFolds } from './random.ts';
import { KIND_RULES, type KindRule, ruleBoosts } from './rules.ts';
import { type FeedbackKind, SEED_CORPUS } from './seed-corpus.ts';

/**
 * The built-in kind tagger (bug, feature_request, confusion, complaint, praise, other), built as follows: the
 * general classifier trained at first use on the hand-written seed corpus (seed-corpus.ts; never on shared/data),
 * with a lighter feature set for bulk tagging; its probabilities multiplied by the rules' boosts (rules.ts) and
 * renormalised; retrained with an org's corrections on top of the seed; its logits divided by KIND_TEMPERATURE
 * (calibration.ts). In 5-fold cross-validation on the seed corpus, rules included, it is right 82.6% of the time
 * with a mean confidence of 0.828 (expected calibration error 0.022, 0.040 untempered).
 */
export interface Tagger {
  /** The model's probabilities with the rules' boosts applied. */
  predict(text: string): Prediction;
  model: Model;
  /** What the model learnt before any correction. */
  seed: readonly Example[];
  /** Every correction learnt so far, oldest first. */
  corrections: readonly Correction[];
  rules: readonly KindRule[];
  trainOptions: TrainOptions;
}

/** Someone with the right role set the label of this text. */
export interface Correction {
  text: string;
  label: string;
}

/**
 * A lighter feature set than the general classifier's — char 3–4-grams instead of 2–5, the first 1,000
 * characters — because bulk imports tag a million items: it halves the n-grams to look up, and scored the same
 * as 2–5 in 5-fold cross-validation on the seed corpus (macro-F1 0.685 both).
 */
export const KIND_TRAIN_OPTIONS: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  features: { wordMaxN: 2, charMinN: 3, charMaxN: 4, maxChars: 1000 },
};

/**
 * The temperature the kind tagger's logits are divided by (calibration.ts): fitted by NLL on 5-fold out-of-fold
 * predictions over the seed corpus, rules included (`outOfFoldScores`; kind-tagger.test.ts refits it and fails
 * if this constant drifts from the corpus). Applied to every kind model, the built-in one and an org's.
 */
export const KIND_TEMPERATURE = 0.83;

/** A correction counts this many times a seed example: the org's own words about its own product. */
export const CORRECTION_WEIGHT = 3;

let builtin: Tagger | undefined;

/** Trained once per process on first use (a fraction of a second), then shared. */
export function builtinKindTagger(): Tagger {
  builtin ??= makeTagger({
    model: temper(trainClassifier(SEED_CORPUS, KIND_TRAIN_OPTIONS), KIND_TEMPERATURE),
    seed: SEED_CORPUS,
    corrections: [],
    rules: KIND_RULES,
    trainOptions: KIND_TRAIN_OPTIONS,
  });
  return builtin;
}

function makeTagger(parts: Omit<Tagger, 'predict'>): Tagger {
  return { ...parts, predict: (text) => blend(parts.model, parts.rules, text) };
}

/** The model's probabilities times e^boost for each kind a rule matched, renormalised. */
function blend(model: Model, rules: readonly KindRule[], text: string): Prediction {
  const p = predict(model, text);
  const boosts = ruleBoosts(rules, text);
  if (boosts.size === 0) return p;
  const odds = model.labels.map(
    (label) => p.scores[label]! * Math.exp(boosts.get(label as FeedbackKind) ?? 0),
  );
  const total = odds.reduce((a, b) => a + b, 0);
  return toPrediction(
    model.labels,
    odds.map((o) => o / total),
  );
}

/**
 * Every example scored by a model trained without its fold (stratified k-fold), as the log-probabilities the
 * model gives and the log-odds the rules add: what KIND_TEMPERATURE is fitted on and the bench reports.
 */
export function outOfFoldScores(
  examples: readonly Example[],
  options: TrainOptions = KIND_TRAIN_OPTIONS,
  rules: readonly KindRule[] = KIND_RULES,
  k = 5,
  seed = 7,
): ScoredExample[] {
  const fold = stratifiedFolds(
    examples.map((e) => e.label),
    k,
    seed,
  );
  const scored: ScoredExample[] = [];
  for (let f = 0; f < k; f++) {
    const model = trainClassifier(
      examples.filter((_, i) => fold[i] !== f),
      options,
    );
    examples.forEach((e, i) => {
      if (fold[i] === f) scored.push(scoreExample(model, rules, e));
    });
  }
  return scored;
}

/** One text as the model's log-probabilities and the rules' log-odds, per label of the model. */
export function scoreExample(model: Model, rules: readonly KindRule[], e: Example): ScoredExample {
  const p = predict(model, e.text);
  const boosts = ruleBoosts(rules, e.text);
  return {
    logP: model.labels.map((l) => Math.log(Math.max(p.scores[l]!, 1e-12))),
    boost: model.labels.map((l) => boosts.get(l as FeedbackKind) ?? 0),
    truth: model.labels.indexOf(e.label),
  };
}

/** Texts that differ only in case and spacing are the same item. */
function sameText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A tagger that has learnt `corrections` on top of `base`'s: retrained on the seed plus every correction so far
 * (weighted CORRECTION_WEIGHT; a later correction of the same text replaces an earlier one and the seed's own
 * example), and with each rule's boost scaled by how often corrections agreed with it when it matched.
 */
export function learnFromCorrections(base: Tagger, corrections: readonly Correction[]): Tagger {
  const latest = new Map<string, Correction>();
  for (const c of [...base.corrections, ...corrections]) {
    latest.delete(sameText(c.text));
    latest.set(sameText(c.text), c);
  }
  const all = [...latest.values()];
  const examples: Example[] = [
    ...base.seed.filter((e) => !latest.has(sameText(e.text))),
    ...all.map((c) => ({ text: c.text, label: c.label, weight: CORRECTION_WEIGHT })),
  ];
  return makeTagger({
    model: temper(trainClassifier(examples, base.trainOptions), KIND_TEMPERATURE),
    seed: base.seed,
    corrections: all,
    rules: adjustRules(KIND_RULES, all),
    trainOptions: base.trainOptions,
  });
}

/** boost × (1 + agreeing) / (1 + agreeing + disagreeing), over the corrections the rule matches. */
function adjustRules(rules: readonly KindRule[], corrections: readonly Correction[]): KindRule[] {
  return rules.map((rule) => {
    let agree = 0;
    let disagree = 0;
    for (const c of corrections) {
      if (!rule.pattern.test(c.text.toLowerCase())) continue;
      if (c.label === rule.kind) agree++;
      else disagree++;
    }
    return { ...rule, boost: (rule.boost * (1 + agree)) / (1 + agree + disagree) };
  });
}

const FORMAT = 'prodops.kind-tagger/1';

/**
 * An org's tagger for a database row: its model, its corrections and its rule boosts. The seed is not stored:
 * it is the built-in corpus, which `deserializeTagger` takes from `base`.
 */
export function serializeTagger(tagger: Tagger): string {
  return JSON.stringify({
    format: FORMAT,
    model: serializeModel(tagger.model),
    corrections: tagger.corrections,
    boosts: Object.fromEntries(tagger.rules.map((r) => [r.name, r.boost])),
  });
}

export function deserializeTagger(json: string, base: Tagger = builtinKindTagger()): Tagger {
  const stored = JSON.parse(json) as {
    format: string;
    model: string;
    corrections: Correction[];
    boosts: Record<string, number>;
  };
  if (stored.format !== FORMAT) throw new Error(`deserializeTagger: unknown format ${String(stored.format)}`);
  return makeTagger({
    model: deserializeModel(stored.model),
    seed: base.seed,
    corrections: stored.corrections,
    rules: KIND_RULES.map((r) => ({ ...r, boost: stored.boosts[r.name] ?? r.boost })),
    trainOptions: base.trainOptions,
  });
}
