import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseFeedback } from './parse.ts';
import { collect, fixture, fixturePath, item, streamOf } from './test-helpers.ts';

const csv = (input: Readable) => collect(parseFeedback(input, { format: 'csv' }));

const FEEDBACK_CSV = [
  {
    line: 2,
    item: item({
      externalId: 'fb-1',
      title: 'Export fails',
      body: 'The CSV export spins forever.',
      occurredAt: '2026-03-02T09:15:00.000Z',
      customer: 'Acme Corp',
      segment: 'enterprise',
      evidenceType: 'quote',
      severityHint: 'high',
      kindHint: 'bug',
      tags: ['export', 'reports'],
      url: 'https://support.example.com/t/1',
    }),
  },
  {
    line: 3,
    item: item({
      externalId: 'fb-2',
      body: 'Where do I find\nthe billing page?\nI looked everywhere.',
      occurredAt: '2026-03-02T10:30:00.000Z',
      customer: 'Globex',
      segment: 'smb',
      kindHint: 'question',
      tags: ['billing', 'navigation'],
    }),
  },
  { line: 6, error: 'ID: missing' },
  { line: 7, error: 'Created_At: "32/13/2026" is not a date' },
  { line: 8, error: 'no text: Title and Body are empty' },
  { line: 9, error: '12 fields where the header has 11 (an unquoted delimiter in the text?)' },
  {
    line: 10,
    item: item({
      externalId: 'fb-7',
      title: 'Rich text',
      body: 'The new editor is great.\n\nThanks!',
      occurredAt: '2026-03-04T09:00:00.000Z',
      customer: 'Hooli',
      segment: 'mid-market',
      evidenceType: 'nps verbatim',
      severityHint: 'low',
      kindHint: 'praise',
      // The row's url is "javascript:alert(1)": only web and mail links are kept.
      url: null,
    }),
  },
];

describe('generic CSV', () => {
  it('normalises every row and reports bad rows with their line while keeping the rows around them', async () => {
    expect(await csv(fixture('feedback.csv'))).toEqual(FEEDBACK_CSV);
  });

  it('reads the same file with CRLF line ends and a UTF-8 BOM, even cut into 1-byte chunks', async () => {
    const lf = readFileSync(fixturePath('feedback.csv'), 'utf8');
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    expect(await csv(streamOf(crlf))).toEqual(FEEDBACK_CSV);
    expect(await csv(streamOf(crlf, 1))).toEqual(FEEDBACK_CSV);
  });

  it('numbers a row by the line it starts on after quoted multi-line bodies, blank lines and bad rows', async () => {
    const text = [
      'id,body,date',
      '1,"first\r\nsecond\r\nthird",2026-01-01',
      '2,plain,2026-01-02',
      '',
      '   ,  ,  ',
      '3,"ends with a break\r\n",2026-01-03',
      '4,"too, many",cells,2026-01-04',
      '5,"multi\nline",not a date',
      '6,last,2026-01-06',
    ].join('\r\n');
    const rows = await csv(streamOf(text, 7));
    expect(rows.map((r) => ('item' in r ? [r.line, r.item.externalId] : [r.line, r.error]))).toEqual([
      [2, '1'],
      [5, '2'],
      [8, '3'],
      [10, '4 fields where the header has 3 (an unquoted delimiter in the text?)'],
      [11, 'date: "not a date" is not a date'],
      [13, '6'],
    ]);
    expect(rows[0]).toMatchObject({ item: { body: 'first\nsecond\nthird' } });
  });

  it('reads old Mac line ends (CR alone)', async () => {
    const rows = await csv(streamOf('id,body,date\r1,"a\rb",2026-01-01\r2,c,2026-01-02\r'));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]).toMatchObject({ item: { body: 'a\nb' } });
  });

  it('matches column names case-insensitively with their aliases, the best filled one first', async () => {
    const text =
      'Ticket ID;External_ID;Subject;Description;Timestamp;Email;Company;Tier;Category;Labels;Link\n' +
      ';X-1;Broken;It broke;1772442000;a@b.example;Acme;smb;bug;a;https://x.example/1\n';
    expect(await csv(streamOf(text))).toEqual([
      {
        line: 2,
        item: item({
          externalId: 'X-1',
          title: 'Broken',
          body: 'It broke',
          occurredAt: '2026-03-02T09:00:00.000Z',
          customer: 'Acme',
          segment: 'smb',
          kindHint: 'bug',
          tags: ['a'],
          url: 'https://x.example/1',
        }),
      },
    ]);
  });

  it('accepts a CSV with one text column and no optional columns', async () => {
    const rows = await csv(streamOf('id,comment,date\n7,"Great, thanks",2026-02-01\n'));
    expect(rows).toEqual([
      {
        line: 2,
        item: item({ externalId: '7', body: 'Great, thanks', occurredAt: '2026-02-01T00:00:00.000Z' }),
      },
    ]);
  });

  it('refuses a header without id, date or text, naming what is missing and what was found', async () => {
    await expect(csv(streamOf('name,notes\nx,y\n'))).rejects.toThrow(
      /has no id \(id\/external_id\/ticket_id\/conversation_id\), no date \(created_at\/.*\), no text \(title .* or body .*\) column; found: name, notes$/,
    );
    await expect(csv(streamOf('id,title\n1,x\n'))).rejects.toThrow(/no date .*; found: id, title/);
  });

  it('reports an unclosed quote at the row that opened it, after the rows before it', async () => {
    const rows = await csv(
      streamOf('id,body,date\n1,ok,2026-01-01\n2,"never closed,2026-01-02\n3,lost,2026-01-03\n'),
    );
    expect(rows).toEqual([
      { line: 2, item: item({ externalId: '1', body: 'ok', occurredAt: '2026-01-01T00:00:00.000Z' }) },
      {
        line: 3,
        error: 'a quote opened in this row is never closed: the rest of the file could not be read',
      },
    ]);
  });

  it('keeps a stray quote inside an unquoted cell as text', async () => {
    const rows = await csv(streamOf('id,body,date\n1,the "new" editor,2026-01-01\n'));
    expect(rows).toMatchObject([{ line: 2, item: { body: 'the "new" editor' } }]);
  });

  it('reads tab-separated files', async () => {
    const rows = await csv(streamOf('id\tbody\tdate\n1\ta, b\t2026-01-01\n'));
    expect(rows).toMatchObject([{ line: 2, item: { externalId: '1', body: 'a, b' } }]);
  });

  it('refuses binary files, spreadsheets, UTF-16 and empty files', async () => {
    await expect(csv(streamOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])))).rejects.toThrow(
      /not a text file/,
    );
    await expect(csv(streamOf(Buffer.from('PK\u0003\u0004xl/workbook.xml')))).rejects.toThrow(
      /export it as CSV/,
    );
    await expect(csv(streamOf(Buffer.from('\ufeffid,body', 'utf16le')))).rejects.toThrow(/UTF-16/);
    await expect(csv(streamOf(''))).rejects.toThrow(/empty/);
    await expect(csv(streamOf('\n\n'))).rejects.toThrow(/no header row/);
  });

  it('refuses JSON declared as CSV', async () => {
    await expect(csv(streamOf('[{"id": 1}]'))).rejects.toThrow(
      /expected CSV, but the file starts with "\[\{/,
    );
  });

  it('stops reading the file when the consumer stops early', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},text ${i},2026-01-01`).join('\n');
    const source = streamOf(`id,body,date\n${rows}`, 1024);
    for await (const row of parseFeedback(source, { format: 'csv' })) {
      expect(row.line).toBe(2);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
  });
});
