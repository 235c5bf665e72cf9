import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../test/cli.ts';

/** `prodops insights classify|eval` as users run them, on small CSV fixtures written here. */

const dir = mkdtempSync('/tmp/pd-insights-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const rows = (p: string) => parse(readFileSync(p), { columns: true }) as Record<string, string>[];
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

/** Support tickets labelled by team, with quoted commas and a multi-line body (a real CSV parser is needed). */
const LABELLED = file(
  'labelled.csv',
  [
    'id,subject,message,team',
    '1,Parcel late,"The parcel was due Monday, still not here",shipping',
    '2,Lost parcel,"Courier says delivered, but no parcel",shipping',
    '3,Tracking,"Tracking number shows nothing",shipping',
    '4,Delivery,"Delivery van never came",shipping',
    '5,Wrong address,"Parcel delivered to the neighbour\nplease check",shipping',
    '6,Invoice wrong,"The invoice total is wrong, VAT twice",billing',
    '7,Charged twice,"I was charged twice on my card",billing',
    '8,Invoice copy,"Need a copy of the March invoice",billing',
    '9,Refund,"Refund for the duplicate charge please",billing',
    '10,Billing address,"Invoice shows the old billing address",billing',
    '',
  ].join('\n'),
);

const ITEMS = file(
  'items.csv',
  [
    'ticket,subject,message',
    'T-1,Where is my parcel,"Courier says delivered, nothing arrived"',
    'T-2,Invoice question,"The invoice has the wrong total"',
    '',
  ].join('\n'),
);

describe('prodops insights classify', () => {
  it('learns the labels of --train and writes id,label,confidence for every input row', async () => {
    const out = path.join(dir, 'out.csv');
    const r = expectOk(
      await runCli([
        'insights',
        'classify',
        '--train',
        LABELLED,
        '--input',
        ITEMS,
        '--output',
        out,
        '--text-column',
        'subject',
        '--text-column',
        'message',
        '--label-column',
        'team',
        '--id-column',
        'ticket',
      ]),
    );
    expect(r.stdout).toBe('');
    const result = rows(out);
    expect(result.map((x) => [x.id, x.label])).toEqual([
      ['T-1', 'shipping'],
      ['T-2', 'billing'],
    ]);
    for (const x of result) {
      expect(Number(x.confidence)).toBeGreaterThan(0.5);
      expect(Number(x.confidence)).toBeLessThanOrEqual(1);
    }
  });

  it('tags built-in kinds without --train, from title + body, numbering rows when there is no id', async () => {
    const input = file(
      'tickets.csv',
      [
        'title,body',
        'Crash on upload,"The app crashes every time I upload a photo, error 500"',
        'Question,How do I add a second admin to my workspace?',
        'Idea,"It would be great to have a dark mode, please add it"',
        'Thank you,"Love the new reports, great job!"',
        '',
      ].join('\r\n'),
    );
    const r = expectOk(await runCli(['insights', 'classify', '--input', input]));
    const result = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(result.map((x) => [x.id, x.label])).toEqual([
      ['1', 'bug'],
      ['2', 'confusion'],
      ['3', 'feature_request'],
      ['4', 'praise'],
    ]);
  });

  it('streams a large input through to the output, row for row', async () => {
    const n = 20_000;
    const lines = ['id,text'];
    for (let i = 0; i < n; i++)
      lines.push(`${i},"Ticket ${i}: the export, again, fails with error ${i % 500}"`);
    const input = file('large.csv', `${lines.join('\n')}\n`);
    const out = path.join(dir, 'large-out.csv');
    expectOk(await runCli(['insights', 'classify', '--input', input, '--output', out]));
    const result = rows(out);
    expect(result).toHaveLength(n);
    expect(result.at(-1)).toMatchObject({ id: String(n - 1), label: 'bug' });
  });

  it('exits 2 naming the missing column and the header', async () => {
    const r = await runCli(['insights', 'classify', '--input', ITEMS, '--text-column', 'description']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column "description" (--text-column)');
    expect(r.stderr).toContain('"ticket", "subject", "message"');

    const noText = await runCli(['insights', 'classify', '--input', ITEMS]);
    expect(noText.code).toBe(2);
    expect(noText.stderr).toMatch(/no text column.*--text-column/);

    const out = path.join(dir, 'never.csv');
    const noLabel = await runCli([
      'insights',
      'classify',
      '--train',
      LABELLED,
      '--input',
      ITEMS,
      '--output',
      out,
      '--text-column',
      'message',
    ]);
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toContain('column "label" (--label-column)');
    expect(noLabel.stderr).toContain('"id", "subject", "message", "team"');
    expect(() => readFileSync(out)).toThrow();

    const broken = file('broken.csv', 'id,text\n1,"an unclosed quote\n2,fine\n');
    const bad = await runCli(['insights', 'classify', '--input', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/broken\.csv is not valid CSV: .*line/i);
  });
});

describe('prodops insights eval', () => {
  const TEST = file(
    'test.csv',
    [
      'subject,message,team',
      'Missing parcel,"The courier never delivered my parcel",shipping',
      'Late delivery,"Parcel is late again",shipping',
      'Double charge,"Charged twice, need a refund",billing',
      'Invoice,"The invoice shows the wrong VAT",billing',
      '',
    ].join('\n'),
  );
  const args = ['--text-column', 'subject', '--text-column', 'message', '--label-column', 'team'];

  it('prints accuracy, per-label precision/recall/F1 and macro-F1', async () => {
    const r = expectOk(await runCli(['insights', 'eval', '--train', LABELLED, '--test', TEST, ...args]));
    expect(r.stdout).toMatch(/label\s+precision\s+recall\s+f1\s+support/);
    expect(r.stdout).toMatch(/billing\s+1\.000\s+1\.000\s+1\.000\s+2/);
    expect(r.stdout).toMatch(/shipping\s+1\.000\s+1\.000\s+1\.000\s+2/);
    expect(r.stdout).toMatch(/accuracy\s+1\.000/);
    expect(r.stdout).toMatch(/macro-F1\s+1\.000/);
  });

  it('prints the same figures as JSON with --json', async () => {
    const r = expectOk(
      await runCli(['insights', 'eval', '--train', LABELLED, '--test', TEST, ...args, '--json']),
    );
    const json = JSON.parse(r.stdout) as {
      test: number;
      accuracy: number;
      macroF1: number;
      labels: unknown[];
    };
    expect(json).toMatchObject({ test: 4, accuracy: 1, macroF1: 1 });
    expect(json.labels).toEqual([
      { label: 'billing', precision: 1, recall: 1, f1: 1, support: 2 },
      { label: 'shipping', precision: 1, recall: 1, f1: 1, support: 2 },
    ]);
  });
});
