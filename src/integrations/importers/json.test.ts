import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseFeedback } from './parse.ts';
import { collect, fixture, fixturePath, item, streamOf } from './test-helpers.ts';
import type { FeedbackFormat } from './types.ts';

const parse = (input: Readable, format: FeedbackFormat = 'json') => collect(parseFeedback(input, { format }));

const ok = (line: number, externalId: string) => ({
  line,
  item: item({ externalId, body: `text ${externalId}`, occurredAt: '2026-01-01T00:00:00.000Z' }),
});
const record = (id: string) => ({ id, body: `text ${id}`, date: '2026-01-01' });

describe('JSON documents', () => {
  it('reads {"items": [...]} with generic keys; bad records are reported by record number', async () => {
    expect(await parse(fixture('feedback.json'))).toEqual([
      {
        line: 1,
        item: item({
          externalId: '101',
          title: 'Slow dashboard',
          body: 'The dashboard takes 20 seconds to load for our team.',
          occurredAt: '2026-03-05T06:00:00.000Z',
          customer: 'Acme Corp',
          segment: 'enterprise',
          severityHint: 'high',
          kindHint: 'performance',
          tags: ['dashboard', 'speed'],
          url: 'https://feedback.example.com/101',
        }),
      },
      { line: 2, error: 'record 2: created_at: missing' },
      { line: 3, error: 'record 3: not a JSON object but a string' },
      {
        line: 4,
        item: item({
          externalId: 'ext-104',
          body: 'Love the new onboarding checklist.',
          occurredAt: '2026-03-05T09:00:00.000Z',
          customer: 'pat@example.org',
          tags: ['onboarding', 'praise'],
        }),
      },
    ]);
  });

  it('reads a top-level array and a {"data": [...]} wrapper, with a BOM, in small chunks', async () => {
    const array = `\uFEFF[${JSON.stringify(record('a'))},\r\n${JSON.stringify(record('b'))}]`;
    expect(await parse(streamOf(array, 3))).toEqual([ok(1, 'a'), ok(2, 'b')]);
    const wrapped = JSON.stringify({ meta: { page: 1 }, data: [record('c')], total: 1 });
    expect(await parse(streamOf(wrapped, 5))).toEqual([ok(1, 'c')]);
  });

  it('skips other lists in the document, before or after the records', async () => {
    const doc = JSON.stringify({
      users: [record('u1'), record('u2')],
      items: [record('x')],
      related: [record('r')],
    });
    expect(await parse(streamOf(doc))).toEqual([ok(1, 'x')]);
  });

  it('reads an empty list as no rows', async () => {
    expect(await parse(streamOf('{"items": []}'))).toEqual([]);
    expect(await parse(streamOf('[]'))).toEqual([]);
  });

  it('refuses an object with no known wrapper, listing the keys it found', async () => {
    await expect(parse(streamOf('{"foo": [1], "bar": 2}\n'))).rejects.toThrow(
      'expected a JSON array of records, or an object with "items" or "data" holding one; found keys: foo, bar',
    );
    await expect(parse(streamOf('{"items": {"a": 1}}'))).rejects.toThrow(/found keys: items/);
  });

  it('throws on broken JSON after yielding the records before it', async () => {
    const rows: unknown[] = [];
    const broken = `[${JSON.stringify(record('a'))}, {"id": "b", oops}]`;
    await expect(
      (async () => {
        for await (const row of parseFeedback(streamOf(broken, 16), { format: 'json' })) rows.push(row);
      })(),
    ).rejects.toThrow(/^not valid JSON after record 1: /);
    expect(rows).toEqual([ok(1, 'a')]);
  });

  it('refuses CSV declared as JSON', async () => {
    await expect(parse(streamOf('id,body\n1,x\n'))).rejects.toThrow(
      'expected JSON, but the file starts with "id,body\\n1,x\\n"',
    );
  });
});

describe('JSON Lines', () => {
  it('reads one record per line; a malformed or empty line is an error row and the next line goes on', async () => {
    const rows = await parse(fixture('feedback.jsonl'), 'jsonl');
    expect(rows).toEqual([
      {
        line: 1,
        item: item({
          externalId: 'j-1',
          title: 'Cannot invite teammates',
          body: 'The invite button is greyed out.',
          occurredAt: '2026-03-06T00:00:00.000Z',
          customer: 'Globex',
          kindHint: 'bug',
        }),
      },
      { line: 3, error: expect.stringMatching(/^not valid JSON: /) },
      { line: 4, error: 'no text: body is empty' },
      { line: 5, error: 'not a JSON object but an array' },
      {
        line: 6,
        item: item({
          externalId: 'j-5',
          title: 'Dark mode please',
          body: 'Would love a dark theme.',
          occurredAt: '2026-03-07T12:00:00.000Z',
          segment: 'smb',
          severityHint: 'low',
          kindHint: 'feature_request',
        }),
      },
    ]);
  });

  it('reads CRLF line ends and a BOM with the same line numbers', async () => {
    const lf = readFileSync(fixturePath('feedback.jsonl'), 'utf8');
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    expect(await parse(streamOf(crlf, 2), 'jsonl')).toEqual(await parse(fixture('feedback.jsonl'), 'jsonl'));
  });

  it('reads a JSON Lines file declared as json, and a JSON array declared as jsonl', async () => {
    const lines = `${JSON.stringify(record('a'))}\n${JSON.stringify(record('b'))}\n`;
    expect(await parse(streamOf(lines), 'json')).toEqual([ok(1, 'a'), ok(2, 'b')]);
    expect(await parse(streamOf(`[${JSON.stringify(record('a'))}]`), 'jsonl')).toEqual([ok(1, 'a')]);
  });

  it('reports every problem of a record at once, each naming its field', async () => {
    const rows = await parse(streamOf('{"ticket_id": "", "created": "31/02/2026", "title": " "}\n'), 'jsonl');
    expect(rows).toEqual([
      { line: 1, error: 'ticket_id: missing; created: "31/02/2026" is not a date; no text: title is empty' },
    ]);
  });
});
