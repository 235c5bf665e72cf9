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
});
