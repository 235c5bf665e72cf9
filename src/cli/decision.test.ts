import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TDecisionLogEntry } from '../shared/decisions.ts';

/** `prodops decision list|show` against one real `prodops serve`, as a PM with an API token. */

const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops decision against a running server', () => {
  const data = useDataDir();
  let server: RunningServer;
  let token: string;
  let maya: string;
  const decision = (args: string[], env: Record<string, string> = {}) =>
    runCli(['decision', ...args], {
      env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token, ...env },
    });

  async function api<T>(method: string, url: string, body?: unknown, as = token): Promise<T> {
    const res = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
  const input = (title: string, decidedOn: string, reviewDate: string) => ({
    title,
    context: `Why ${title.toLowerCase()}.`,
    options: ['Do nothing', title],
    rationale: 'It pays for itself.',
    ownerId: maya,
    decidedOn,
    reviewDate,
  });

  beforeAll(async () => {
    expectOk(
      await data.cli(['user', 'add', '--email', 'maya@example.com', '--name', 'Maya Chen', '--role', 'pm']),
    );
    expectOk(
      await data.cli(['user', 'add', '--email', 'ops@example.com', '--name', 'Priya', '--role', 'admin']),
    );
    server = await startServe(data.env);
    token = expectOk(await data.cli(['token', 'create', '--email', 'maya@example.com'])).stdout.trim();
    const admin = expectOk(await data.cli(['token', 'create', '--email', 'ops@example.com'])).stdout.trim();
    maya = (await api<{ id: string }>('GET', '/me')).id;
    // A PM creates releases in an area of theirs.
    const area = await api<{ id: string }>(
      'POST',
      '/areas',
      { slug: 'billing', name: 'Billing', ownerPmId: maya },
      admin,
    );
    // #1 due for review (its date has passed), #2 not yet, #3 replaces #2.
    await api('POST', '/decisions', input('Sunset the legacy API', '2026-01-05', '2026-02-01'));
    const two = await api<TDecisionLogEntry>(
      'POST',
      '/decisions',
      input('Annual plans only', '2026-02-10', '2030-01-01'),
    );
    const release = await api<{ id: string }>('POST', '/releases', {
      title: 'Monthly billing',
      areaId: area.id,
      targetDate: '2030-05-01',
    });
    await api('POST', `/decisions/${two.id}/revisit`, {
      outcome: 'superseded',
      note: 'Monthly plans win deals',
      replacement: {
        ...input('Offer monthly plans', '2026-03-01', '2030-06-01'),
        releaseIds: [release.id],
        themes: ['pricing'],
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists the log newest first; --q and --due narrow it; --json prints the entries', async () => {
    const all = expectOk(await decision(['list']));
    expect(all.stdout).toBe(
      [
        '#3  2026-03-01  review 2030-06-01        Offer monthly plans (Maya Chen)',
        '#2  2026-02-10  superseded by #3         Annual plans only (Maya Chen)',
        '#1  2026-01-05  review 2026-02-01 (due)  Sunset the legacy API (Maya Chen)',
        '',
      ].join('\n'),
    );
    expect(expectOk(await decision(['list', '--q', 'LEGACY api'])).stdout).toContain('#1  2026-01-05');
    expect(expectOk(await decision(['list', '--q', 'legacy monthly'])).stdout).toBe('No decisions.\n');
    const due = expectOk(await decision(['list', '--due', '--json']));
    expect((JSON.parse(due.stdout) as TDecisionLogEntry[]).map((d) => [d.number, d.reviewDue])).toEqual([
      [1, true],
    ]);
  });

  it('shows one decision by number with its links and history', async () => {
    const r = expectOk(await decision(['show', '#3']));
    expect(r.stdout).toMatch(/^#3 Offer monthly plans\nDecided: {4}2026-03-01, owner Maya Chen\n/);
    expect(r.stdout).toContain(
      'Status:     active\nReview:     2030-06-01\nSupersedes: #2 Annual plans only\n',
    );
    expect(r.stdout).toContain('Options considered\n  - Do nothing\n  - Offer monthly plans\n');
    expect(r.stdout).toMatch(
      /recorded by maya@example\.com\n.*supersedes #2 by maya@example\.com: Monthly plans win deals\n$/,
    );
    const old = expectOk(await decision(['show', '2']));
    expect(old.stdout).toContain('Status:     superseded by #3 Offer monthly plans\n');
    expect(expectOk(await decision(['show', '1'])).stdout).toContain('Review:     2026-02-01 (due)\n');
    expect(JSON.parse(expectOk(await decision(['show', '1', '--json'])).stdout)).toMatchObject({
      number: 1,
      title: 'Sunset the legacy API',
      reviewDue: true,
    });
  });

  it('says so when there is no such decision (exit 1), or the number is not one (exit 2)', async () => {
    const missing = await decision(['show', '99']);
    expect([missing.code, missing.stderr]).toEqual([1, 'prodops: no decision #99 in the log\n']);
    const bad = await decision(['show', 'twelve']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'prodops: "twelve" is not a decision number (like 12 or #12)\n',
    ]);
    const noServer = await runCli(['decision', 'list'], { env: data.env });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain('PRODOPS_URL is not set');
  });
});
