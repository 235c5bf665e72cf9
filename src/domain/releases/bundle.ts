import {
  BUNDLE_SECTIONS,
  type BundleSectionKey,
  type BundleSections,
} from '../../shared/release-vocabulary.ts';
import { describeTier, type Tier } from './attributes.ts';

export {
  BUNDLE_SECTION_KEYS,
  BUNDLE_SECTIONS,
  type BundleSectionKey,
  type BundleSections,
  LITE_SECTIONS,
} from '../../shared/release-vocabulary.ts';

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
