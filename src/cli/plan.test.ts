import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TPlan } from '../shared/plan.ts';

/** `prodops plan` against a real `prodops serve` on the demo org: the 30/60/90 plan 40 days in. */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops plan', () => {
  const data = useDataDir();
  let server: RunningServer;
  let pm = '';
  let sales = '';
  const plan = (args: string[], token = pm) =>
    runCli(['plan', ...args], { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token } });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    pm = expectOk(await data.cli(['token', 'create', '--email', 'maya@example.com'])).stdout.trim();
    sales = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it('prints each timebox with each deliverable’s state and figure, and the retrospectives', async () => {
    const out = expectOk(await plan([])).stdout;
    expect(out).toMatch(/^30\/60\/90 plan, started \d{4}-\d\d-\d\d; today \d{4}-\d\d-\d\d is day 41\n/);
    expect(out).toMatch(/\nDays 0–30 \(.+\): Foundation \+ quick win\. 6 of 6 done\n/);
    // Four Weekly Product Updates in 30 days, or five when they start on a Wednesday or Thursday: all on time.
    expect(out).toMatch(
      /\n {2}\[x\] Done {5}Weekly product update running \(all PMs\), on time 4\/4 weeks: ([45]) of \1 weeks on time \(records\)\n/,
    );
    expect(out).toContain(
      '[x] Done     Published charter: Charter signed off by Hana and posted in #product-ops (ticked by Product Ops)',
    );
    expect(out).toMatch(/\nDays 31–60 \(.+\), running: Cadence \+ insights\. \d of 8 done\n/);
    expect(out).toMatch(
      /\n {2}Week 4 retrospective: \d{4}-\d\d-\d\d 14:00 \(America\/New_York\), recorded; actions: Move the weekly update deadline to Thursday 12:00 \(Priya Shah, by \d{4}-\d\d-\d\d\); .+\(Hana Okafor\)\n/,
    );
    expect(out).toMatch(/\n {2}Week 8 retrospective: .+, not recorded yet\n/);
  });

  it('--json gives the API reply; a stakeholder is refused', async () => {
    const json = JSON.parse(expectOk(await plan(['--json'])).stdout) as TPlan;
    expect(json.timeboxes.map((b) => b.total)).toEqual([6, 8, 6]);
    expect(json.permissions).toEqual({ update: false, recordRetro: false });
    const refused = await plan([], sales);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/may not read this plan/);
  });
});
