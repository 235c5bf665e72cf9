import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TStatusAnswer } from '../shared/status.ts';

/** `prodops status <words>` against a real `prodops serve` on the demo org, as Sam from Sales. */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops status', () => {
  const data = useDataDir();
  let server: RunningServer;
  let token = '';
  const status = (args: string[]) =>
    runCli(['status', ...args], { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token } });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    token = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it('prints one card for a clear match, with its range and the page to open', async () => {
    const out = expectOk(await status(['scim', 'provisioning'])).stdout;
    expect(out).toMatch(/^SCIM provisioning — Roadmap item, Admin & Security\n/);
    expect(out).toMatch(/\n {2}When: .+ \(a range: the day is not announced yet\)\n/);
    expect(out).toContain(`${server.url}/roadmap/items/`);
  });

  it('lists the choices when two things share a name, and --json gives the answer as the API does', async () => {
    expect(expectOk(await status(['salesforce', 'sync'])).stdout).toMatch(
      /could be \d things: pick one\.\n {2}1\. /,
    );
    const json = JSON.parse(expectOk(await status(['salesforce', 'sync', '--json'])).stdout) as TStatusAnswer;
    expect(json.outcome).toBe('choose');
  });

  it('says so when nothing matches, and whom to ask (exit 0: an answer, not a failure)', async () => {
    const out = expectOk(await status(['quantum', 'teleporter'])).stdout;
    expect(out).toMatch(/^Nothing in prodops matches "quantum teleporter"\. Ask .+, PM for .+\.\n$/);
  });

  it('imports the status pings of a Slack export once, and prints the weekly count for the product org', async () => {
    const exportDir = new URL('../../test/fixtures/slack-export', import.meta.url).pathname;
    const run = (args: string[], as = token) =>
      runCli(args, { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: as } });
    expect(expectOk(await run(['status-requests', 'import', exportDir])).stdout).toBe(
      '4 status pings found, 4 new.\n',
    );
    expect(expectOk(await run(['status-requests', 'import', exportDir])).stdout).toBe(
      '4 status pings found, 0 new.\n',
    );
    const missing = await run(['status-requests', 'import', `${exportDir}.zip`]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('does not exist');

    const ops = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
    const weekly = expectOk(await run(['status-requests', 'weekly', '--baseline-weeks', '1'], ops)).stdout;
    expect(weekly).toMatch(/^Status pings per week \(.+\)\n {2}2026-W10 +3 pings/);
    expect(weekly).toMatch(/Baseline 3\.0 a week \(2026-W10–2026-W10\); /);
    // Sam is a stakeholder: who asked what is the product org's.
    const refused = await run(['status-requests', 'weekly']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/forbidden|not allowed|may not/i);
  });
});
