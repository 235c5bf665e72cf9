import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTicketsCsv } from '../../bench/feedback-data.ts';
import { CLI_ENTRY, useDataDir } from '../../test/cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

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

  it("imports Jira's CSV export, found by its header, with its dates and repeated Labels columns", async () => {
    const file = path.join(ROOT, 'src/integrations/importers/fixtures/jira-export.csv');
    const run = await data.cli(['insights', 'import', file, '--source', 'support']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 rows read, 2 new, 0 already there, 1 bad');
    expect(run.stderr).toContain(`${file}:4: Created: "32/Mar/26 3:05 PM" is not a date`);
  });

  it('names the option for an unknown source or format, and the file when it is missing', async () => {
    const file = path.join(data.dir, 'tickets.csv');
    const source = await data.cli(['insights', 'import', file, '--source', 'telepathy']);
    expect(source.code).toBe(2);
    expect(source.stderr).toContain('source: is not an insights source (known: support, crm');
    const format = await data.cli(['insights', 'import', file, '--source', 'support', '--format', 'xls']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain(
      '--format: "xls" is not one of csv, json, jsonl, zendesk, intercom, jira, linear, github',
    );
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

  it('ends with every row exactly once after the import process is killed half-way and run again', async () => {
    const file = path.join(data.dir, 'big.csv');
    await writeTicketsCsv(file, 30_000);
    const args = ['insights', 'import', file, '--source', 'support'];
    // Killed with SIGKILL as soon as it says a first batch is in: no cleanup code gets to run.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
        env: { ...process.env, ...data.env, DATABASE_URL: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/progress: \d+ rows read, [1-9]\d* new/.test(err)) child.kill('SIGKILL');
      });
      child.on('close', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`the import ended before it was killed: ${err}`)),
      );
    });
    const rerun = await data.cli(args);
    const [, fresh, already] = /30000 rows read, (\d+) new, (\d+) already there/.exec(rerun.stdout) ?? [];
    expect(Number(already)).toBeGreaterThanOrEqual(2000);
    expect(Number(fresh) + Number(already)).toBe(30_000);
    expect((await data.cli(args)).stdout).toContain('30000 rows read, 0 new, 30000 already there, 0 bad');
  }, 150_000);
});
