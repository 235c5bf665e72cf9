import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from '@js-temporal/polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLI_ENTRY,
  type CliResult,
  type RunningServer,
  runCli,
  startServe,
  useDataDir,
} from '../../test/cli.ts';
import { BUNDLE_SECTIONS } from '../domain/releases/bundle.ts';
import { SIGNOFF_KINDS, SIGNOFF_LABELS } from '../domain/releases/gate.ts';
import { dayText } from '../domain/roadmap/follow-release.ts';
import { addDays, todayIn } from '../shared/calendar.ts';

/**
 * The release gate as a CI/CD pipeline uses it: a POSIX sh deploy step (test/fixtures/release-gate.sh) runs
 * `prodops release gate "$RELEASE"` against one real `prodops serve` (demo org) and deploys only on exit 0.
 * Also `release tier|leadtime|list` with PRODOPS_URL, which ask the server rather than the local data dir.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'test/fixtures/release-gate.sh');
const PRODOPS = `${process.execPath} ${CLI_ENTRY}`;

const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

/** A port nothing listens on: the "server is down" case (refused at once, unlike a blocked port). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('prodops release against a running server', () => {
  const data = useDataDir();
  let server: RunningServer;
  let token: string;
  const remoteEnv = () => ({ PRODOPS_URL: server.url, PRODOPS_TOKEN: token });

  /** The deploy step, with only what a CI runner would give it; run outside the repo. */
  function deployStep(env: Record<string, string>): Promise<CliResult> {
    const child = spawn('sh', [SCRIPT], {
      cwd: data.dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', NO_COLOR: '1', PRODOPS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
  const gateStep = (release: string, env: Record<string, string> = remoteEnv()) =>
    deployStep({ ...env, RELEASE: release });

  async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
  const launchIn = (days: number) => Temporal.Now.plainDateISO('UTC').add({ days }).toString();
  const createRelease = (title: string, tier: 1 | 2 | 3, attributes: string[] = []) =>
    api<{ id: string; title: string }>('POST', '/releases', {
      title,
      tier,
      attributes,
      targetDate: launchIn(40),
    });

  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    token = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('prints the re-tier reason once the attributes raise the suggestion above the tier', async () => {
    const r = await createRelease('Export button', 1, ['minor_bug_fix']);
    const raised = await api<{ tierReview: string | null }>('PATCH', `/releases/${r.id}`, {
      attributes: ['minor_bug_fix', 'ga_launch'],
    });
    const reason =
      'Tier 1 was assigned, but the attributes now suggest Tier 3 (GA launch): the PM must re-assign the tier or ' +
      'say why it stays lower.';
    expect(raised.tierReview).toBe(reason);
    const gate = await runCli(['release', 'gate', r.id], { env: remoteEnv() });
    expect(gate.code, gate.stderr).toBe(1);
    expect(gate.stdout.split('\n')).toContain(reason);
  });

  describe('the gate in a deploy script', () => {
    let release: { id: string; title: string };
    beforeAll(async () => {
      release = await createRelease('Usage-based pricing', 3, ['pricing_overhaul']);
    });

    it('blocks a Tier 3 release that is not ready: exit 1, one line per unmet requirement', async () => {
      const r = await gateStep(release.id);
      expect(r.code, r.stderr).toBe(1);
      const { reasons } = await api<{ reasons: string[] }>('GET', `/releases/${release.id}/gate`);
      expect(r.stdout).toBe(
        [
          `not ready to ship: Usage-based pricing (${reasons.length} unmet requirements)`,
          ...reasons,
          'BLOCKED (1)',
          '',
        ].join('\n'),
      );
      const lines = r.stdout.split('\n');
      for (const s of BUNDLE_SECTIONS) expect(lines).toContain(`Missing bundle section: ${s.heading}`);
      for (const k of SIGNOFF_KINDS) expect(lines).toContain(`Missing sign-off: ${SIGNOFF_LABELS[k]}`);
      expect(lines).toContain('No go/no-go decision recorded.');
      expect(lines.some((l) => l.startsWith('Bundle not distributed yet (due '))).toBe(true);
      expect(r.stdout).not.toContain('DEPLOYING');
    });

    it('--json prints the gate with the same exit code', async () => {
      const r = await runCli(['release', 'gate', release.id, '--json'], { env: remoteEnv() });
      expect(r.code).toBe(1);
      const gate = JSON.parse(r.stdout) as { releaseId: string; ready: boolean; checks: { id: string }[] };
      expect(gate).toMatchObject({ releaseId: release.id, ready: false, title: 'Usage-based pricing' });
      expect(gate.checks.map((c) => c.id)).toContain('sign_offs');
    });

    it('lets it ship once every requirement is met through the API: exit 0, DEPLOYING', async () => {
      const sections = Object.fromEntries(
        BUNDLE_SECTIONS.map((s) => [s.key, `${s.heading}: written for the test.`]),
      );
      await api('PUT', `/releases/${release.id}/bundle`, { sections });
      await api('POST', `/releases/${release.id}/bundle/distribute`);
      await api('POST', `/releases/${release.id}/bundle/publish`);
      for (const kind of SIGNOFF_KINDS) await api('POST', `/releases/${release.id}/sign-offs`, { kind });

      // Everything but the go/no-go: still blocked, by exactly that.
      const almost = await gateStep(release.id);
      expect([almost.code, almost.stdout]).toEqual([
        1,
        'not ready to ship: Usage-based pricing (1 unmet requirement)\nNo go/no-go decision recorded.\nBLOCKED (1)\n',
      ]);

      await api('POST', `/releases/${release.id}/decisions`, { decision: 'ship', reason: 'All green' });
      const r = await gateStep(release.id);
      expect([r.code, r.stdout, r.stderr]).toEqual([
        0,
        'ready to ship: Usage-based pricing\nDEPLOYING\n',
        '',
      ]);
      const json = await runCli(['release', 'gate', release.id, '--json'], { env: remoteEnv() });
      expect([json.code, (JSON.parse(json.stdout) as { ready: boolean }).ready]).toEqual([0, true]);
    });

    it('finds a release by its exact title; a title two releases share is exit 2', async () => {
      // The demo's Tier 1 launch: no bundle or sign-offs, so ready.
      const byTitle = await gateStep('dashboard copy fixes');
      expect([byTitle.code, byTitle.stdout]).toEqual([0, 'ready to ship: Dashboard copy fixes\nDEPLOYING\n']);

      const twins = [await createRelease('Twin launch', 1), await createRelease('Twin launch', 1)];
      const r = await gateStep('Twin launch');
      expect([r.code, r.stdout]).toEqual([2, 'BLOCKED (2)\n']);
      expect(r.stderr).toContain('prodops: 2 releases are titled "Twin launch"; name one by id:');
      for (const t of twins) expect(r.stderr).toContain(t.id);
    });

    it('cannot tell → exit 2 with the reason on stderr: unknown release, wrong token, server down', async () => {
      const unknownId = await gateStep('00000000-0000-4000-8000-000000000000');
      const unknownTitle = await gateStep('No such launch');
      const badToken = await gateStep(release.id, { PRODOPS_URL: server.url, PRODOPS_TOKEN: 'pdo_wrong' });
      const down = await gateStep(release.id, {
        PRODOPS_URL: `http://127.0.0.1:${await closedPort()}`,
        PRODOPS_TOKEN: token,
      });
      const noUrl = await gateStep(release.id, { PRODOPS_TOKEN: token });
      const cases: [CliResult, string][] = [
        [unknownId, 'prodops: no release with the id 00000000-0000-4000-8000-000000000000\n'],
        [unknownTitle, 'prodops: no release with the id or title "No such launch"\n'],
        [badToken, 'prodops: PRODOPS_TOKEN is not valid (create one with `prodops token create`)\n'],
        [noUrl, 'prodops: PRODOPS_URL is not set'],
        [down, 'prodops: cannot reach the server at PRODOPS_URL (http://127.0.0.1:'],
      ];
      for (const [r, stderr] of cases) {
        expect([r.code, r.stdout]).toEqual([2, 'BLOCKED (2)\n']);
        expect(r.stderr.startsWith(stderr), r.stderr).toBe(true);
      }
      expect(down.stderr).toContain('ECONNREFUSED');
    });
  });

  describe('an override by the Head of Product', () => {
    let held: { id: string; title: string };
    let hanaToken: string;
    let until: string;
    const asHana = () => ({ PRODOPS_URL: server.url, PRODOPS_TOKEN: hanaToken });
    const override = (args: string[], env = asHana()) => runCli(['release', 'override', ...args], { env });
    const REASON = 'Legal approved by mail; the record follows.';

    beforeAll(async () => {
      held = await createRelease('Held for legal', 1);
      await api('POST', `/releases/${held.id}/decisions`, { decision: 'hold', reason: 'Waiting for legal' });
      hanaToken = expectOk(await data.cli(['token', 'create', '--email', 'hana@example.com'])).stdout.trim();
      // A week from the server's own today, in the org's zone: the server runs on the machine's clock.
      const { now } = await api<{ now: string }>('GET', '/me');
      const { settings } = await api<{ settings: { timeZone: string } }>('GET', '/settings');
      until = addDays(todayIn(settings.timeZone, new Date(now)), 7);
    });

    it('lets a failing check through: the gate exits 0 and lists what was overridden, by whom and why', async () => {
      expect((await gateStep(held.id)).code).toBe(1);
      const r = expectOk(
        await override([held.id, '--check', 'decision', '--reason', REASON, '--until', until]),
      );
      expect(r.stdout).toMatch(
        /^Go\/no-go decision overridden by Hana Okafor until the end of \d{4}-\d{2}-\d{2} \(/,
      );
      const gate = await gateStep('Held for legal');
      expect([gate.code, gate.stdout]).toEqual([
        0,
        [
          'ready to ship: Held for legal',
          `Go/no-go decision overridden by Hana Okafor until ${dayText(until)}: ${REASON}`,
          'DEPLOYING',
          '',
        ].join('\n'),
      ]);
    });

    it('refuses anyone else (exit 1) and names the option a bad value came from (exit 2)', async () => {
      const args = [held.id, '--check', 'decision', '--reason', REASON, '--until', until];
      const priya = await override(args, remoteEnv());
      expect([priya.code, priya.stderr]).toEqual([
        1,
        'prodops: only the Head of Product may override a gate check (PRODOPS_TOKEN is not theirs)\n',
      ]);
      const tier = await override([held.id, '--check', 'tier', '--reason', REASON, '--until', until]);
      expect(tier.code).toBe(2);
      expect(tier.stderr).toMatch(/^prodops: --check: is not a gate check that may be overridden/);
      const far = await override([
        held.id,
        '--check',
        'decision',
        '--reason',
        REASON,
        '--until',
        addDays(until, 40),
      ]);
      expect([far.code, far.stderr]).toEqual([2, 'prodops: --until: must be at most 30 days ahead\n']);
      const typo = await override([held.id, '--check', 'decision', '--reason', REASON, '--until', '12 Dec']);
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('prodops: --until: "12 Dec"');
    });
  });

  describe('tier, leadtime and list ask the server', () => {
    // No local database: whatever these print came from the server.
    const remote = (args: string[]) =>
      runCli(['release', ...args], {
        env: { ...remoteEnv(), PRODOPS_DATA_DIR: path.join(data.dir, 'absent') },
      });

    it('tier: the server’s suggestion, and its refusal of an unknown attribute by name (exit 2)', async () => {
      const r = expectOk(await remote(['tier', '--attrs', 'pricing_overhaul,api_change', '--json']));
      expect(JSON.parse(r.stdout)).toEqual({
        tier: 3,
        decidedBy: ['pricing_overhaul'],
        reason:
          'Tier 3 (High): pricing_overhaul (Pricing overhaul) implies Tier 3; api_change implies Tier 2.',
        source: 'server',
      });
      const bad = await remote(['tier', '--attrs', 'api_change,sso_change']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(
        /^prodops: --attrs: "sso_change" is not a release attribute \(known: .*api_change/,
      );
    });

    it('leadtime: the server’s holidays (the demo org keeps Christmas Day)', async () => {
      // The demo's holidays are the year ahead of its start: its Christmas (observed), asked two weeks before.
      const res = await fetch(`${server.url}/api/v1/settings`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { settings } = (await res.json()) as { settings: { holidays: { date: string; name: string }[] } };
      const christmas = settings.holidays.find((h) => h.name === 'Christmas Day')!.date;
      const at = (iso: string, days: number) => {
        const d = new Date(`${iso}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        return d.toISOString().slice(0, 10);
      };
      const today = at(christmas, -14);
      const r = expectOk(
        await remote(['leadtime', '--tier', '3', '--launch', at(christmas, -1), '--today', today]),
      );
      const lt = JSON.parse(r.stdout) as { canMeet: boolean; earliestCompliantLaunch: string };
      // 10 business days on from two weeks before, skipping weekends and Christmas (the defaults would count it).
      let day = today;
      for (let n = 0; n < 10; ) {
        day = at(day, 1);
        const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
        if (weekday % 6 !== 0 && day !== christmas) n++;
      }
      expect(day > christmas).toBe(true);
      expect(lt).toMatchObject({ canMeet: false, earliestCompliantLaunch: day });
    });

    it('list: releases by launch date, within --from/--to', async () => {
      const from = launchIn(-1);
      const to = launchIn(25);
      const r = expectOk(await remote(['list', '--from', from, '--to', to]));
      const lines = r.stdout.trim().split('\n');
      expect(
        lines.some((l) =>
          / {2}Tier 3 {2}.*Usage-based billing \(Billing, Maya Chen\) {2}[0-9a-f-]{36}$/.test(l),
        ),
      ).toBe(true);
      const dates = lines.map((l) => l.slice(0, 10));
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d >= from && d <= to)).toBe(true);
      expect(lines.some((l) => l.includes('Usage-based pricing'))).toBe(false);
    });
  });
});
