import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TBet } from '../shared/bets.ts';

/** `prodops bet list|show` against a real `prodops serve` on the demo org (three bets in three clusters). */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops bet', () => {
  const data = useDataDir();
  let server: RunningServer;
  let token = '';
  const bet = (args: string[]) =>
    runCli(['bet', ...args], { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token } });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    token = expectOk(await data.cli(['token', 'create', '--email', 'maya@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it('lists bets by pod, and shows one with its cluster, approach and brief', async () => {
    const all = JSON.parse(expectOk(await bet(['list', '--json'])).stdout) as TBet[];
    expect(all).toHaveLength(3);
    const billing = expectOk(await bet(['list', '--pod', 'pod-billing']))
      .stdout.trim()
      .split('\n');
    expect(billing).toHaveLength(1);
    expect(billing[0]).toMatch(/ Open +Uncharted +Billing pod +Usage-based pricing grows expansion revenue$/);
    const id = billing[0]!.split(' ')[0]!;
    const out = expectOk(await bet(['show', id])).stdout;
    expect(out).toContain('Cluster:  Uncharted');
    expect(out).toContain('Approach: Time-boxed discovery with explicit learning goals');
    expect(out).toContain('Harmful leading indicators to watch');
    expect(out).toContain('Decision:    #');
    const unknown = await bet(['list', '--pod', 'nowhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no pod "nowhere"');
  });
});
