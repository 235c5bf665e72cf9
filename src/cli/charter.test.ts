import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TCharter, TQbr } from '../shared/charter.ts';

/** `prodops charter`, `frictions` and `qbr QUARTER` against a real `prodops serve` on the demo org. */
const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops charter, frictions and qbr', () => {
  const data = useDataDir();
  let server: RunningServer;
  let ops = '';
  let sales = '';
  const cli = (args: string[], token = ops) =>
    runCli(args, { env: { ...data.env, PRODOPS_URL: server.url, PRODOPS_TOKEN: token } });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    ops = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
    sales = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com'])).stdout.trim();
  }, 120_000);
  afterAll(() => server?.stop());

  it("prints the pack's charter to anyone, as text, markdown or JSON", async () => {
    const text = expectOk(await cli(['charter'], sales)).stdout;
    expect(text).toMatch(
      /^Product Ops charter \(the pack's text: not edited yet\)\n\nMission:\n {2}Build and maintain/,
    );
    expect(text).toContain('\nSLAs:\n  - Launch enablement requests require 5 business days');
    const md = expectOk(await cli(['charter', '--markdown'], sales)).stdout;
    expect(md).toMatch(/^# .+: Product Ops Charter\n\n## Mission\n/);
    const json = JSON.parse(expectOk(await cli(['charter', '--json'])).stdout) as TCharter;
    expect(json).toMatchObject({ isDefault: true, permissions: { update: true } });
  });

  it('prints the ranked frictions with their evidence and rituals; a stakeholder is refused', async () => {
    const out = expectOk(await cli(['frictions'])).stdout;
    expect(out).toMatch(/^Top frictions, worst first\n1\. No visibility: /);
    expect(out).toMatch(
      /\n2\. Surprise launches: .+\n {3}Evidence: .+\n(.+\n)* {3}Rituals: Launch Readiness Check, Insights Review, 30\/60\/90 retrospective\n/,
    );
    expect(out).not.toContain('Warning:');
    expect(JSON.parse(expectOk(await cli(['frictions', '--json'])).stdout).items).toHaveLength(3);
    const refused = await cli(['frictions'], sales);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/may not/);
  });

  it("prints last quarter's published QBR, this quarter's draft, and refuses a key that is not a quarter", async () => {
    const index = (await (
      await fetch(`${server.url}/api/v1/qbr`, { headers: { authorization: `Bearer ${ops}` } })
    ).json()) as { current: string; items: { quarter: string }[] };
    const previous = index.items[0]!.quarter;
    const md = expectOk(await cli(['qbr', previous, '--markdown'])).stdout;
    expect(md).toMatch(/^# Quarterly Planning \/ QBR — .+\n/);
    expect(md).toContain('## Top frictions');
    const json = JSON.parse(expectOk(await cli(['qbr', previous.toLowerCase(), '--json'])).stdout) as TQbr;
    expect(json.latest?.version).toBe(1);
    const draft = expectOk(await cli(['qbr', index.current])).stdout;
    expect(draft).toMatch(/: not published yet \(the draft below\)\n/);
    expect((await cli(['qbr', index.current, '--markdown'])).stderr).toContain('not published yet');
    const bad = await cli(['qbr', '2026-Q5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2026-Q5" is not a quarter like 2026-Q4');
  });
});
