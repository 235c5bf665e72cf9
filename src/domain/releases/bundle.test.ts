import { describe, expect, it } from 'vitest';
import {
  BUNDLE_SECTION_KEYS,
  BUNDLE_SECTIONS,
  type BundleSectionKey,
  bundleChecklist,
  isSectionDone,
  LITE_SECTIONS,
  missingSections,
  renderBundle,
} from './bundle.ts';

const ALL = BUNDLE_SECTION_KEYS;
/**
 * The heading lines of the pack's Launch Enablement Bundle template (seeds/product-ops-operating-system-pack.md
 * §4), copied verbatim: the seed lives outside the repository, and this test must run in every checkout.
 */
const TEMPLATE_HEADINGS = [
  '# Launch Enablement Bundle — [Feature/Release Name]',
  '## Release tier: [Low / Medium / High]',
  '## Target launch date: [Date]',
  '## PM owner: [Name]',
  '### What changed (1 paragraph) [Plain-language summary of the change and why it matters.]',
  "### Who's impacted (eligibility/segments)",
  '### How it works (user steps) 1. 2. 3.',
  '### FAQs + edge cases',
  '### Support macros / troubleshooting',
  '### Sales talk track (if relevant)',
  '### Monitoring + guardrails',
  '### Rollback / mitigation',
  '### Owner + escalation',
];

describe('BUNDLE_SECTION_KEYS', () => {
  it('lists the section keys in template order', () => {
    expect([...ALL]).toEqual(BUNDLE_SECTIONS.map((s) => s.key));
    expect(LITE_SECTIONS.every((k) => ALL.includes(k))).toBe(true);
  });
});

describe('isSectionDone', () => {
  it('is false for missing, empty and blank text', () => {
    expect(isSectionDone('faqs', undefined)).toBe(false);
    expect(isSectionDone('faqs', '')).toBe(false);
    expect(isSectionDone('faqs', ' \n\t ')).toBe(false);
  });

  it('is false for the hint alone, whatever the whitespace', () => {
    expect(isSectionDone('whos_impacted', '- Customer segments:\n- Internal teams:')).toBe(false);
    expect(isSectionDone('whos_impacted', '  - Customer segments:   - Internal teams:\n\n')).toBe(false);
    expect(isSectionDone('how_it_works', '1. 2. 3.')).toBe(false);
  });

  it("is false for the pack template's own placeholders", () => {
    expect(
      isSectionDone('owner_escalation', '- PM: [Name]\n- Eng: [Name]\n- Escalation: [Name/channel]'),
    ).toBe(false);
    expect(isSectionDone('what_changed', '[Plain-language summary of the change and why it matters.]')).toBe(
      false,
    );
  });

  it('is true once a blank is filled in, or for a markdown link', () => {
    expect(isSectionDone('whos_impacted', '- Customer segments: SMB\n- Internal teams:')).toBe(true);
    expect(
      isSectionDone(
        'monitoring',
        '- Key metrics to watch:\n- Alert thresholds:\n- Dashboard link: [Grafana](https://g/x)',
      ),
    ).toBe(true);
    expect(isSectionDone('faqs', 'Q: Does it cost extra? A: No.')).toBe(true);
  });

  it("does not accept another section's hint as this section's hint", () => {
    expect(isSectionDone('faqs', '- Scenario: Resolution:')).toBe(true);
  });
});

describe('bundleChecklist', () => {
  const sections = {
    what_changed: 'Invoices can now be split across cost centres.',
    whos_impacted: '- Customer segments:\n- Internal teams:',
    faqs: '- Q: Can I undo a split? A: Yes, within 24 hours.',
    sales_talk_track: '- Positioning: enterprise finance teams',
  };

  it('lists all nine sections in template order with required and done flags', () => {
    const list = bundleChecklist(sections, LITE_SECTIONS);
    expect(list.map((i) => i.key)).toEqual([...ALL]);
    expect(list.map((i) => [i.key, i.required, i.done])).toEqual([
      ['what_changed', true, true],
      ['whos_impacted', true, false],
      ['how_it_works', true, false],
      ['faqs', true, true],
      ['support_macros', true, false],
      ['sales_talk_track', false, true],
      ['monitoring', false, false],
      ['rollback', false, false],
      ['owner_escalation', true, false],
    ]);
    expect(list[4]!.heading).toBe('Support macros / troubleshooting');
  });

  it('missingSections returns the required sections not done', () => {
    expect(missingSections(sections, LITE_SECTIONS).map((i) => i.key)).toEqual([
      'whos_impacted',
      'how_it_works',
      'support_macros',
      'owner_escalation',
    ]);
    expect(missingSections(sections, ['what_changed', 'faqs'])).toEqual([]);
    expect(missingSections({}, [])).toEqual([]);
    expect(missingSections({}, ALL)).toHaveLength(9);
  });
});

describe('renderBundle', () => {
  const input = {
    title: 'Split invoices',
    tier: 3 as const,
    targetDate: '2026-12-24',
    pmName: 'Maya Chen',
    engName: 'Ravi Patel',
    sections: {
      what_changed: '  Invoices can now be split across cost centres.\n',
      faqs: '- Q: Undo? A: Within 24 hours.',
      support_macros: '- Scenario: Resolution:',
    } as Partial<Record<BundleSectionKey, string>>,
  };

  it('writes the header lines and every section in order, with text or _Not provided._', () => {
    const md = renderBundle(input);
    expect(md).toBe(
      [
        '# Launch Enablement Bundle — Split invoices',
        '',
        '## Release tier: Tier 3 (High)',
        '',
        '## Target launch date: 2026-12-24',
        '',
        '## PM owner: Maya Chen',
        '',
        '### What changed\nInvoices can now be split across cost centres.',
        '',
        "### Who's impacted (eligibility/segments)\n_Not provided._",
        '',
        '### How it works (user steps)\n_Not provided._',
        '',
        '### FAQs + edge cases\n- Q: Undo? A: Within 24 hours.',
        '',
        '### Support macros / troubleshooting\n_Not provided._',
        '',
        '### Sales talk track (if relevant)\n_Not provided._',
        '',
        '### Monitoring + guardrails\n_Not provided._',
        '',
        '### Rollback / mitigation\n_Not provided._',
        '',
        '### Owner + escalation\n- PM: Maya Chen\n- Eng: Ravi Patel\n- Escalation: _Not provided._',
        '',
      ].join('\n'),
    );
  });

  it('uses the written owner section when there is one, and keeps names on one line', () => {
    const md = renderBundle({
      ...input,
      title: 'Split\ninvoices',
      engName: null,
      sections: { owner_escalation: '- PM: Maya\n- Eng: Ravi\n- Escalation: #billing-launch' },
    });
    expect(md.startsWith('# Launch Enablement Bundle — Split invoices\n')).toBe(true);
    expect(
      md.endsWith('### Owner + escalation\n- PM: Maya\n- Eng: Ravi\n- Escalation: #billing-launch\n'),
    ).toBe(true);
    const noEng = renderBundle({ ...input, engName: null });
    expect(noEng).toContain('- Eng: _Not assigned._');
  });

  it('names the tier for Tier 1 and 2', () => {
    expect(renderBundle({ ...input, tier: 1 })).toContain('\n## Release tier: Tier 1 (Low)\n');
    expect(renderBundle({ ...input, tier: 2 })).toContain('\n## Release tier: Tier 2 (Medium)\n');
  });

  it("follows the pack template's heading lines, in order", () => {
    const templateHeadings = TEMPLATE_HEADINGS;
    const ours = renderBundle(input)
      .split('\n')
      .filter((l) => /^#{1,3} /.test(l));
    expect(ours).toHaveLength(templateHeadings.length);
    expect(templateHeadings).toHaveLength(13);
    // Header lines: the same text up to the placeholder.
    for (let i = 0; i < 4; i += 1) {
      const fixed = templateHeadings[i]!.replace(/\[.*$/, '');
      expect(ours[i]!.startsWith(fixed), `${ours[i]} vs ${templateHeadings[i]}`).toBe(true);
    }
    // Section headings: ours is a prefix of the template's line ("What changed (1 paragraph) [...]").
    for (let i = 4; i < 13; i += 1) {
      expect(templateHeadings[i]!.startsWith(ours[i]!), `${ours[i]} vs ${templateHeadings[i]}`).toBe(true);
    }
  });
});
