import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TAreaQualityList } from '../shared/quality.ts';

/** `prodops area health [area]` against a real `prodops serve` on the demo org (Payments is in Polish Mode). */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops area health', () => {
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

  it('refuses a stakeholder: the figures name customers’ tickets', async () => {
    const refused = await area([], sales);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|not allowed|may not/i);
  });
});
