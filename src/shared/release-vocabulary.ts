/** The release vocabulary of the pack (§6): the tier table and the enablement bundle's sections. */

export type Tier = 1 | 2 | 3;

export interface AttributeRule {
  key: string;
  label: string;
  tier: Tier;
}

/** Pack §6 tier table, in this order. */
export const DEFAULT_RELEASE_ATTRIBUTES: AttributeRule[] = [
  // Tier 1 (Low)
  { key: 'ui_copy_change', label: 'UI copy change', tier: 1 },
  { key: 'minor_bug_fix', label: 'Minor bug fix', tier: 1 },
  { key: 'invisible_backend_change', label: 'Backend optimization invisible to users', tier: 1 },
  // Tier 2 (Medium)
  { key: 'behind_flag', label: 'New feature behind flag', tier: 2 },
  { key: 'workflow_change', label: 'Workflow change', tier: 2 },
  { key: 'pricing_change_subset', label: 'Pricing change for subset', tier: 2 },
  { key: 'api_change', label: 'API change', tier: 2 },
  // Tier 3 (High)
  { key: 'ga_launch', label: 'GA launch', tier: 3 },
  { key: 'migration', label: 'Migration', tier: 3 },
  { key: 'breaking_change', label: 'Breaking change', tier: 3 },
  { key: 'pricing_overhaul', label: 'Pricing overhaul', tier: 3 },
  { key: 'major_ux_redesign', label: 'Major UX redesign', tier: 3 },
];

export const TIER_NAMES = { 1: 'Low', 2: 'Medium', 3: 'High' } as const;

/** Launch Enablement Bundle (pack §4 template), in template order. */
export const BUNDLE_SECTIONS = [
  {
    key: 'what_changed',
    heading: 'What changed',
    hint: 'Plain-language summary of the change and why it matters (1 paragraph).',
  },
  {
    key: 'whos_impacted',
    heading: "Who's impacted (eligibility/segments)",
    hint: '- Customer segments:\n- Internal teams:',
  },
  { key: 'how_it_works', heading: 'How it works (user steps)', hint: '1.\n2.\n3.' },
  { key: 'faqs', heading: 'FAQs + edge cases', hint: '- Q: A:' },
  { key: 'support_macros', heading: 'Support macros / troubleshooting', hint: '- Scenario: Resolution:' },
  {
    key: 'sales_talk_track',
    heading: 'Sales talk track (if relevant)',
    hint: '- Positioning:\n- Key objection handling:',
  },
  {
    key: 'monitoring',
    heading: 'Monitoring + guardrails',
    hint: '- Key metrics to watch:\n- Alert thresholds:\n- Dashboard link:',
  },
  {
    key: 'rollback',
    heading: 'Rollback / mitigation',
    hint: '- Rollback procedure:\n- Rollback owner:\n- Decision criteria for rollback:',
  },
  { key: 'owner_escalation', heading: 'Owner + escalation', hint: '- PM:\n- Eng:\n- Escalation:' },
] as const;

/** A literal tuple so that z.enum(BUNDLE_SECTION_KEYS) works. */
export const BUNDLE_SECTION_KEYS = [
  'what_changed',
  'whos_impacted',
  'how_it_works',
  'faqs',
  'support_macros',
  'sales_talk_track',
  'monitoring',
  'rollback',
  'owner_escalation',
] as const;

export type BundleSectionKey = (typeof BUNDLE_SECTION_KEYS)[number];

/** Tier 2 "lite" bundle: what Support and Sales need on day one; no talk track, monitoring or rollback. */
export const LITE_SECTIONS: BundleSectionKey[] = [
  'what_changed',
  'whos_impacted',
  'how_it_works',
  'faqs',
  'support_macros',
  'owner_escalation',
];

export type BundleSections = Partial<Record<BundleSectionKey, string>>;
