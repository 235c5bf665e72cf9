import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { parseFeedback } from './parse.ts';
import { collect, fixture, fixturePath, item } from './test-helpers.ts';
import { adfText } from './trackers.ts';

const detected = (name: string) => detectFormat(name, readFileSync(fixturePath(name), 'utf8').slice(0, 4096));

const JIRA_BUG = {
  externalId: 'ED-1',
  title: 'Invoice totals wrong after plan change',
  severityHint: 'High',
  kindHint: 'Bug',
  tags: ['customer-feedback', 'billing', 'Invoices'],
};

describe('Jira', () => {
  it('reads the REST v3 search answer: keys, document-format descriptions, labels and components as tags', async () => {
    const rows = await collect(parseFeedback(fixture('jira-search.json'), { format: 'jira' }));
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          ...JIRA_BUG,
          body: 'After moving to the annual plan the invoice\nshows the old price.\n\nSeen by three customers.',
          occurredAt: '2026-03-05T09:21:33.000Z',
          customer: 'mia@customer.example',
          url: 'https://your-domain.atlassian.net/browse/ED-1',
        }),
      },
      {
        line: 2,
        item: item({
          externalId: 'ED-2',
          title: 'Export all projects at once',
          occurredAt: '2026-03-06T08:00:00.000Z',
          severityHint: 'Medium',
          kindHint: 'New Feature',
          url: 'https://your-domain.atlassian.net/browse/ED-2',
        }),
      },
      { line: 3, error: 'record 3: fields.created: "last week" is not a date' },
    ]);
  });

  it('reads the CSV export (which failed before: no "id" column), with repeated Labels columns', async () => {
    const rows = await collect(parseFeedback(fixture('jira-export.csv'), { format: 'jira' }));
    expect(rows).toEqual([
      {
        line: 2,
        item: item({
          ...JIRA_BUG,
          body: 'After moving to the annual plan the invoice shows the old price.',
          occurredAt: '2026-03-05T10:21:00.000Z',
          customer: 'Mia Krystof',
        }),
      },
      {
        line: 3,
        item: item({
          externalId: 'ED-2',
          title: 'Export all projects at once',
          body: 'Please let me export everything.',
          occurredAt: '2026-03-06T15:05:00.000Z',
          customer: 'Sam Lee',
          severityHint: 'Medium',
          kindHint: 'New Feature',
        }),
      },
      { line: 4, error: 'Created: "32/Mar/26 3:05 PM" is not a date' },
    ]);
  });

  it('says what a Jira CSV lacks', async () => {
    const rows = parseFeedback(fixture('linear-export.csv'), { format: 'jira' });
    await expect(collect(rows)).rejects.toThrow(/CSV header has no "Issue key" column/);
  });

  it('keeps the text of nested document nodes (lists, headings)', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Steps' }] },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Open' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pay' }] }] },
          ],
        },
      ],
    };
    expect(adfText(doc)).toBe('Steps\n\nOpen\n\nPay');
  });
});

describe('Linear', () => {
  const ENG_123 = {
    externalId: 'ENG-123',
    title: 'Dashboard charts are slow to load',
    occurredAt: '2026-04-01T09:30:00.000Z',
    severityHint: 'High',
    kindHint: 'Bug',
    tags: ['Bug', 'Reporting'],
  };

  it('reads a GraphQL issues answer ({"data": {"issues": {"nodes": [...]}}})', async () => {
    const rows = await collect(parseFeedback(fixture('linear-issues.json'), { format: 'linear' }));
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          ...ENG_123,
          body: 'Loading the **revenue** chart takes 20 seconds.',
          customer: 'ana@acme.example',
          url: 'https://linear.app/acme/issue/ENG-123/dashboard-charts-are-slow-to-load',
        }),
      },
      {
        line: 2,
        item: item({
          externalId: 'ENG-124',
          title: 'Let me schedule exports weekly',
          occurredAt: '2026-04-02T12:00:00.000Z',
          severityHint: 'Medium',
          kindHint: 'Feature',
          tags: ['Feature'],
          url: 'https://linear.app/acme/issue/ENG-124/let-me-schedule-exports-weekly',
        }),
      },
    ]);
  });

  it('reads the CSV export: labels in one cell, JavaScript date strings', async () => {
    const rows = await collect(parseFeedback(fixture('linear-export.csv'), { format: 'linear' }));
    expect(rows[0]).toEqual({
      line: 2,
      item: item({ ...ENG_123, body: 'Loading the revenue chart takes 20 seconds.', customer: 'Ana Ruiz' }),
    });
    expect(rows[1]).toMatchObject({ line: 3, item: { externalId: 'ENG-124', kindHint: 'Feature' } });
  });
});

describe('GitHub', () => {
  it('reads REST issues and `gh issue list --json` rows, ids as owner/repo#number, pull requests passed over', async () => {
    const rows = await collect(parseFeedback(fixture('github-issues.json'), { format: 'github' }));
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          externalId: 'octocat/Hello-World#1347',
          title: 'Found a bug',
          body: "I'm having a problem with this.",
          occurredAt: '2011-04-22T13:33:48.000Z',
          customer: 'octocat',
          kindHint: 'bug',
          tags: ['bug'],
          url: 'https://github.com/octocat/Hello-World/issues/1347',
        }),
      },
      {
        line: 3,
        item: item({
          externalId: 'acme/app#7',
          title: 'Dark mode for reports',
          body: 'Would love a dark theme.',
          occurredAt: '2026-05-01T08:00:00.000Z',
          customer: 'reporter1',
          kindHint: 'enhancement',
          tags: ['enhancement'],
          url: 'https://github.com/acme/app/issues/7',
        }),
      },
    ]);
  });
});

describe('detecting a tracker export', () => {
  it.each([
    ['jira-search.json', 'jira'],
    ['jira-export.csv', 'jira'],
    ['linear-issues.json', 'linear'],
    ['github-issues.json', 'github'],
    ['feedback.csv', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detected(name)).toBe(format);
  });
});
