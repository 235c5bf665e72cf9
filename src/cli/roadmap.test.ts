import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';

const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

/** `prodops roadmap …` as users run it, against a real `prodops serve` with the demo org. */
describe('prodops roadmap (changes, view, publish) against a running server', () => {
  const data = useDataDir();
  let server: RunningServer;
  const tokens: Record<string, string> = {};
  const as = (who: string, args: string[]) =>
    runCli(args, { env: { PRODOPS_URL: server.url, PRODOPS_TOKEN: tokens[who]! } });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    for (const who of ['priya', 'sam']) {
      tokens[who] = expectOk(
        await data.cli(['token', 'create', '--email', `${who}@example.com`]),
      ).stdout.trim();
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("lists the demo PMs' changes since the last published view; a stakeholder only what was ratified", async () => {
    // The PMs' changes wait for the review: a Sales stakeholder reads none of them, nor the internal tax engine.
    const r = expectOk(await as('sam', ['roadmap', 'changes']));
    expect(r.stdout).toMatch(/^Since the roadmap view was last published \(.*\): 0 changes\n/);
    expect(r.stdout).not.toContain('Salesforce sync v2');
    expect(r.stdout).not.toContain('Tax engine upgrade');
    const ops = expectOk(await as('priya', ['roadmap', 'changes']));
    expect(ops.stdout).toMatch(/slipped\s+Salesforce sync v2 slipped \d+ days/);
    expect(ops.stdout).toMatch(/confidence\s+Tax engine upgrade: confidence medium → low/);
    const json = JSON.parse(
      expectOk(await as('priya', ['roadmap', 'changes', '--since', '2020-01-01', '--json'])).stdout,
    );
    expect(json.changes.filter((c: { kind: string }) => c.kind === 'added')).toHaveLength(12);
  });

  it('prints the stakeholder view for an audience, as markdown or print HTML', async () => {
    const sales = expectOk(await as('sam', ['roadmap', 'view', '--audience', 'sales'])).stdout;
    expect(sales).toMatch(/^# Acme Cloud \(demo\) roadmap for Sales — Q\d \d{4} and Q\d \d{4}/);
    expect(sales).toContain('What you can say: Usage pricing is coming; current plans keep working.');
    expect(sales).not.toContain('Tax engine upgrade'); // internal
    const html = expectOk(await as('sam', ['roadmap', 'view', '--html'])).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
  });

  it('republishes (Product Ops only) and refuses bad options with exit 2', async () => {
    const denied = await as('sam', ['roadmap', 'publish']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('may not update this roadmap_view');
    const published = expectOk(
      await as('priya', ['roadmap', 'publish', '--note', 'After the review']),
    ).stdout;
    // Issue 17: held for the server's undo window, and says how to take it back meanwhile.
    expect(published).toMatch(
      /^Undoable until \S+ \(\d+ messages held\): POST \/api\/v1\/broadcasts\/[0-9a-f-]+\/undo\nPublished version 2 \(\d+ items\)\n$/,
    );
    const bad = await as('sam', ['roadmap', 'view', '--audience', 'marketing']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--audience: "marketing" must be one of sales, support, cs, exec');
  });
});
