import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inBatches } from './batches.ts';
import { detectFormat } from './detect.ts';
import { peekHead } from './head.ts';
import { parseFeedback } from './parse.ts';
import { collect, fixture, fixturePath } from './test-helpers.ts';

const head = (name: string) => readFileSync(fixturePath(name), 'utf8').slice(0, 4096);

describe('detectFormat', () => {
  it.each([
    ['feedback.csv', 'csv'],
    ['feedback.json', 'json'],
    ['feedback.jsonl', 'jsonl'],
    ['zendesk-tickets.json', 'zendesk'],
    ['zendesk-incremental.jsonl', 'zendesk'],
    ['intercom-conversations.json', 'intercom'],
    ['intercom-export.csv', 'intercom'],
  ])('knows %s as %s', (name, format) => {
    expect(detectFormat(name, head(name))).toBe(format);
  });

  it('goes by content over the extension, and needs no extension', () => {
    expect(detectFormat('upload.bin', 'id,title,date\n1,x,2026-01-01\n')).toBe('csv');
    expect(detectFormat('export.json', '{"id": 1, "body": "x"}\n{"id": 2, "body": "y"}\n')).toBe('jsonl');
    expect(detectFormat('export', '\uFEFF  [{"id": 1}]')).toBe('json');
    expect(detectFormat('export.txt', '{\n  "items": [\n')).toBe('json');
    expect(detectFormat('one-line.json', '{"items": [{"id": 1}]}')).toBe('json');
  });

  it('uses the extension when the first line is cut off in the head', () => {
    expect(detectFormat('big.jsonl', '{"id": 1, "body": "a very long li')).toBe('jsonl');
    expect(detectFormat('big.json', '{"id": 1, "body": "a very long li')).toBe('json');
  });

  it('knows Zendesk and Intercom by their fields', () => {
    expect(detectFormat('t.json', '[{"id": 1, "requester_id": 2, "subject": "x"}]')).toBe('zendesk');
    expect(detectFormat('c.jsonl', '{"type": "conversation", "id": "1"}\n')).toBe('intercom');
    expect(detectFormat('c.json', '{"type": "conversation.list", "conversations": [')).toBe('intercom');
    expect(detectFormat('c.csv', '"Conversation ID",Created at,Message\n')).toBe('intercom');
  });
});

describe('peekHead', () => {
  it('gives the first bytes for detection and a stream that still starts at byte 0', async () => {
    const { head, stream } = await peekHead(fixture('zendesk-tickets.json'), 64);
    const format = detectFormat('upload', head.toString('utf8'));
    expect(format).toBe('zendesk');
    const rows = await collect(parseFeedback(stream, { format }));
    expect(rows.map((r) => ('item' in r ? r.item.externalId : r.error))).toEqual([
      '35436',
      '35437',
      'record 3: created_at: "yesterday" is not a date',
      'record 4: id: missing',
      '35440',
    ]);
  });
});

describe('inBatches', () => {
  it('groups rows and hands over the last, smaller batch', async () => {
    async function* numbers() {
      yield* [1, 2, 3, 4, 5];
    }
    const batches: number[][] = [];
    for await (const batch of inBatches(numbers(), 2)) batches.push(batch);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });
});
