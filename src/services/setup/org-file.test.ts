import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { systemClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { seedDemoIfEmpty } from './demo.ts';
import { exportOrg, importOrg, orgFileToYaml } from './org-file.ts';

let d: TestDatabase;
const actor = systemActor('test');

beforeAll(async () => {
  d = await createTestDb();
  await seedDemoIfEmpty(d.db, systemClock.now());
});
afterAll(() => d.close());

const exportYaml = async () => orgFileToYaml(await exportOrg(d.db, systemClock.now()));

describe('org configuration file', () => {
  it('round-trips: export, edit, import, export again shows the edit and nothing else', async () => {
    const before = parse(await exportYaml());
    expect(before.people).toHaveLength(38);
    expect(before.pods).toHaveLength(5);
    before.areas.find((a: { slug: string }) => a.slug === 'billing').name = 'Billing & Invoicing';
    before.people.push({
      name: 'Quinn New',
      email: 'quinn@example.com',
      function: 'eng',
      roles: ['engineer'],
    });
    before.pods
      .find((p: { slug: string }) => p.slug === 'pod-reporting')
      .members.push({ email: 'quinn@example.com', role: 'engineer' });
    const result = await importOrg({ db: d.db, actor, text: stringify(before), now: systemClock.now() });
    expect(result).toMatchObject({ ok: true, summary: { created: 1, updated: 2 } });
    const after = parse(await exportYaml());
    expect(after).toEqual({
      ...before,
      people: [...before.people]
        .sort((a, b) => a.email.localeCompare(b.email))
        .map((p) => ({ slackId: null, active: true, ...p })),
    });
  });

  it('is idempotent: importing the export changes nothing and writes no audit entries', async () => {
    const yaml = await exportYaml();
    const audit = async () =>
      (await d.db.execute('select count(*)::int as n from audit_log')) as unknown as {
        rows: { n: number }[];
      };
    const n = (await audit()).rows[0]!.n;
    const result = await importOrg({ db: d.db, actor, text: yaml, now: systemClock.now() });
    expect(result).toMatchObject({
      ok: true,
      // The demo's rituals: the pack's five and the 30/60/90 plan's retrospective.
      summary: { created: 0, updated: 0, unchanged: 1 + 39 + 8 + 5 + 1 + 6 },
    });
    expect((await audit()).rows[0]!.n).toBe(n);
  });

  it('rejects a file with several problems whole, naming the path and line of each', async () => {
    const doc = parse(await exportYaml());
    doc.pods[0].area = 'atlantis';
    doc.people[3].email = 'not-an-email';
    doc.pods[1].members = ['maya', 'leo', 'aisha', 'tom', 'kenji', 'sofia'].map((n) => ({
      email: `${n}@example.com`,
      role: 'pm',
    }));
    doc.areas[0].name = 'Renamed but must not be written';
    const before = await exportYaml();
    const result = await importOrg({ db: d.db, actor, text: stringify(doc), now: systemClock.now() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['pods[0].area', 'people[3].email', 'pods[1].members']));
    expect(result.problems.find((p) => p.path === 'pods[1].members')?.message).toMatch(/6 PMs/);
    for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
    expect(await exportYaml()).toBe(before);
  });

  it('reports YAML syntax errors, unknown fields and a wrong version', async () => {
    const broken = await importOrg({
      db: d.db,
      actor,
      text: 'version: 1\npeople:\n  - name: [unclosed\n',
      now: systemClock.now(),
    });
    expect(broken).toMatchObject({
      ok: false,
      problems: [{ path: '(document)', message: expect.stringMatching(/not valid YAML/) }],
    });
    const unknown = await importOrg({
      db: d.db,
      actor,
      text: 'version: 2\ncolour: blue\n',
      now: systemClock.now(),
    });
    if (unknown.ok) throw new Error('expected problems');
    expect(unknown.problems.map((p) => [p.path, p.line])).toEqual([
      ['version', 1],
      ['colour', 2],
    ]);
  });

  it('resolves references against the database too, and a dry run writes nothing', async () => {
    const text = stringify({
      version: 1,
      areas: [{ slug: 'new-area', name: 'New', owner: 'maya@example.com' }],
    });
    const dry = await importOrg({ db: d.db, actor, text, dryRun: true, now: systemClock.now() });
    expect(dry).toMatchObject({ ok: true, summary: { created: 1 } });
    expect(parse(await exportYaml()).areas.map((a: { slug: string }) => a.slug)).not.toContain('new-area');
    const notPm = await importOrg({
      db: d.db,
      actor,
      text: stringify({ version: 1, areas: [{ slug: 'x-area', name: 'X', owner: 'sam@example.com' }] }),
      now: systemClock.now(),
    });
    expect(notPm).toMatchObject({
      ok: false,
      problems: [{ path: 'areas[0].owner', message: '"sam@example.com" is not a PM' }],
    });
  });
});

describe('rituals and channels in the org file', () => {
  it('imports a ritual and a channel, and rejects a ritual without artifact, an impossible schedule and a bad webhook', async () => {
    const good = {
      version: 1,
      rituals: [
        {
          slug: 'demo-day',
          name: 'Demo day',
          schedule: { kind: 'biweekly', weekday: 5, time: '15:00', anchor: '2026-11-06' },
          durationMinutes: 60,
          ownerRole: 'product_ops',
          owner: 'priya@example.com',
          attendees: { roles: ['pm'], emails: ['sam@example.com'] },
          outputArtifact: 'Demo recording + notes',
        },
      ],
      channels: [
        { kind: 'slack', name: '#product-updates', webhookUrl: 'https://hooks.slack.com/services/T1/B1/abc' },
      ],
    };
    expect(await importOrg({ db: d.db, actor, text: stringify(good), now: systemClock.now() })).toMatchObject(
      {
        ok: true,
        summary: { created: 2 },
      },
    );
    const exported = parse(await exportYaml());
    expect(exported.rituals.find((r: { slug: string }) => r.slug === 'demo-day')).toMatchObject({
      owner: 'priya@example.com',
      attendees: { emails: ['sam@example.com'] },
    });
    expect(await importOrg({ db: d.db, actor, text: stringify(good), now: systemClock.now() })).toMatchObject(
      {
        ok: true,
        summary: { created: 0, updated: 0 },
      },
    );

    const bad = {
      version: 1,
      rituals: [
        {
          slug: 'meeting',
          name: 'Just a meeting',
          schedule: { kind: 'weekly', weekday: 2, time: '10:00' },
          durationMinutes: 30,
          ownerRole: 'pm',
        },
        {
          slug: 'odd',
          name: 'Odd',
          schedule: { kind: 'monthly', weekday: 2, nth: 5, time: '25:00' },
          durationMinutes: 30,
          ownerRole: 'pm',
          outputArtifact: 'x',
        },
        {
          slug: 'ghosted',
          name: 'Ghosted',
          schedule: { kind: 'per_release' },
          durationMinutes: 30,
          ownerRole: 'pm',
          outputArtifact: 'x',
          owner: 'ghost@example.com',
        },
      ],
      channels: [
        { kind: 'slack', name: '#x', webhookUrl: 'not a url' },
        { kind: 'slack', name: '#y', webhookUrl: 'https://example.com/hook' },
      ],
    };
    const result = await importOrg({ db: d.db, actor, text: stringify(bad), now: systemClock.now() });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'rituals[0].outputArtifact',
        'rituals[1].schedule.nth',
        'rituals[1].schedule.time',
        'rituals[2].owner',
        'channels[0].webhookUrl',
        'channels[1].webhookUrl',
      ]),
    );
  });
});

describe('settings in the org file', () => {
  it('rejects an unknown time zone and an impossible deadline, naming the path', async () => {
    const doc = parse(await exportYaml());
    doc.settings.timeZone = 'Mars/Olympus_Mons';
    doc.settings.deadlines.weeklyUpdateDue.time = '25:00';
    const result = await importOrg({
      db: d.db,
      actor,
      text: stringify({ version: 1, settings: doc.settings }),
      now: systemClock.now(),
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['settings.timeZone', 'settings.deadlines.weeklyUpdateDue.time']),
    );
  });
});
