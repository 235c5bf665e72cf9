import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCli, useDataDir } from '../../test/cli.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';

/**
 * `prodops release tier|leadtime` without a server: the built-in defaults when there is no database, the
 * org's settings when the data dir has one. (With PRODOPS_URL they ask the server: release-gate.test.ts.)
 */

const expectOk = (r: CliResult) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

interface LeadTimeOut {
  tier: number;
  launch: string;
  today: string;
  distributeBy: string | null;
  publishBy: string | null;
  canMeet: boolean;
  late: string[];
  earliestCompliantLaunch: string;
  deadlines: { kind: string; due: string; status: string }[];
}

describe('prodops release tier and leadtime with the built-in defaults (no database anywhere)', () => {
  const data = useDataDir();
  // A data dir that does not exist: the commands must not create a database just to read defaults.
  const release = (args: string[]) =>
    runCli(['release', ...args], { env: { PRODOPS_DATA_DIR: path.join(data.dir, 'absent') } });

  it('suggests Tier 3 for pricing_overhaul,api_change and says pricing_overhaul decided it', async () => {
    const r = expectOk(await release(['tier', '--attrs', 'pricing_overhaul,api_change']));
    expect(r.stdout).toBe(
      'Tier 3 (High)\npricing_overhaul (Pricing overhaul) implies Tier 3; api_change implies Tier 2.\n',
    );
    const json = JSON.parse(
      expectOk(await release(['tier', '--attrs', 'ui_copy_change', '--json'])).stdout,
    ) as Record<string, unknown>;
    expect(json).toEqual({
      tier: 1,
      decidedBy: ['ui_copy_change'],
      reason: 'Tier 1 (Low): ui_copy_change (UI copy change) implies Tier 1.',
      source: 'defaults',
    });
    expect(existsSync(path.join(data.dir, 'absent'))).toBe(false);
  });

  it('refuses an unknown attribute with exit 2, naming it and listing the known ones', async () => {
    const r = await release(['tier', '--attrs', 'pricing_overhaul,pricing_overhual']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `prodops: --attrs: "pricing_overhual" is not a release attribute (known: ${DEFAULT_SETTINGS.releaseAttributes.map((a) => a.key).join(', ')})\n`,
    );
  });

  it('gives Tier 3 deadlines for a 2026-12-24 launch on a Mon–Fri week with no holidays', async () => {
    // Counting back from Thu 24 Dec: 10 business days is Thu 10 Dec, 2 business days is Tue 22 Dec.
    const r = expectOk(
      await release(['leadtime', '--tier', '3', '--launch', '2026-12-24', '--today', '2026-12-01']),
    );
    const lt = JSON.parse(r.stdout) as LeadTimeOut;
    expect(lt).toMatchObject({
      tier: 3,
      launch: '2026-12-24',
      today: '2026-12-01',
      distributeBy: '2026-12-10',
      publishBy: '2026-12-22',
      canMeet: true,
      late: [],
      // Tue 1 Dec + 10 business days.
      earliestCompliantLaunch: '2026-12-15',
    });
    expect(lt.deadlines.map((d) => [d.kind, d.due, d.status])).toEqual([
      ['distribute', '2026-12-10', 'open'],
      ['publish', '2026-12-22', 'open'],
    ]);
    expect(Object.keys(lt)).toEqual([
      ...['tier', 'launch', 'today', 'distributeBy', 'publishBy', 'canMeet', 'late'],
      ...['earliestCompliantLaunch', 'deadlines'],
    ]);
  });

  it('says what is late after the distribution deadline, and the earliest launch that can still comply', async () => {
    const r = expectOk(
      await release(['leadtime', '--tier', '3', '--launch', '2026-12-24', '--today', '2026-12-11']),
    );
    const lt = JSON.parse(r.stdout) as LeadTimeOut;
    expect(lt.canMeet).toBe(false);
    expect(lt.late).toEqual([
      'Bundle distribution was due 2026-12-10 (10 business days before launch) and has not happened.',
    ]);
    // Fri 11 Dec + 10 business days (no holidays by default): Fri 25 Dec.
    expect(lt.earliestCompliantLaunch).toBe('2026-12-25');
  });

  it('names the option of a bad tier or date (exit 2), and a missing one', async () => {
    const cases: [string[], string][] = [
      [['--tier', '4', '--launch', '2026-12-24'], 'prodops: --tier: "4" is not a tier (1, 2 or 3)\n'],
      [
        ['--tier', '3', '--launch', '2026-02-30'],
        'prodops: --launch: "2026-02-30" is not a real calendar date\n',
      ],
      [
        ['--tier', '3', '--launch', '2026-12-24', '--today', '1/12/2026'],
        'prodops: --today: "1/12/2026" must be a date like 2026-12-24\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const r = await release(['leadtime', ...args]);
      expect([r.code, r.stderr, r.stdout]).toEqual([2, stderr, '']);
    }
    const missing = await release(['leadtime', '--tier', '3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error: required option '--launch <date>' not specified");
  });
});

describe('prodops release tier and leadtime with the org settings of the local data dir', () => {
  const data = useDataDir();

  // Three processes that each open the embedded database: slow on a busy machine.
  it('uses the data dir’s attribute table, work week and holidays', async () => {
    // The org adds its own attribute and a Christmas holiday (applied the way an admin would: org import).
    const settings = {
      ...DEFAULT_SETTINGS,
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
      releaseAttributes: [
        ...DEFAULT_SETTINGS.releaseAttributes,
        { key: 'sso_change', label: 'SSO change', tier: 3 },
      ],
    };
    const file = path.join(data.dir, 'org.json');
    writeFileSync(file, JSON.stringify({ version: 1, settings }));
    expectOk(await data.cli(['org', 'import', file]));

    const tier = JSON.parse(
      expectOk(await data.cli(['release', 'tier', '--attrs', 'sso_change,api_change', '--json'])).stdout,
    ) as Record<string, unknown>;
    expect(tier).toEqual({
      tier: 3,
      decidedBy: ['sso_change'],
      reason: 'Tier 3 (High): sso_change (SSO change) implies Tier 3; api_change implies Tier 2.',
      source: 'database',
    });

    const r = expectOk(
      await data.cli([
        'release',
        'leadtime',
        '--tier',
        '3',
        '--launch',
        '2026-12-24',
        '--today',
        '2026-12-11',
      ]),
    );
    // Fri 11 Dec + 10 business days, skipping the 25th: Mon 28 Dec.
    expect((JSON.parse(r.stdout) as LeadTimeOut).earliestCompliantLaunch).toBe('2026-12-28');
  }, 150_000);
});
