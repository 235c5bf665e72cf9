import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { relayCapturing } from '../../../test/relay.ts';
import { artifactVersions, outbox, scheduledActions } from '../../db/schema/index.ts';
import { BUNDLE_SECTION_KEYS, LITE_SECTIONS } from '../../domain/releases/bundle.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { releaseBundle, saveBundle } from './bundle.ts';
import { coverage } from './coverage.ts';
import { releaseGate } from './gate.ts';
import { completePostLaunch, listPostLaunch, setActionItemStatus } from './post-launch.ts';
import { confirmByLink, recordDecision, signOff } from './readiness.ts';
import { createRelease, updateRelease } from './releases.ts';

let d: TestDatabase;
const ops = systemActor('ops');
const NOW = new Date('2026-12-01T14:00:00Z');
const filled = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, `Written for ${k}.`]));

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: systemClock.now(),
  });
});
afterAll(() => d.close());

describe('a Tier 3 release from draft to launch', () => {
  it('distributes with personal one-click links, and the gate opens only when the last requirement is met', async () => {
    const priya = await makePerson(d.db, {
      roles: ['product_ops'],
      function: 'product_ops',
      name: 'Priya Ops',
    });
    const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
    const carla = await makePerson(d.db, { function: 'support', name: 'Carla Support' });
    const sam = await makePerson(d.db, { function: 'sales', name: 'Sam Sales' });
    const ravi = await makePerson(d.db, { roles: ['eng_lead'], name: 'Ravi Rao' });
    const area = await makeArea(d.db, { name: 'Billing', ownerPmId: maya.id });
    const r = await createRelease({
      db: d.db,
      actor: ops,
      now: NOW,
      input: {
        title: 'Usage billing GA',
        areaId: area.id,
        pmOwnerId: maya.id,
        engOwnerId: ravi.id,
        targetDate: '2027-01-15',
        attributes: ['ga_launch'],
        tier: 3,
      },
    });
    const gate = async () => (await releaseGate(d.db, r.id, NOW)).reasons;
    const as = (p: { id: string; name: string }, roles: Actor['roles'] = ['stakeholder']): Actor => ({
      personId: p.id,
      label: p.name,
      roles,
    });

    expect(await gate()).toEqual(
      expect.arrayContaining([
        'Missing bundle section: What changed',
        'Bundle not distributed yet (due 2027-01-01).',
        'Missing sign-off: Support readiness',
        'No go/no-go decision recorded.',
      ]),
    );

    // A lite draft goes out: Support and Sales each get their own "I'm ready" link; the rest the plain message.
    await saveBundle({
      db: d.db,
      actor: as(maya, ['pm']),
      releaseId: r.id,
      input: { sections: filled(LITE_SECTIONS) },
      now: systemClock.now(),
    });
    // Readiness is confirmed against a bundle people received (issue 13, finding 5).
    await expect(
      signOff({ db: d.db, actor: as(carla), releaseId: r.id, kind: 'support', now: systemClock.now() }),
    ).rejects.toThrow(/has not been distributed yet/);
    const sent = await releaseBundle({
      db: d.db,
      actor: ops,
      releaseId: r.id,
      stage: 'distribution',
      now: NOW,
    });
    expect(sent).toMatchObject({ version: 1, stage: 'distribution', on: '2026-12-01', hold: null });
    const inbox = await d.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'enablement_bundle'), eq(outbox.channel, 'inbox')));
    const messageFor = (id: string) =>
      inbox.find((o) => o.personId === id)?.message as OutgoingMessage | undefined;
    // The stored copy asks without a link: the inbox answers signed in, email and Slack get one as they are sent.
    expect(messageFor(carla.id)?.actions).toEqual([
      {
        label: "I'm ready (Support)",
        url: `/releases/${r.id}`,
        readiness: { releaseId: r.id, kind: 'support' },
      },
    ]);
    expect(messageFor(sam.id)?.actions?.[0]?.label).toBe("I'm ready (Sales)");
    expect(messageFor(priya.id)?.actions).toBeUndefined();
    expect(messageFor(carla.id)?.summary).toContain(
      'Still to come: Sales talk track (if relevant), Monitoring + guardrails',
    );
    expect(await gate()).not.toContain('Bundle not distributed yet (due 2027-01-01).');

    const email = (await relayCapturing(d.db)).find(
      (s) => s.row.personId === carla.id && s.row.channel === 'email',
    );
    const token = email!.message.actions![0]!.url.replace('/ready/', '');
    expect(await confirmByLink(d.db, token, systemClock.now())).toMatchObject({
      kind: 'support',
      person: 'Carla Support',
      confirmed: true,
    });
    expect(await gate()).not.toContain('Missing sign-off: Support readiness');

    // Publication needs every Tier 3 section.
    await expect(
      releaseBundle({ db: d.db, actor: ops, releaseId: r.id, stage: 'publication', now: NOW }),
    ).rejects.toThrow(/Sales talk track \(if relevant\) is required for Tier 3/);
    await saveBundle({
      db: d.db,
      actor: ops,
      releaseId: r.id,
      input: { sections: filled(BUNDLE_SECTION_KEYS) },
      now: systemClock.now(),
    });
    await releaseBundle({ db: d.db, actor: ops, releaseId: r.id, stage: 'publication', now: NOW });
    const versions = await d.db.select().from(artifactVersions).where(eq(artifactVersions.key, r.id));
    expect(versions.map((v) => (v.json as { stage: string }).stage).sort()).toEqual([
      'distribution',
      'publication',
    ]);
    expect(versions.find((v) => v.version === 2)?.markdown).toContain('## Release tier: Tier 3 (High)');

    const steps: [() => Promise<unknown>, string][] = [
      [
        () => signOff({ db: d.db, actor: as(sam), releaseId: r.id, kind: 'sales', now: systemClock.now() }),
        'Missing sign-off: Sales readiness',
      ],
      [
        () =>
          signOff({
            db: d.db,
            actor: as(ravi, ['eng_lead']),
            releaseId: r.id,
            kind: 'eng_monitoring',
            now: systemClock.now(),
          }),
        'Missing sign-off: Eng: monitoring in place',
      ],
      [
        () =>
          signOff({
            db: d.db,
            actor: as(ravi, ['eng_lead']),
            releaseId: r.id,
            kind: 'eng_rollback',
            now: systemClock.now(),
          }),
        'Missing sign-off: Eng: rollback ready',
      ],
      [
        () =>
          signOff({
            db: d.db,
            actor: as(priya, ['product_ops']),
            releaseId: r.id,
            kind: 'training',
            now: systemClock.now(),
          }),
        'Missing sign-off: Training session for Support/Sales held',
      ],
    ];
    for (const [step, reason] of steps) {
      expect(await gate()).toContain(reason);
      await step();
      expect(await gate()).not.toContain(reason);
    }
    expect(await gate()).toEqual(['No go/no-go decision recorded.']);
    await recordDecision({
      db: d.db,
      actor: as(maya, ['pm']),
      releaseId: r.id,
      input: { decision: 'ship', reason: 'Support and Sales ready' },
      now: NOW,
    });
    expect(await releaseGate(d.db, r.id, NOW)).toMatchObject({ ready: true, reasons: [] });

    // Launch → Day 3 and Day 14 exist with a reminder each; the retro yields Product Ops' action items.
    await updateRelease({
      db: d.db,
      actor: as(maya, ['pm']),
      id: r.id,
      patch: { status: 'launched' },
      now: NOW,
    });
    // After launch a one-click link says so and records nothing.
    await expect(confirmByLink(d.db, token, systemClock.now())).rejects.toThrow(
      /already launched on 1 Dec 2026/,
    );
    await expect(
      signOff({ db: d.db, actor: as(sam), releaseId: r.id, kind: 'sales', now: systemClock.now() }),
    ).rejects.toThrow(/nothing was recorded/);
    const post = await listPostLaunch(d.db, r.id);
    expect(post.checks.map((c) => [c.kind, c.dueOn])).toEqual([
      ['day3', '2026-12-04'],
      ['day14', '2026-12-15'],
    ]);
    const reminders = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.kind, 'release.post_launch'));
    expect(reminders.map((a) => a.dueAt.toISOString()).sort()).toEqual([
      '2026-12-04T14:00:00.000Z',
      '2026-12-15T14:00:00.000Z',
    ]);
    await expect(
      completePostLaunch({
        db: d.db,
        actor: as(maya, ['pm']),
        releaseId: r.id,
        kind: 'day14',
        input: { answers: {} },
        now: systemClock.now(),
      }),
    ).rejects.toThrow(/1–3 action items/);
    const done = await completePostLaunch({
      db: d.db,
      actor: as(maya, ['pm']),
      releaseId: r.id,
      kind: 'day14',
      input: {
        answers: { went_well: 'Support was ready' },
        actionItems: ['Macro review in the bundle template'],
      },
      now: systemClock.now(),
    });
    expect(done.actionItems).toEqual([
      expect.objectContaining({
        title: 'Macro review in the bundle template',
        ownerName: 'Priya Ops',
        status: 'open',
      }),
    ]);
    const closed = await setActionItemStatus({
      db: d.db,
      actor: as(priya, ['product_ops']),
      id: done.actionItems[0]!.id,
      status: 'done',
      now: systemClock.now(),
    });
    expect(closed).toMatchObject({ status: 'done', doneBy: 'Priya Ops' });
  });
});

describe('enablement coverage', () => {
  it('counts Tier 2/3 launches whose bundle was published before launch day, per month', async () => {
    const launch = async (title: string, tier: 1 | 2 | 3, targetDate: string, publishOn: Date | null) => {
      const r = await createRelease({
        db: d.db,
        actor: ops,
        input: { title, targetDate, tier },
        now: systemClock.now(),
      });
      if (publishOn && tier > 1) {
        await saveBundle({
          db: d.db,
          actor: ops,
          releaseId: r.id,
          input: { sections: filled(BUNDLE_SECTION_KEYS) },
          now: systemClock.now(),
        });
        await releaseBundle({ db: d.db, actor: ops, releaseId: r.id, stage: 'publication', now: publishOn });
      }
      return r;
    };
    await launch('Covered', 2, '2026-09-10', new Date('2026-09-07T15:00:00Z'));
    await launch('Published on launch day', 3, '2026-09-20', new Date('2026-09-20T15:00:00Z'));
    await launch('Never published', 2, '2026-10-05', null);
    await launch('Tier 1 does not count', 1, '2026-10-06', null);
    const c = await coverage(d.db, {
      from: '2026-09-01',
      to: '2026-10-31',
      bucket: 'month',
      now: systemClock.now(),
    });
    expect({ covered: c.covered, total: c.total, pct: c.pct }).toEqual({ covered: 1, total: 3, pct: 33.3 });
    expect(c.trend).toEqual([
      { period: '2026-09', covered: 1, total: 2, pct: 50 },
      { period: '2026-10', covered: 0, total: 1, pct: 0 },
    ]);
  });
});
