import { describe, expect, it } from 'vitest';
import { type AttributeRule, DEFAULT_RELEASE_ATTRIBUTES, describeTier, suggestTier } from './attributes.ts';

const RULES = DEFAULT_RELEASE_ATTRIBUTES;

describe('DEFAULT_RELEASE_ATTRIBUTES', () => {
  // Pack §6 "Release Tiering", Examples column, row by row.
  const PACK_TABLE: [string, 1 | 2 | 3][] = [
    ['ui_copy_change', 1],
    ['minor_bug_fix', 1],
    ['invisible_backend_change', 1],
    ['behind_flag', 2],
    ['workflow_change', 2],
    ['pricing_change_subset', 2],
    ['api_change', 2],
    ['ga_launch', 3],
    ['migration', 3],
    ['breaking_change', 3],
    ['pricing_overhaul', 3],
    ['major_ux_redesign', 3],
  ];

  it('lists the 12 pack examples in table order', () => {
    expect(RULES.map((r) => [r.key, r.tier])).toEqual(PACK_TABLE);
  });

  it.each(PACK_TABLE)('%s alone suggests Tier %i', (key, tier) => {
    const s = suggestTier([key], RULES);
    expect(s.tier).toBe(tier);
    expect(s.decidedBy).toEqual([key]);
    expect(s.reason.startsWith(`${describeTier(tier)}: ${key} (`)).toBe(true);
  });
});

describe('suggestTier', () => {
  it('defaults to Tier 1 with no attributes', () => {
    expect(suggestTier([], RULES)).toEqual({
      tier: 1,
      decidedBy: [],
      reason: 'No attributes set: Tier 1 (Low) by default.',
    });
  });

  it('lets the highest tier win and names the decider first, then the lower ones', () => {
    expect(suggestTier(['api_change', 'pricing_overhaul'], RULES)).toEqual({
      tier: 3,
      decidedBy: ['pricing_overhaul'],
      reason: 'Tier 3 (High): pricing_overhaul (Pricing overhaul) implies Tier 3; api_change implies Tier 2.',
    });
  });

  it('lists every attribute implying the winning tier, in rules order, and lower tiers highest first', () => {
    const s = suggestTier(['ui_copy_change', 'migration', 'behind_flag', 'ga_launch'], RULES);
    expect(s.tier).toBe(3);
    expect(s.decidedBy).toEqual(['ga_launch', 'migration']);
    expect(s.reason).toBe(
      'Tier 3 (High): ga_launch (GA launch), migration (Migration) imply Tier 3; ' +
        'behind_flag implies Tier 2; ui_copy_change implies Tier 1.',
    );
  });

  it('gives Tier 2 for a mix of Tier 1 and Tier 2 attributes', () => {
    const s = suggestTier(['minor_bug_fix', 'workflow_change'], RULES);
    expect(s.tier).toBe(2);
    expect(s.decidedBy).toEqual(['workflow_change']);
  });

  it('ignores duplicate attributes', () => {
    const s = suggestTier(['api_change', 'api_change', 'minor_bug_fix', 'api_change'], RULES);
    expect(s.decidedBy).toEqual(['api_change']);
    expect(s.reason).toBe(
      'Tier 2 (Medium): api_change (API change) implies Tier 2; minor_bug_fix implies Tier 1.',
    );
  });

  it('follows custom rules: an org re-maps api_change to Tier 3 and adds security_review', () => {
    const custom: AttributeRule[] = [
      ...RULES.map((r) => (r.key === 'api_change' ? { ...r, tier: 3 as const } : r)),
      { key: 'security_review', label: 'Needs security review', tier: 3 },
    ];
    expect(suggestTier(['api_change'], custom).tier).toBe(3);
    expect(suggestTier(['api_change'], RULES).tier).toBe(2);
    const s = suggestTier(['security_review', 'behind_flag', 'api_change'], custom);
    expect(s.tier).toBe(3);
    expect(s.decidedBy).toEqual(['api_change', 'security_review']);
  });

  it('lets an override appended to the rules win while keeping the original position', () => {
    const custom: AttributeRule[] = [...RULES, { key: 'api_change', label: 'Public API change', tier: 3 }];
    const s = suggestTier(['migration', 'api_change'], custom);
    expect(s.decidedBy).toEqual(['api_change', 'migration']);
    expect(s.reason).toContain('api_change (Public API change)');
  });

  it('throws a RangeError naming the unknown keys and the known ones', () => {
    expect(() => suggestTier(['api_change', 'rocket_launch', 'moon'], RULES)).toThrow(RangeError);
    expect(() => suggestTier(['rocket_launch', 'moon'], RULES)).toThrow(
      'Unknown release attributes: rocket_launch, moon. Known attributes: ui_copy_change, minor_bug_fix,',
    );
    expect(() => suggestTier(['moon'], RULES)).toThrow(
      /^Unknown release attribute: moon\. .*major_ux_redesign\.$/,
    );
  });
});

describe('describeTier', () => {
  it('names the tier', () => {
    expect(describeTier(1)).toBe('Tier 1 (Low)');
    expect(describeTier(2)).toBe('Tier 2 (Medium)');
    expect(describeTier(3)).toBe('Tier 3 (High)');
  });
});
