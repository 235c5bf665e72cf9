import { describe, expect, it } from 'vitest';
import type { ParseUpdateResult } from './template.ts';
import { UPDATE_LIMITS } from './template.ts';
import { parseUpdateMarkdown, parseUpdateYaml } from './update-file.ts';

function update(result: ParseUpdateResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.update;
}
function problems(result: ParseUpdateResult) {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseUpdateYaml', () => {
  it('reads the five keys as lists of markdown strings', () => {
    const text = [
      'wins:',
      '  - Shipped **invoice PDFs** to 100%',
      'next: [Dunning emails]',
      'risks:',
      '  - "Tax API: vendor contract unsigned"',
      'metrics:',
      '  - 42',
      '  - yes',
      'links:',
      '  - "[PRD](https://example.com/prd)"',
    ].join('\n');
    expect(update(parseUpdateYaml(text))).toEqual({
      wins: ['Shipped **invoice PDFs** to 100%'],
      next: ['Dunning emails'],
      risks: ['Tax API: vendor contract unsigned'],
      metrics: ['42', 'yes'],
      links: ['[PRD](https://example.com/prd)'],
    });
  });

  it('accepts a scalar as a one-item list, and missing, empty or "None" keys as empty lists', () => {
    const text = 'wins: Shipped search v2\nnext: |\n  Line one\n  line two\nrisks:\nmetrics: None\n';
    expect(update(parseUpdateYaml(text))).toEqual({
      wins: ['Shipped search v2'],
      next: ['Line one\nline two'],
      risks: [],
      metrics: [],
      links: [],
    });
  });

  it('names unknown keys, with their line', () => {
    expect(problems(parseUpdateYaml('wins: [a]\nblockers: [b]\nWins: [c]\n'))).toEqual([
      {
        path: 'blockers',
        line: 2,
        message: 'unknown key "blockers": use wins, next, risks, metrics, links or nothing_this_week',
      },
      {
        path: 'Wins',
        line: 3,
        message: 'unknown key "Wins": use wins, next, risks, metrics, links or nothing_this_week',
      },
    ]);
  });

  it('points at items that are not strings, and at empty items', () => {
    const text = 'wins:\n  - ok\n  - [nested]\n  -\nnext:\n  a: b\n';
    expect(problems(parseUpdateYaml(text))).toEqual([
      { path: 'wins.1', line: 3, message: 'must be a string (one markdown item), not a list' },
      { path: 'wins.2', line: 4, message: 'is empty: write the item or remove the dash' },
      { path: 'next', line: 6, message: 'must be a list of strings or one string, not a mapping' },
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with a line and no source dump', () => {
    const [dup] = problems(parseUpdateYaml('wins: [a]\nwins: [b]\n'));
    expect(dup).toEqual({ path: '', line: 2, message: 'Map keys must be unique' });
    const [syntax] = problems(parseUpdateYaml('wins: [a\nnext: b\n'));
    expect(syntax?.line).toBeGreaterThan(0);
    expect(syntax?.message).not.toContain('\n');
  });

  it('refuses an empty file, a list at the top, and an update with nothing in it', () => {
    expect(problems(parseUpdateYaml(''))).toEqual([{ path: '', message: 'the file is empty' }]);
    expect(problems(parseUpdateYaml('- a\n'))[0]).toMatchObject({ path: '', line: 1 });
    expect(problems(parseUpdateYaml('wins: []\nrisks: none\n'))[0]?.message).toMatch(/^the update is empty/);
  });

  it('enforces the size limits', () => {
    const many = Array.from({ length: UPDATE_LIMITS.itemsPerSection + 1 }, (_, i) => `  - item ${i}`);
    expect(problems(parseUpdateYaml(`wins:\n${many.join('\n')}\n`))[0]).toMatchObject({
      path: 'wins',
      line: 1,
    });
    const long = `next: ${'x'.repeat(UPDATE_LIMITS.itemLength + 1)}\n`;
    expect(problems(parseUpdateYaml(long))[0]).toMatchObject({ path: 'next.0', line: 1 });
  });
});

describe('parseUpdateMarkdown', () => {
  it('reads the template labels with nested bullets and same-line items', () => {
    const text = [
      '## Billing — Ana Ruiz',
      '- Wins / shipped: Invoice PDFs GA',
      '  - Dunning emails to 10%',
      '    - EU first',
      '  - Tax IDs on invoices,',
      '    validated',
      "- What's next:",
      '  1. Usage-based pricing beta',
      '- Risks / asks: Need a Legal review by 11-24',
      '- Metrics snapshot:',
      '  - Failed payments 2.1% (-0.4pt)',
      '- Links (PRDs/specs/notes):',
      '  - [PRD](https://example.com/prd)',
    ].join('\n');
    expect(update(parseUpdateMarkdown(text))).toEqual({
      wins: ['Invoice PDFs GA', 'Dunning emails to 10%\n- EU first', 'Tax IDs on invoices,\nvalidated'],
      next: ['Usage-based pricing beta'],
      risks: ['Need a Legal review by 11-24'],
      metrics: ['Failed payments 2.1% (-0.4pt)'],
      links: ['[PRD](https://example.com/prd)'],
    });
  });

  it('tolerates case, "Whats next", curly apostrophes, bold labels, * bullets, CRLF and "None"', () => {
    const text = [
      '* WINS/SHIPPED:',
      '    * a',
      '* Whats next: b',
      '* What’s next?',
      '',
      '* **Risks / asks:** None',
      '* metrics snapshot',
      '',
      '  Prose under a label is one item.',
    ].join('\r\n');
    const result = parseUpdateMarkdown(text);
    expect(problems(result)).toEqual([
      { path: '', line: 4, message: expect.stringMatching(/^unknown label "What’s next\?"/) },
    ]);
    const fixed = text.replace('* What’s next?\r\n', '');
    expect(update(parseUpdateMarkdown(fixed))).toEqual({
      wins: ['a'],
      next: ['b'],
      risks: [],
      metrics: ['Prose under a label is one item.'],
      links: [],
    });
    expect(update(parseUpdateMarkdown('- What’s next:\n  - x'))).toMatchObject({ next: ['x'] });
    expect(update(parseUpdateMarkdown("- what's NEXT: x"))).toMatchObject({ next: ['x'] });
  });

  it('reports unknown labels and text outside a section with line numbers', () => {
    const text = [
      'Hi team, my update:',
      '- Wins / shipped:',
      '  - a',
      '- Blockers: none',
      '- Shipped the thing',
      '',
      'Thanks!',
    ].join('\n');
    const found = problems(parseUpdateMarkdown(text));
    expect(found.map((p) => p.line)).toEqual([1, 4, 5, 7]);
    expect(found[0]?.message).toMatch(
      /^text outside a section: "Hi team, my update:"; put it as a nested bullet/,
    );
    expect(found[1]?.message).toMatch(
      /^unknown label "Blockers": use "- Wins \/ shipped:", "- What's next:"/,
    );
    expect(found[2]?.message).toMatch(/^unknown label "Shipped the thing": use/);
    expect(found[3]?.message).toMatch(/^text outside a section: "Thanks!"/);
    expect(found[1]?.message).toContain('"- Links (PRDs/specs/notes):"');
  });

  it('ignores a heading and comments above the labels, but not a heading between sections', () => {
    const ok =
      '# Weekly Product Update\n## Billing — Ana\n<!-- one item per bullet -->\n- Wins / shipped: a\n';
    expect(update(parseUpdateMarkdown(ok)).wins).toEqual(['a']);
    const bad = '- Wins / shipped: a\n\n## Search — Bo\n- Risks / asks: b\n';
    expect(problems(parseUpdateMarkdown(bad))).toEqual([
      { path: '', line: 3, message: expect.stringContaining('text outside a section: "## Search — Bo"') },
    ]);
  });

  it('refuses a label given twice and an empty nested bullet', () => {
    expect(
      problems(parseUpdateMarkdown('- Wins / shipped: a\n- Risks / asks: b\n- wins / shipped: c\n')),
    ).toEqual([{ path: 'wins', line: 3, message: 'this label already appears on line 1' }]);
    expect(problems(parseUpdateMarkdown('- Wins / shipped:\n  - a\n  -\n'))).toEqual([
      { path: 'wins.1', line: 3, message: 'is empty: write the item or remove it' },
    ]);
  });

  it('refuses an update with no items, and gives item lines for limit problems', () => {
    expect(problems(parseUpdateMarkdown('- Wins / shipped:\n- Risks / asks: None\n'))[0]?.message).toMatch(
      /^the update is empty/,
    );
    const long = `- Wins / shipped:\n  - a\n  - ${'x'.repeat(UPDATE_LIMITS.itemLength + 1)}\n`;
    expect(problems(parseUpdateMarkdown(long))).toEqual([
      { path: 'wins.1', line: 3, message: expect.stringMatching(/characters long/) },
    ]);
  });

  it('keeps code fences inside an item as markdown', () => {
    const text = '- Links (PRDs/specs/notes):\n  - Query:\n    ```sql\n    - not a bullet\n    ```\n';
    expect(update(parseUpdateMarkdown(text)).links).toEqual(['Query:\n```sql\n- not a bullet\n```']);
  });
});

describe('"nothing this week", said on purpose', () => {
  const nothing = { wins: [], next: [], risks: [], metrics: [], links: [], nothingThisWeek: true };

  it('reads nothing_this_week: true in YAML and a line of its own in markdown', () => {
    expect(parseUpdateYaml('nothing_this_week: true\n')).toEqual({ ok: true, update: nothing });
    expect(parseUpdateYaml('nothingThisWeek: yes\nwins: none\n')).toEqual({ ok: true, update: nothing });
    expect(parseUpdateMarkdown('## Billing — Ana\nNothing this week.\n')).toEqual({
      ok: true,
      update: nothing,
    });
    expect(parseUpdateMarkdown('- **Nothing to report this week**\n')).toEqual({ ok: true, update: nothing });
  });

  it('refuses it beside bullets, a value that is not a boolean, and false with nothing else', () => {
    expect(problems(parseUpdateYaml('nothing_this_week: true\nwins: [Shipped]\n'))).toEqual([
      { path: 'nothingThisWeek', message: expect.stringMatching(/cannot come with bullets/) },
    ]);
    expect(problems(parseUpdateYaml('nothing_this_week: maybe\n'))).toEqual([
      { path: 'nothing_this_week', line: 1, message: 'must be true or false' },
    ]);
    expect(problems(parseUpdateYaml('nothing_this_week: false\n'))[0]?.message).toMatch(
      /^the update is empty: .*Nothing this week/,
    );
  });
});
