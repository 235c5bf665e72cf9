import { describe, expect, it } from 'vitest';
import { parseFeedback } from './parse.ts';
import { collect, fixture, item, streamOf } from './test-helpers.ts';

const FIRST = item({
  externalId: '1911149811',
  body: 'Hi! The mobile app crashes when I open a report.\n\nVersion 4.2 on Android.\n\nThe weekly revenue report.',
  occurredAt: '2026-03-02T09:00:00.000Z',
  customer: 'riley@startup.example',
  severityHint: 'priority',
  tags: ['mobile', 'crash'],
  url: 'https://app.example.com/reports',
});

describe('Intercom', () => {
  it('reads a conversations export: HTML to text, the customer’s later messages, tags, bad records by number', async () => {
    const rows = await collect(parseFeedback(fixture('intercom-conversations.json'), { format: 'intercom' }));
    expect(rows).toEqual([
      { line: 1, item: FIRST },
      { line: 2, error: 'record 2: created_at: "not-a-time" is not a date' },
      {
        line: 3,
        item: item({
          externalId: '1911149813',
          title: 'Pricing question',
          body: 'Is there a discount for annual billing?',
          occurredAt: '2026-03-03T09:00:00.000Z',
          customer: 'jo@bigco.example',
          severityHint: 'not_priority',
          tags: ['pricing'],
        }),
      },
    ]);
  });

  it('reads conversations as JSON Lines', async () => {
    const doc = (await import('./fixtures/intercom-conversations.json', { with: { type: 'json' } })).default;
    const lines = `${doc.conversations.map((c) => JSON.stringify(c)).join('\n')}\n`;
    const rows = await collect(parseFeedback(streamOf(lines), { format: 'intercom' }));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(rows[0]).toEqual({ line: 1, item: FIRST });
    expect(rows[1]).toEqual({ line: 2, error: 'created_at: "not-a-time" is not a date' });
  });

  it('reads the CSV conversation export by its column names', async () => {
    const rows = await collect(parseFeedback(fixture('intercom-export.csv'), { format: 'intercom' }));
    expect(rows).toEqual([
      {
        line: 2,
        item: item({
          externalId: 'ic-1',
          title: "Can't find export",
          body: "I can't find the export button.",
          occurredAt: '2026-03-01T09:00:00.000Z',
          customer: 'Small Co',
          tags: ['how-to', 'export'],
        }),
      },
      { line: 3, error: 'no text: Conversation subject and Conversation body are empty' },
      {
        line: 4,
        item: item({
          externalId: 'ic-3',
          body: 'Please add Slack alerts.',
          occurredAt: '2026-03-02T08:30:00.000Z',
          customer: 'kim@mid.example',
          tags: ['feature'],
        }),
      },
    ]);
  });
});
