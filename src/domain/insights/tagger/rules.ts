import type { FeedbackKind } from './seed-corpus.ts';

/**
 * A few phrasings say a feedback item's kind more reliably than a model trained on a few hundred examples can
 * learn them ("how do I…" is a how-to question whatever the product). Each rule multiplies its kind's odds by
 * e^boost when it matches; it never decides alone, so a model that is sure of something else, or an org's
 * corrections, can still win.
 */
export interface KindRule {
  name: string;
  kind: FeedbackKind;
  pattern: RegExp;
  /** Log-odds added to `kind` on a match. */
  boost: number;
}

/** A match triples the kind's odds: enough to settle a close call, not to overrule a confident model. */
export const RULE_BOOST = Math.log(3);

export const KIND_RULES: readonly KindRule[] = [
  {
    name: 'how-to',
    kind: 'confusion',
    pattern:
      /\b(how (do|can|should|would) (i|we|you)|how to|where (can|do|should|would) (i|we)|where (is|are|did) (the|my|our)|is there a way to|(i|we) (can'?t|cannot|could ?n[o']t) (seem to )?(find|figure out|work out|see where)|not sure (how|where)|what does .{1,40} mean|(what is|what's) the difference between)\b/u,
    boost: RULE_BOOST,
  },
  {
    name: 'thanks-love',
    kind: 'praise',
    pattern:
      /\b(thank you so much|thanks so much|huge thanks|many thanks for|love (it|this|the|how|your|that)|great (job|work|product|tool|app)|well done|kudos|(?<!would be )(awesome|amazing|fantastic|brilliant|excellent))\b/u,
    boost: RULE_BOOST,
  },
  {
    name: 'refund-cancel',
    kind: 'complaint',
    pattern:
      /\b(refund|money back|cancel (my|our|the) (subscription|account|plan|contract)|unacceptable|not acceptable|ridiculous|outrageous|disappointed|frustrat(ed|ing)|worst|terrible|rip-?off|fed up)\b/u,
    boost: RULE_BOOST,
  },
];

/** The rules' added log-odds per kind for `text` (lower-cased here). */
export function ruleBoosts(rules: readonly KindRule[], text: string): Map<FeedbackKind, number> {
  const lower = text.slice(0, 2000).toLowerCase();
  const boosts = new Map<FeedbackKind, number>();
  for (const rule of rules) {
    if (rule.boost !== 0 && rule.pattern.test(lower))
      boosts.set(rule.kind, (boosts.get(rule.kind) ?? 0) + rule.boost);
  }
  return boosts;
}
