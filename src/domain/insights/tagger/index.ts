/** The insights tagger: a general text classifier and the built-in kind tagger built on it. */
export {
  DEFAULT_TRAIN_OPTIONS,
  deserializeModel,
  type Example,
  type Model,
  type Prediction,
  predict,
  serializeModel,
  type TrainOptions,
  trainClassifier,
} from './classifier.ts';
export {
  builtinKindTagger,
  CORRECTION_WEIGHT,
  type Correction,
  deserializeTagger,
  KIND_TRAIN_OPTIONS,
  learnFromCorrections,
  serializeTagger,
  type Tagger,
} from './kind-tagger.ts';
export { type Evaluation, evaluate, type LabelScore } from './metrics.ts';
export { stratifiedFolds, stratifiedSample } from './random.ts';
export { KIND_RULES, type KindRule } from './rules.ts';
export { FEEDBACK_KINDS, type FeedbackKind, labelled, SEED_CORPUS, SEED_STYLES } from './seed-corpus.ts';
