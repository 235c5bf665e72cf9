/** The built-in kind tagger's seed corpus, kept under corpus/ one file per style (corpus/index.ts says why). */
export {
  FEEDBACK_KINDS,
  type FeedbackKind,
  type KindTexts,
  labelled,
  SEED_CORPUS,
  SEED_STYLES,
} from './corpus/index.ts';
