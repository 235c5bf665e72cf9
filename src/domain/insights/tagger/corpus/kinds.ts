export type FeedbackKind = 'bug' | 'feature_request' | 'confusion' | 'complaint' | 'praise' | 'other';

export const FEEDBACK_KINDS: readonly FeedbackKind[] = [
  'bug',
  'feature_request',
  'confusion',
  'complaint',
  'praise',
  'other',
];

/** One style's texts per kind. */
export type KindTexts = Record<FeedbackKind, readonly string[]>;
