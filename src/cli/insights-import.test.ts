import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDataDir } from '../../test/cli.ts';

const CSV = `id,created_at,title,body,priority
A-1,2026-11-10T10:00:00Z,Invoice wrong,"We were charged twice on invoice 1234, please refund",urgent
A-2,2026-11-11T10:00:00Z,How do I export,How do I export my reports to Excel?,normal
A-3,not-a-date,Broken,A row with a bad date,normal
A-4,2026-11-12T10:00:00Z,Invoice wrong,"We were charged twice on invoice 9876, please refund",high
`;

describe('prodops insights import', () => {
  const data = useDataDir();

  it('imports a file, reports bad rows by line, and adds nothing when run again', async () => {
    const file = path.join(data.dir, 'tickets.csv');
    writeFileSync(file, CSV);
    const first = await data.cli(['insights', 'import', file, '--source', 'support']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('4 rows read, 3 new, 0 already there, 1 bad');
    expect(first.stderr).toContain(`${file}:4: created_at: "not-a-date" is not a date`);
    const again = await data.cli(['insights', 'import', file, '--source', 'support']);
    expect(again.stdout).toContain('4 rows read, 0 new, 3 already there, 1 bad');
  });

  it('names the option for an unknown source or format, and the file when it is missing', async () => {
    const file = path.join(data.dir, 'tickets.csv');
    const source = await data.cli(['insights', 'import', file, '--source', 'telepathy']);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('source: is not an insights source (known: support, crm');
    const format = await data.cli(['insights', 'import', file, '--source', 'support', '--format', 'xls']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format: "xls" is not one of csv, json, jsonl, zendesk, intercom');
    const missing = await data.cli([
      'insights',
      'import',
      path.join(data.dir, 'nope.csv'),
      '--source',
      'support',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv: no such file');
  });
});
