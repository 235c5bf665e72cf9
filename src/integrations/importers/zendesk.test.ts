import { describe, expect, it } from 'vitest';
import { parseFeedback } from './parse.ts';
import { collect, fixture, item, streamOf } from './test-helpers.ts';

describe('Zendesk', () => {
  it('reads a ticket export {"tickets": [...]}: HTML descriptions, customers, agent links, bad tickets by record', async () => {
    const rows = await collect(parseFeedback(fixture('zendesk-tickets.json'), { format: 'zendesk' }));
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          externalId: '35436',
          title: 'Sync stopped working',
          body: 'Since Tuesday the calendar sync stops after a few minutes.\n\n* Chrome\n* Windows 11',
          occurredAt: '2026-02-20T14:03:11.000Z',
          customer: 'sam@customer.example',
          severityHint: 'urgent',
          kindHint: 'problem',
          tags: ['sync', 'calendar'],
          url: 'https://example.zendesk.com/agent/tickets/35436',
        }),
      },
      {
        line: 2,
        item: item({
          externalId: '35437',
          title: 'How do I export my data?',
          body: 'How do I export all my projects at once?',
          occurredAt: '2026-02-21T08:00:00.000Z',
          customer: 'Initech',
          severityHint: 'normal',
          kindHint: 'question',
          url: 'https://example.zendesk.com/agent/tickets/35437',
        }),
      },
      { line: 3, error: 'record 3: created_at: "yesterday" is not a date' },
      { line: 4, error: 'record 4: id: missing' },
      {
        line: 5,
        item: item({
          externalId: '35440',
          title: 'Login page down',
          body: 'Login returns a 502 error.',
          occurredAt: '2026-02-23T10:00:00.000Z',
          customer: 'ops@hooli.example',
          severityHint: 'high',
          kindHint: 'incident',
          tags: ['login', 'outage'],
          url: 'https://example.zendesk.com/agent/tickets/35440',
        }),
      },
    ]);
  });

  it('reads the incremental export as JSON Lines, one ticket per line', async () => {
    const rows = await collect(parseFeedback(fixture('zendesk-incremental.jsonl'), { format: 'zendesk' }));
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          externalId: '9001',
          title: 'Add SSO for contractors',
          body: 'We need SAML SSO for our contractors.',
          occurredAt: '2026-01-05T10:00:00.000Z',
          customer: '42',
          severityHint: 'low',
          kindHint: 'task',
          tags: ['sso'],
          url: 'https://example.zendesk.com/agent/tickets/9001',
        }),
      },
      { line: 2, error: 'no text: subject and description are empty' },
      {
        line: 3,
        item: item({
          externalId: '9003',
          title: 'Emails arrive late',
          body: 'Notification emails arrive 2 hours late.',
          occurredAt: '2026-01-07T11:30:00.000Z',
          severityHint: 'high',
          kindHint: 'problem',
          tags: ['email', 'delay'],
          url: 'https://example.zendesk.com/agent/tickets/9003',
        }),
      },
    ]);
  });

  it('reads a bare array of tickets and a one-line export', async () => {
    const ticket = {
      id: 1,
      subject: 'S',
      description: 'D',
      created_at: '2026-01-01T00:00:00Z',
      requester_id: 5,
    };
    const expected = [
      {
        line: 1,
        item: item({ externalId: '1', title: 'S', body: 'D', occurredAt: '2026-01-01T00:00:00.000Z' }),
      },
    ];
    expect(await collect(parseFeedback(streamOf(JSON.stringify([ticket])), { format: 'zendesk' }))).toEqual(
      expected,
    );
    const oneLine = JSON.stringify({ tickets: [ticket], count: 1 });
    expect(await collect(parseFeedback(streamOf(oneLine), { format: 'zendesk' }))).toEqual(expected);
  });

  it('refuses a document without tickets', async () => {
    await expect(
      collect(parseFeedback(streamOf('{"users": [{"id": 1}]}\n'), { format: 'zendesk' })),
    ).rejects.toThrow(/"tickets" or "results" or "items" or "data" holding one; found keys: users/);
  });
});
