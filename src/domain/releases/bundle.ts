import { describeTier, type Tier } from './attributes.ts';

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

export interface ChecklistItem {
  key: BundleSectionKey;
  heading: string;
  required: boolean;
  done: boolean;
}

// Template placeholders such as "[Name]" count as blanks; a markdown link "[text](url)" does not.
const PLACEHOLDER = /\[[^\]]*\](?!\()/g;
const squash = (text: string): string => text.replace(PLACEHOLDER, '').replace(/\s+/g, '');

/** Done = something beyond the template: non-empty and not just the hint (or the pack's placeholders). */
export function isSectionDone(key: BundleSectionKey, text: string | undefined): boolean {
  if (text === undefined || text.trim() === '') return false;
  const hint = BUNDLE_SECTIONS.find((s) => s.key === key)?.hint ?? '';
  const filled = squash(text);
  return filled !== '' && filled !== squash(hint);
}

/** All nine sections, in template order. */
export function bundleChecklist(
  sections: BundleSections,
  required: readonly BundleSectionKey[],
): ChecklistItem[] {
  return BUNDLE_SECTIONS.map(({ key, heading }) => ({
    key,
    heading,
    required: required.includes(key),
    done: isSectionDone(key, sections[key]),
  }));
}

export function missingSections(
  sections: BundleSections,
  required: readonly BundleSectionKey[],
): ChecklistItem[] {
  return bundleChecklist(sections, required).filter((item) => item.required && !item.done);
}

export interface RenderBundleInput {
  title: string;
  tier: Tier;
  targetDate: string;
  pmName: string;
  engName: string | null;
  sections: BundleSections;
}

const NOT_PROVIDED = '_Not provided._';
// A newline in a name would end the heading line early.
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** With no owner section written, the known owners still tell readers whom to ask. */
function ownerFallback(input: RenderBundleInput): string {
  const eng = input.engName ? oneLine(input.engName) : '_Not assigned._';
  return `- PM: ${oneLine(input.pmName)}\n- Eng: ${eng}\n- Escalation: ${NOT_PROVIDED}`;
}

function sectionBody(key: BundleSectionKey, input: RenderBundleInput): string {
  const text = input.sections[key];
  if (text !== undefined && isSectionDone(key, text)) return text.trim();
  return key === 'owner_escalation' ? ownerFallback(input) : NOT_PROVIDED;
}

/** Markdown following the pack §4 template headings exactly. */
export function renderBundle(input: RenderBundleInput): string {
  const blocks = [
    `# Launch Enablement Bundle — ${oneLine(input.title)}`,
    `## Release tier: ${describeTier(input.tier)}`,
    `## Target launch date: ${input.targetDate}`,
    `## PM owner: ${oneLine(input.pmName)}`,
    ...BUNDLE_SECTIONS.map(({ key, heading }) => `### ${heading}\n${sectionBody(key, input)}`),
  ];
  return `${blocks.join('\n\n')}\n`;
}
