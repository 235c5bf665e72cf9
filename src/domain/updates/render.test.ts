import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ReleaseForHighlights } from './highlights.ts';
import type { AreaUpdateInput, RenderInput } from './render.ts';
import {
  digestAreaLine,
  HEADLINE_MAX,
  headline,
  plainText,
  renderWeeklyUpdate,
  weeklyUpdateDigest,
} from './render.ts';
import { parseUpdateMarkdown } from './update-file.ts';

const pdfs: ReleaseForHighlights = {
  id: 'r1',
  title: 'Invoice PDFs',
  areaName: 'Billing',
  tier: 3,
  targetDate: '2026-11-19',
  status: 'planned',
};
const dunning: ReleaseForHighlights = {
  ...pdfs,
  id: 'r2',
  title: 'Dunning emails',
  tier: 2,
  targetDate: '2026-12-03',
};

const billing: AreaUpdateInput = {
  areaName: 'Billing',
  pmName: 'Ana Ruiz',
  update: {
    wins: ['Invoice PDFs GA', 'Dunning emails to 10%\n- EU first'],
    next: ['Usage-based pricing beta'],
    risks: ['Tax API: contract unsigned'],
    metrics: [],
    links: ['[PRD](https://example.com/prd)'],
  },
  late: true,
  absent: false,
};
const search: AreaUpdateInput = {
  areaName: 'Search',
  pmName: 'Bo Chen',
  update: null,
  late: false,
  absent: false,
};
const growth: AreaUpdateInput = {
  areaName: 'Growth',
  pmName: 'Cy Diaz',
  update: null,
  late: false,
  absent: true,
  absentReason: 'on leave',
};

const input: RenderInput = {
  dateLabel: '2026-11-19',
  highlights: {
    keyLaunches: [pdfs],
    upcoming: [dunning],
    held: [],
    risks: [{ areaName: 'Billing', pmName: 'Ana Ruiz', text: 'Tax API: contract unsigned', index: 0 }],
  },
  areas: [billing, search, growth],
};

describe('renderWeeklyUpdate markdown', () => {
  it('follows the pack §4 template line by line', () => {
    expect(renderWeeklyUpdate(input).markdown.split('\n')).toEqual([
      '# Weekly Product Update — 2026-11-19',
      '',
      '## Org-wide highlights (Product Ops)',
      '- Key launches this week:',
      '  - Billing: Invoice PDFs — Tier 3, 2026-11-19',
      '- Upcoming launches (next 2 weeks):',
      '  - Billing: Dunning emails — Tier 2, 2026-12-03',
      '- Cross-cutting risks/dependencies:',
      '  - Billing (Ana Ruiz): Tax API: contract unsigned',
      '',
      '## Billing — Ana Ruiz',
      '- Wins / shipped:',
      '  - Invoice PDFs GA',
      '  - Dunning emails to 10%',
      '    - EU first',
      "- What's next:",
      '  - Usage-based pricing beta',
      '- Risks / asks:',
      '  - Tax API: contract unsigned',
      '- Metrics snapshot: None',
      '- Links (PRDs/specs/notes):',
      '  - [PRD](https://example.com/prd)',
      '',
      "## Not in this week's update",
      '- Growth: no update this week (on leave)',
      '- No update received from Search (Bo Chen)',
      '',
    ]);
  });

  it('says None for empty highlights and still lists every area', () => {
    const md = renderWeeklyUpdate({
      dateLabel: '2026-11-26',
      highlights: { keyLaunches: [], upcoming: [], held: [], risks: [] },
      areas: [search],
    }).markdown;
    expect(md).toContain(
      [
        '## Org-wide highlights (Product Ops)',
        '- Key launches this week: None',
        '- Upcoming launches (next 2 weeks): None',
        '- Cross-cutting risks/dependencies: None',
        '',
        "## Not in this week's update",
        '- No update received from Search (Bo Chen)',
      ].join('\n'),
    );
  });

  it('lists held launches as on hold, only when there are some, and marks a delayed one', () => {
    const { markdown, json } = renderWeeklyUpdate({
      dateLabel: '2026-11-19',
      highlights: {
        keyLaunches: [{ ...pdfs, status: 'delay' }],
        upcoming: [],
        held: [{ ...dunning, status: 'hold' }],
        risks: [],
      },
      areas: [search],
    });
    expect(markdown).toContain(
      `- On hold (not launching until a new go decision):\n  - Billing: ${dunning.title}`,
    );
    expect(markdown).toContain('(delayed to this date)');
    expect(json.highlights.heldLaunches.map((l) => l.title)).toEqual([dunning.title]);
  });

  it('renders as markdown the headings the template names, with nested lists', () => {
    const tokens = new MarkdownIt().parse(renderWeeklyUpdate(input).markdown, {});
    const headings = tokens.flatMap((t, i) =>
      t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]?.content}`] : [],
    );
    expect(headings).toEqual([
      'h1 Weekly Product Update — 2026-11-19',
      'h2 Org-wide highlights (Product Ops)',
      'h2 Billing — Ana Ruiz',
      "h2 Not in this week's update",
    ]);
    expect(tokens.filter((t) => t.type === 'bullet_list_open' && t.level === 2)).toHaveLength(7);
  });

  it('escapes plain-text names and titles so they cannot change the structure', () => {
    const html = new MarkdownIt().render(
      renderWeeklyUpdate({
        dateLabel: '2026-11-19',
        highlights: {
          keyLaunches: [{ ...pdfs, title: '<script>x</script> *v2*\n## Fake', areaName: '1. Team #' }],
          upcoming: [],
          held: [],
          risks: [],
        },
        areas: [{ ...billing, areaName: 'R&D [core]', pmName: 'Eve\n- injected' }],
      }).markdown,
    );
    expect(html).toContain(
      '<li>1. Team #: &lt;script&gt;x&lt;/script&gt; *v2* ## Fake — Tier 3, 2026-11-19</li>',
    );
    expect(html).toContain('<h2>R&amp;D [core] — Eve - injected</h2>');
    expect(html).not.toContain('<script>');
    expect(plainText('  a\n\tb  ')).toBe('a b');
  });

  it('says "Nothing to report this week" for a PM who said so, and reads it back from the markdown', () => {
    const quiet: AreaUpdateInput = {
      ...search,
      update: { wins: [], next: [], risks: [], metrics: [], links: [], nothingThisWeek: true },
    };
    const { markdown, json } = renderWeeklyUpdate({ ...input, areas: [quiet] });
    expect(markdown).toContain('## Search — Bo Chen\nNothing to report this week.\n');
    expect(markdown).not.toContain('Wins / shipped');
    expect(markdown).not.toContain("Not in this week's update");
    expect(json.areas[0]).toMatchObject({ status: 'submitted', update: { nothingThisWeek: true } });
    const section = markdown.slice(markdown.indexOf('## Search'));
    expect(parseUpdateMarkdown(section)).toEqual({ ok: true, update: quiet.update });
  });

  it('lists seven missing areas once, on one line, instead of a section each', () => {
    const missing = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((n) => ({ ...search, areaName: `Area ${n}` }));
    const md = renderWeeklyUpdate({ ...input, areas: [billing, ...missing] }).markdown;
    const lines = md.split('\n').filter((l) => l.includes('Area '));
    expect(lines).toEqual([
      '- No update received from Area A (Bo Chen), Area B (Bo Chen), Area C (Bo Chen), Area D (Bo Chen), Area E (Bo Chen), Area F (Bo Chen), Area G (Bo Chen)',
    ]);
    expect(md).not.toMatch(/missing/i);
  });

  it("renders an area's section so that the markdown parser reads back the same update", () => {
    const md = renderWeeklyUpdate(input).markdown;
    const section = md.slice(md.indexOf('## Billing'), md.indexOf("## Not in this week's update"));
    const parsed = parseUpdateMarkdown(section);
    expect(parsed).toEqual({ ok: true, update: billing.update });
  });
});

describe('renderWeeklyUpdate json', () => {
  it('is the structured equivalent, with statuses and lateness', () => {
    const { json } = renderWeeklyUpdate(input);
    expect(json.format).toBe('prodops.weekly-update/1');
    expect(json.title).toBe('Weekly Product Update — 2026-11-19');
    expect(json.date).toBe('2026-11-19');
    expect(json.highlights.keyLaunches).toEqual([pdfs]);
    expect(json.highlights.upcomingLaunches).toEqual([dunning]);
    expect(json.highlights.crossCuttingRisks).toEqual(input.highlights.risks);
    expect(json.areas.map((a) => [a.areaName, a.pmName, a.status, a.late])).toEqual([
      ['Billing', 'Ana Ruiz', 'submitted', true],
      ['Search', 'Bo Chen', 'missing', false],
      ['Growth', 'Cy Diaz', 'absent', false],
    ]);
    expect(json.areas.map((a) => a.absentReason)).toEqual([null, null, 'on leave']);
    expect(json.areas[0]?.update).toEqual(billing.update);
  });

  it('keeps only the launch fields it documents, and copies rather than shares arrays', () => {
    const extra = { ...pdfs, internalNotes: 'secret' };
    const { json } = renderWeeklyUpdate({
      ...input,
      highlights: { ...input.highlights, keyLaunches: [extra] },
    });
    expect(json.highlights.keyLaunches[0]).not.toHaveProperty('internalNotes');
    expect(json.areas[0]?.update?.wins).not.toBe(billing.update?.wins);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('shows a submitted update even when the PM was also marked absent', () => {
    const { json } = renderWeeklyUpdate({ ...input, areas: [{ ...billing, absent: true, late: false }] });
    expect(json.areas[0]?.status).toBe('submitted');
  });
});

describe('weeklyUpdateDigest: the digest and one part per area', () => {
  it('is the highlights and one line per area, each area with bullets a part of its own', () => {
    const { json, markdown } = renderWeeklyUpdate(input);
    const digest = weeklyUpdateDigest(json);
    expect(digest.markdown.split('\n')).toEqual([
      '## Org-wide highlights (Product Ops)',
      '- Key launches this week:',
      '  - Billing: Invoice PDFs — Tier 3, 2026-11-19',
      '- Upcoming launches (next 2 weeks):',
      '  - Billing: Dunning emails — Tier 2, 2026-12-03',
      '- Cross-cutting risks/dependencies:',
      '  - Billing (Ana Ruiz): Tax API: contract unsigned',
      '',
      '## Areas',
      '- Billing (Ana Ruiz): Invoice PDFs GA (+1 more) · 1 risk or ask',
      '- Search (Bo Chen): no update received',
      '- Growth (Cy Diaz): no update this week (on leave)',
      '',
    ]);
    expect(digest.areas).toHaveLength(1);
    const [part] = digest.areas;
    expect(part).toMatchObject({ areaName: 'Billing', title: 'Billing — Ana Ruiz' });
    // The part is the area's section of the full update, without its heading: nothing lost, read back the same.
    const section = markdown.slice(
      markdown.indexOf('## Billing'),
      markdown.indexOf("## Not in this week's update"),
    );
    expect(`## Billing — Ana Ruiz\n${part!.markdown}\n`).toBe(section);
    expect(parseUpdateMarkdown(`## Billing — Ana Ruiz\n${part!.markdown}`)).toEqual({
      ok: true,
      update: billing.update,
    });
  });

  it('leads with the first section that has items, says "nothing to report" and gives no part for it', () => {
    const quiet: AreaUpdateInput = {
      ...search,
      update: { wins: [], next: [], risks: [], metrics: [], links: [], nothingThisWeek: true },
    };
    const nextOnly: AreaUpdateInput = {
      ...billing,
      areaName: 'Growth',
      update: {
        wins: [],
        next: ['Pricing page test'],
        risks: ['Needs design', 'Legal'],
        metrics: [],
        links: [],
      },
    };
    const risksOnly: AreaUpdateInput = {
      ...billing,
      areaName: 'Security',
      update: { wins: [], next: [], risks: ['SSO audit'], metrics: [], links: [] },
    };
    const { json } = renderWeeklyUpdate({ ...input, areas: [quiet, nextOnly, risksOnly] });
    const digest = weeklyUpdateDigest(json);
    expect(digest.markdown.split('\n')).toEqual(
      expect.arrayContaining([
        '- Search (Bo Chen): nothing to report this week',
        "- Growth (Ana Ruiz): What's next: Pricing page test · 2 risks or asks",
        '- Security (Ana Ruiz): Risks / asks: SSO audit',
      ]),
    );
    expect(digest.areas.map((a) => a.areaName)).toEqual(['Growth', 'Security']);
  });

  it('cuts a long headline at a word, reads links as their labels and keeps names as plain text', () => {
    const long = `[Invoices](https://example.com/i) v2 ${'with a very long explanation '.repeat(10)}\n- detail`;
    expect(headline(long)).toMatch(/^Invoices v2 with a very long explanation .*…$/);
    expect(headline(long).length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(headline(long)).not.toContain('detail');
    const { json } = renderWeeklyUpdate({
      ...input,
      areas: [{ ...billing, areaName: 'R&D [core]', pmName: 'Eve\n- injected' }],
    });
    expect(digestAreaLine(json.areas[0]!)).toBe(
      '- R\\&D \\[core\\] (Eve - injected): Invoice PDFs GA (+1 more) · 1 risk or ask',
    );
    expect(weeklyUpdateDigest(json).areas[0]?.title).toBe('R&D [core] — Eve - injected');
  });

  it('lists no areas when there are none, and reads a version published before held launches', () => {
    const { json } = renderWeeklyUpdate({ ...input, areas: [] });
    const old = { ...json, highlights: { ...json.highlights, heldLaunches: undefined } } as never;
    const digest = weeklyUpdateDigest(old);
    expect(digest.markdown).not.toContain('## Areas');
    expect(digest.areas).toEqual([]);
  });
});
