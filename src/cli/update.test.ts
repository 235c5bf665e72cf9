import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import { addWeeks, currentWeekKey } from '../shared/calendar.ts';

/**
 * `prodops update …` as users run it: real CLI processes talking to one real `prodops serve` (demo org) over
 * HTTP with PRODOPS_URL and PRODOPS_TOKEN, like `gh`.
 */

/** A week ahead of now: not auto-published at 16:00 while the test runs, so publishing it makes version 1. */
const WEEK = addWeeks(currentWeekKey(new Date(), 'UTC'), 2);

const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops update (submit, publish, show) against a running server', () => {
  const data = useDataDir();
  let server: RunningServer;
  const tokens: Record<string, string> = {};
  const as = (who: string, args: string[]) =>
    runCli(args, { env: { PRODOPS_URL: server.url, PRODOPS_TOKEN: tokens[who]! } });
  const file = (name: string, text: string) => {
    const p = path.join(data.dir, name);
    writeFileSync(p, text);
    return p;
  };

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    for (const who of ['maya', 'priya', 'sam']) {
      const r = expectOk(await data.cli(['token', 'create', '--email', `${who}@example.com`]));
      tokens[who] = r.stdout.trim();
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('submits a YAML file for an area by slug', async () => {
    const yaml = file(
      'update.yaml',
      [
        'wins:',
        '  - Shipped **usage-based invoices** to 10% of accounts',
        'next:',
        '  - Roll out to everyone',
        'risks:',
        '  - Tax provider contract renewal',
        'metrics:',
        '  - "Invoice errors: 0.3%"',
        'links:',
        '  - "[PRD](https://example.com/prd)"',
        '',
      ].join('\n'),
    );
    const r = expectOk(
      await as('maya', ['update', 'submit', '--week', WEEK, '--area', 'billing', '--file', yaml]),
    );
    expect(r.stdout).toMatch(new RegExp(`^Submitted Billing for ${WEEK}( \\(late\\))?\\n$`));
  });

  it('submits a markdown file with the template bullet labels (an edit of the same week)', async () => {
    const md = file(
      'update.md',
      [
        '- Wins / shipped:',
        '  - Shipped usage-based invoices to all accounts',
        '  - Dunning emails v2',
        "- What's next:",
        '  - Self-serve plan changes',
        '- Risks / asks:',
        '  - Need a security review slot',
        '- Metrics snapshot:',
        '  - Invoice errors 0.2%',
        '- Links (PRDs/specs/notes):',
        '  - [Plan changes PRD](https://example.com/plans)',
        '',
      ].join('\n'),
    );
    const r = expectOk(
      await as('maya', ['update', 'submit', '--week', WEEK, '--area', 'billing', '--file', md]),
    );
    expect(r.stdout).toMatch(new RegExp(`^Submitted Billing for ${WEEK}`));
  });

  it('rejects a bad file with its name, line and path, before calling the server (exit 2)', async () => {
    const bad = file('bad.yaml', 'wins:\n  - fine\nwinz:\n  - typo\n');
    const r = await as('maya', ['update', 'submit', '--week', WEEK, '--area', 'billing', '--file', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3: winz: `);
    expect(r.stdout).toBe('');
  });

  it('names a missing PRODOPS_TOKEN, rejects a bad week, and reports the server refusing a stakeholder', async () => {
    const noToken = await runCli(
      ['update', 'submit', '--week', WEEK, '--area', 'billing', '--file', path.join(data.dir, 'update.yaml')],
      { env: { PRODOPS_URL: server.url } },
    );
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('PRODOPS_TOKEN is not set');

    const badWeek = await as('maya', ['update', 'show', '--week', '2026-47']);
    expect(badWeek.code).toBe(2);
    expect(badWeek.stderr).toContain('--week: "2026-47" is not an ISO week');

    const sam = await as('sam', [
      ...['update', 'submit', '--week', WEEK, '--area', 'billing'],
      ...['--file', path.join(data.dir, 'update.yaml')],
    ]);
    expect(sam.code).toBe(1);
    const areas = (await (
      await fetch(`${server.url}/api/v1/areas?limit=200`, {
        headers: { authorization: `Bearer ${tokens.sam}` },
      })
    ).json()) as { items: { id: string; slug: string }[] };
    const billing = areas.items.find((a) => a.slug === 'billing')!;
    const forbidden = await fetch(`${server.url}/api/v1/updates/${WEEK}/areas/${billing.id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.sam}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: { wins: ['x'] } }),
    });
    expect(forbidden.status).toBe(403);
    const { error } = (await forbidden.json()) as { error: { message: string } };
    expect(sam.stderr).toContain(`prodops: ${error.message}`);
    expect(sam.stdout).toBe('');

    const badToken = await runCli(['update', 'show', '--week', WEEK], {
      env: { PRODOPS_URL: server.url, PRODOPS_TOKEN: 'pdo_not-a-real-token-at-all' },
    });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toContain('PRODOPS_TOKEN is not valid');
  });

  it('publishes as product ops, then shows the artifact as markdown and as JSON', async () => {
    const pub = expectOk(await as('priya', ['update', 'publish', '--week', WEEK]));
    expect(pub.stdout).toMatch(/^Missing: .+\nRecipients: \d+ people, \d+ channels?\n/);
    expect(pub.stdout).toMatch(/\nPublished Weekly Product Update — .+ \(version 1\)\n$/);

    const md = expectOk(await as('sam', ['update', 'show', '--week', WEEK, '--format', 'md']));
    expect(md.stdout).toMatch(/^# Weekly Product Update — /);
    expect(md.stdout).toContain('## Billing — Maya Chen');
    for (const bullet of ['Dunning emails v2', 'Self-serve plan changes', 'Need a security review slot'])
      expect(md.stdout).toContain(bullet);
    expect(md.stdout).not.toContain('Tax provider contract renewal');

    const json = expectOk(await as('sam', ['update', 'show', '--week', WEEK, '--format', 'json']));
    const body = JSON.parse(json.stdout) as { week: string; version: number; markdown: string };
    expect(body).toMatchObject({ week: WEEK, version: 1 });
    expect(md.stdout.startsWith(body.markdown)).toBe(true);

    const missing = await as('sam', ['update', 'show', '--week', WEEK, '--version', '9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no published update for ${WEEK} version 9`);
  });

  it('submits "nothing this week" from a file, and publishes a correction only with a note and a change', async () => {
    const same = await as('priya', ['update', 'publish', '--week', WEEK, '--note', 'Again']);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('nothing changed since version 1');

    const nothing = file('nothing.md', '## Billing — Maya Chen\nNothing this week.\n');
    expectOk(await as('maya', ['update', 'submit', '--week', WEEK, '--area', 'billing', '--file', nothing]));
    const silent = await as('priya', ['update', 'publish', '--week', WEEK]);
    expect(silent.code).toBe(2);
    expect(silent.stderr).toMatch(/note/);

    const fixed = expectOk(
      await as('priya', [
        'update',
        'publish',
        '--week',
        WEEK,
        '--note',
        'Billing had nothing to report after all',
      ]),
    );
    expect(fixed.stdout).toMatch(/\(version 2\)\n {2}Billing had nothing to report after all\n/);
    const md = expectOk(await as('sam', ['update', 'show', '--week', WEEK]));
    expect(md.stdout).toContain('## Billing — Maya Chen\nNothing to report this week.\n');
  });
});
