import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TBug, TBugBacklog } from '../shared/bugs.ts';
import type { TAreaQualityList } from '../shared/quality.ts';

/**
 * `prodops area health [area]`, `area users import` and `area bugs` against a real `prodops serve` on the demo org
 * (Payments is in Polish Mode; Reporting has a bug over the limit awaiting a decision).
 */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops area health, area users and metrics', () => {
  const data = useDataDir();
  let server: RunningServer;
  let ops = '';
  let sales = '';
  const area = (args: string[], token = ops) =>
    runCli(['area', 'health', ...args], {
      env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token },
    });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    ops = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
    sales = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it('lists every area with its figure, tickets and Polish Mode, dates in the org’s zone', async () => {
    const out = expectOk(await area([])).stdout;
    expect(out).toMatch(
      /^Confused customers among support tickets \(source: .+\) in the last 28 days; .+; dates in \S+\n/,
    );
    expect(out).toMatch(/\nArea +Confused customers +Tickets +Per 1,000 users +Polish Mode\n/);
    expect(out).toMatch(
      /\nPayments +\d+(\.\d)?% confused \(above\) +\d+ of \d+ +[\d.]+( \(above\))? +since \d{4}-\d\d-\d\d, leaves on \d{4}-\d\d-\d\d at the earliest\n/,
    );
  });

  it('picks one area by slug or name, --json gives the API reply, an unknown one is an error', async () => {
    const json = JSON.parse(expectOk(await area(['PAYMENTS', '--json'])).stdout) as TAreaQualityList;
    expect(json.areas.map((q) => q.area.slug)).toEqual(['payments']);
    expect(json.areas[0]!.confusion.polishMode).not.toBeNull();
    expect(expectOk(await area(['payments'])).stdout.split('\n')).toHaveLength(4);
    const unknown = await area(['nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no area "nowhere"');
  });

  it('prints the metrics, one metric with its records, and refuses an unknown metric (prodops metrics)', async () => {
    const metrics = (args: string[], token = ops) =>
      runCli(['metrics', ...args], { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token } });
    const all = expectOk(await metrics([])).stdout;
    expect(all).toMatch(
      /^The success metrics and velocity controls over the last 13 weeks \(\S+\)\nMetric +Current +Target +Meets\n/,
    );
    expect(all).toMatch(/\nStakeholder surprise score +.+ +< 10% +(yes|no|no figure yet)\n/);
    const adoption = expectOk(await metrics(['ritual-adoption', '--weeks', '4'])).stdout;
    expect(adoption).toMatch(/^Ritual adoption: /);
    expect(adoption).toMatch(/\nDate \(\S+\) +Record +Why\n/);
    const csv = expectOk(await metrics(['--csv'])).stdout;
    expect(csv.split('\n')[0]).toBe('metric,current,target,record,date,counted,detail');
    const unknown = await metrics(['happiness']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no metric "happiness"');
    expect((await metrics([], sales)).code).not.toBe(0);
  });

  it('refuses a stakeholder: the figures name customers’ tickets', async () => {
    const refused = await area([], sales);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|not allowed|may not/i);
  });

  it('imports active users from a CSV: a bad row records nothing and names its line; then every month is kept', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pd-users-'));
    const file = (name: string, text: string) => {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    };
    const users = (args: string[]) =>
      runCli(['area', 'users', 'import', ...args], {
        env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: ops },
      });
    const [payments] = (JSON.parse(expectOk(await area(['payments', '--json'])).stdout) as TAreaQualityList)
      .areas;
    const recorded = async () => {
      const res = await fetch(`${server.url}/api/v1/areas/${payments!.area.id}/active-users`, {
        headers: { authorization: `Bearer ${ops}` },
      });
      return ((await res.json()) as { months: { month: string; users: number }[] }).months;
    };
    const before = await recorded();
    const bad = await users([
      file('bad.csv', 'area,month,users\npayments,2025-01,5000\nPayments,2025-13,5100\n'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 3, month: "2025-13" is not a month like 2026-11');
    expect(await recorded()).toEqual(before);
    const ok = await users([
      file('ok.csv', 'area,month,users\npayments,2025-01,5000\nPayments,2025-02,5100\n'),
    ]);
    expect(expectOk(ok).stdout).toContain('Recorded 2 months of active users for 1 area.');
    expect((await recorded()).filter((m) => m.month < '2025-03').map((m) => [m.month, m.users])).toEqual([
      ['2025-02', 5100],
      ['2025-01', 5000],
    ]);
  });

  it('prints the bug backlog per area against zero, and one area’s open bugs with the one awaiting a decision', async () => {
    const bugs = (args: string[]) =>
      runCli(['area', 'bugs', ...args], {
        env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: ops },
      });
    const all = expectOk(await bugs([])).stdout;
    expect(all).toMatch(
      /^Bugs open longer than 7 days need a decision .+; target: 0 open bugs; ages in days in /,
    );
    expect(all).toMatch(/\nArea +Open +Oldest +Over 7 days +Awaiting decision +Fix now +Decides this week\n/);
    expect(all).toMatch(
      /\nReporting +\d+ +\d+ days +\d+ +1 +\d+ +Aisha Bello \(PM\), Noah Prodeng \(rotation\)\n/,
    );
    expect(all).toMatch(/\n {2}Reporting +\d+ days +4 +Scheduled report arrives without its charts\n/);
    const json = JSON.parse(expectOk(await bugs(['REPORTING', '--json'])).stdout) as {
      backlog: TBugBacklog;
      bugs: TBug[];
    };
    expect(json.backlog.areas.map((a) => a.area?.slug)).toEqual(['reporting']);
    expect(json.bugs.filter((b) => b.awaitingDecision).map((b) => b.title)).toEqual([
      'Scheduled report arrives without its charts',
    ]);
    expect(json.bugs.every((b) => b.state === 'open' && b.area?.slug === 'reporting')).toBe(true);
  });
});
