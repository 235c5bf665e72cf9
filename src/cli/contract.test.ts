import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TPodContract } from '../shared/contracts.ts';

/**
 * `prodops contract show <pod>` against a real `prodops serve` on the demo org: the Billing pod's contract is
 * signed (Sam Rivera among its signers), the Onboarding pod's awaits sign-off, the Reporting pod has none.
 */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops contract show', () => {
  const data = useDataDir();
  let server: RunningServer;
  let ops = '';
  let sam = '';
  const show = (args: string[], token = ops) =>
    runCli(['contract', 'show', ...args], {
      env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token },
    });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    ops = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
    sam = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it('prints the state and the one page; --json the API reply; a pod without one says so', async () => {
    const out = expectOk(await show(['pod-billing'])).stdout;
    expect(out).toMatch(
      /^Billing pod: strategy contract version 2, proposed by Maya Chen on \d{4}-\d\d-\d\d\n/,
    );
    expect(out).toMatch(
      /\nSigned by Hana Okafor on \d{4}-\d\d-\d\d, Sam Rivera on .+ and Erik Berg on .+\.\n/,
    );
    expect(out).toContain('\nGoal:\n  Every self-serve workspace');
    expect(out).toContain('\n  - ONE-WAY DOOR: Moving a seat-based customer');
    expect(out).toMatch(/\nEarlier versions: 1 \(signed on \d{4}-\d\d-\d\d\)\n/);
    const json = JSON.parse(expectOk(await show(['Onboarding pod', '--json'])).stdout) as TPodContract;
    expect(json.state).toBe('awaiting_sign_off');
    expect(expectOk(await show(['pod-reporting'])).stdout).toBe(
      'Reporting pod has no strategy contract yet.\n',
    );
    const unknown = await show(['nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no pod "nowhere"');
  });

  it('--markdown prints the one page; a stakeholder reads only the contracts they are named to sign', async () => {
    const md = expectOk(await show(['pod-onboarding', '--markdown'])).stdout;
    expect(md).toMatch(/^# Strategy contract: Onboarding pod\n/);
    expect(md).toContain('- **One-way door:** Asking for a teammate’s email at signup');
    expect(md).toMatch(
      /## Sign-off\n\n- Hana Okafor, signed on \d{4}-\d\d-\d\d\n\nNot signed yet: Chris Park and Mina Ito\.\n$/,
    );
    expect(expectOk(await show(['pod-billing', '--markdown'], sam)).stdout).toContain('## Right to win');
    const refused = await show(['pod-onboarding'], sam);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/may not read this pod_contract/);
  });
});
