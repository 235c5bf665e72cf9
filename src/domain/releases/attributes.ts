import { type AttributeRule, TIER_NAMES, type Tier } from '../../shared/release-vocabulary.ts';

export {
  type AttributeRule,
  DEFAULT_RELEASE_ATTRIBUTES,
  TIER_NAMES,
  type Tier,
} from '../../shared/release-vocabulary.ts';

export interface TierSuggestion {
  tier: Tier;
  decidedBy: string[];
  reason: string;
}

/** "Tier 3 (High)": the form every message and the bundle header use. */
export function describeTier(tier: Tier): string {
  return `Tier ${tier} (${TIER_NAMES[tier]})`;
}

/**
 * Rules by key, in rules order. A repeated key keeps its first position but takes the last rule, so an org
 * can append overrides to the defaults (e.g. re-map api_change to Tier 3).
 */
function rulesByKey(rules: readonly AttributeRule[]): Map<string, AttributeRule> {
  const byKey = new Map<string, AttributeRule>();
  for (const rule of rules) byKey.set(rule.key, rule);
  return byKey;
}

function assertKnown(attributes: readonly string[], byKey: Map<string, AttributeRule>): void {
  const unknown = attributes.filter((a) => !byKey.has(a));
  if (unknown.length === 0) return;
  throw new RangeError(
    `Unknown release attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. ` +
      `Known attributes: ${[...byKey.keys()].join(', ')}.`,
  );
}

function explain(tier: Tier, deciders: AttributeRule[], lower: AttributeRule[]): string {
  const named = deciders.map((r) => `${r.key} (${r.label})`).join(', ');
  const parts = [`${named} ${deciders.length > 1 ? 'imply' : 'implies'} Tier ${tier}`];
  for (const r of lower) parts.push(`${r.key} implies Tier ${r.tier}`);
  return `${describeTier(tier)}: ${parts.join('; ')}.`;
}

/** The highest tier any attribute implies wins (pack §6: one high-risk trait makes a high-risk release). */
export function suggestTier(attributes: readonly string[], rules: readonly AttributeRule[]): TierSuggestion {
  const byKey = rulesByKey(rules);
  const given = new Set(attributes);
  assertKnown([...given], byKey);
  if (given.size === 0) {
    return { tier: 1, decidedBy: [], reason: `No attributes set: ${describeTier(1)} by default.` };
  }
  const chosen = [...byKey.values()].filter((r) => given.has(r.key));
  const tier = Math.max(...chosen.map((r) => r.tier)) as Tier;
  const deciders = chosen.filter((r) => r.tier === tier);
  const lower = chosen.filter((r) => r.tier < tier).sort((a, b) => b.tier - a.tier);
  return { tier, decidedBy: deciders.map((r) => r.key), reason: explain(tier, deciders, lower) };
}

/**
 * A feature release, as Polish Mode sees it: anything but a change made only of Tier 1 attributes (copy changes,
 * minor bug fixes, invisible backend changes: what still ships while an area polishes). No attributes: a feature.
 */
export function isFeatureRelease(attributes: readonly string[], rules: readonly AttributeRule[]): boolean {
  if (attributes.length === 0) return true;
  return attributes.some((key) => rules.find((r) => r.key === key)?.tier !== 1);
}
