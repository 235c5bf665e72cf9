import { type AttributeRule, describeTier, type Tier } from './attributes.ts';

/** A tier assigned below the suggestion with no reason that still counts: the PM must re-tier. */
export interface TierReview {
  assigned: Tier;
  suggested: Tier;
  /** Labels of the attributes that imply the suggestion ("GA launch"). */
  decidedBy: string[];
}

interface TierState {
  tier: number | null;
  suggestedTier: number | null;
  tierReason: string | null;
  attributes: readonly string[];
}

/**
 * Assigning below the suggestion stands only with the PM's reason. A reason stops counting when the attributes
 * raise the suggestion (the update clears it), so a lower tier without one is what needs review.
 */
export function tierReviewOf(r: TierState, rules: readonly AttributeRule[]): TierReview | null {
  if (r.tier === null || r.suggestedTier === null || r.suggestedTier <= r.tier) return null;
  if (r.tierReason?.trim()) return null;
  const byKey = new Map(rules.map((rule) => [rule.key, rule]));
  const decidedBy = r.attributes
    .map((key) => byKey.get(key))
    .filter((rule) => rule?.tier === r.suggestedTier)
    .map((rule) => rule!.label);
  return { assigned: r.tier as Tier, suggested: r.suggestedTier as Tier, decidedBy };
}

/** "Tier 1 was assigned, but the attributes now suggest Tier 3 (GA launch): …" */
export function tierReviewReason(t: TierReview): string {
  const suggested = t.decidedBy.length
    ? `Tier ${t.suggested} (${t.decidedBy.join(', ')})`
    : describeTier(t.suggested);
  return (
    `Tier ${t.assigned} was assigned, but the attributes now suggest ${suggested}: ` +
    'the PM must re-assign the tier or say why it stays lower.'
  );
}
