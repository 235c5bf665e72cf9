import type { TCharterContent } from '../../shared/charter.ts';

/** The pack's charter (§1), word for word: what an org reads until Product Ops saves its own. */
export const DEFAULT_CHARTER: TCharterContent = {
  mission:
    "Build and maintain the operating systems that give the product org and its cross-functional partners predictable visibility into what's shipping, when, and what it means for them -- so PMs can focus on product outcomes, not coordination overhead.",
  primaryCustomers:
    'PMs (reduce coordination burden), Head of Product (org-wide visibility), cross-functional partners (Sales, CS, Support, Eng leadership).',
  scope: [
    'Operating cadence design and stewardship (rituals, agendas, calendar)',
    'Standard artifact templates (product updates, roadmap views, launch briefs)',
    'Insights pipeline: intake, triage, and routing of cross-functional feedback to product area owners',
    'Release enablement process: readiness checks, internal comms, training materials, post-launch capture',
    'Reporting and dashboards that surface status without requiring ad-hoc asks',
  ],
  nonGoals: [
    'Product strategy, vision, or prioritization decisions (PMs and Head of Product retain these)',
    'Roadmap content -- we standardize the format and cadence, not what goes on the roadmap',
    'Individual feature specifications or PRDs',
    'Customer research methodology or user interviews',
    'Engineering process (sprint planning, code review, CI/CD)',
  ],
  decisionRights:
    'Product Ops informs decisions; PMs keep decision rights. Product Ops provides better inputs, clearer artifacts, and smoother processes. It does not become a shadow PM org or a bottleneck for shipping.',
  intake: '#product-ops Slack channel for requests; async form for non-urgent process improvement ideas.',
  prioritization:
    "Product Ops triages weekly; work is prioritized against the current quarter's top friction points.",
  slas: [
    'Launch enablement requests require 5 business days lead time for Tier 2 (Medium) releases',
    'Launch enablement requests require 10 business days lead time for Tier 3 (High) releases',
  ],
  successMetrics: [
    'Stakeholder surprise score: <10% of releases flagged as "I didn\'t know this was coming" by Sales/CS/Support (survey or retro data)',
    'Ad-hoc status request volume: 50%+ reduction in "what\'s the status of X?" pings in Slack (measured via sample audit)',
    'Launch enablement coverage: 100% of Tier 2 and Tier 3 releases have an enablement bundle published before launch',
    'PM satisfaction: PMs report reduced coordination overhead (quarterly pulse survey, target: >70% agree)',
    'Ritual adoption: >80% attendance and artifact completion rate for core cadences by Day 90',
  ],
};

/** The charter's sections as people read them, in the page's order. */
export const CHARTER_SECTIONS: { key: keyof TCharterContent; label: string }[] = [
  { key: 'mission', label: 'Mission' },
  { key: 'primaryCustomers', label: 'Primary customers' },
  { key: 'scope', label: 'What we own (scope)' },
  { key: 'nonGoals', label: 'What we do not own (non-goals)' },
  { key: 'decisionRights', label: 'Decision rights' },
  { key: 'intake', label: 'Engagement model: intake' },
  { key: 'prioritization', label: 'Engagement model: prioritization' },
  { key: 'slas', label: 'SLAs' },
  { key: 'successMetrics', label: 'Success metrics' },
];

/** The sections that differ between two versions, in words ("Mission, SLAs"). */
export function changedSections(before: TCharterContent, after: TCharterContent): string[] {
  return CHARTER_SECTIONS.filter((s) => JSON.stringify(before[s.key]) !== JSON.stringify(after[s.key])).map(
    (s) => s.label,
  );
}

/** The charter as one markdown page: what the export and the CLI print. */
export function charterMarkdown(c: TCharterContent, orgName: string): string {
  const lines = [`# ${orgName}: Product Ops Charter`, ''];
  for (const s of CHARTER_SECTIONS) {
    const value = c[s.key];
    lines.push(`## ${s.label}`, '');
    if (Array.isArray(value)) lines.push(...(value.length ? value.map((v) => `- ${v}`) : ['_None_']));
    else lines.push(value || '_None_');
    lines.push('');
  }
  return lines.join('\n');
}
