import { and, eq, like } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedIn } from '../../../test/factories.ts';
import { outbox, ritualOccurrences, scheduledActions } from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { manualClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { calendarFeed } from './feed.ts';
import { syncRitualOccurrences } from './occurrences.ts';
import { CADENCE_ACTIONS } from './reminders.ts';
import { createRitual } from './rituals.ts';

/** The instant this suite runs at: early November 2026, so its window holds Thanksgiving and the DST change. */
const PLANNED = new Date('2026-11-02T12:00:00Z');
let t: TestApp;
let ops: Awaited<ReturnType<typeof signedIn>>;
const actor = systemActor('test');

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(PLANNED) });
  ops = await signedIn(t.database.db, ['product_ops']);
  await updateSettings({
    db: t.database.db,
    actor,
    settings: {
      ...DEFAULT_SETTINGS,
      timeZone: 'America/New_York',
      holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }],
    },
    now: PLANNED,
  });
});
afterAll(() => t.close());

const db = () => t.database.db;
const weekly = (slug: string, holidayPolicy: 'skip' | 'previous_business_day') =>
  createRitual({
    db: db(),
    actor,
    input: {
      slug,
      name: slug,
      schedule: { kind: 'weekly', weekday: 4, time: '16:00' },
      holidayPolicy,
      durationMinutes: 30,
      ownerRole: 'product_ops',
      attendees: { roles: ['product_ops'], functions: [], personIds: [] },
      outputArtifact: 'Weekly Product Update',
      artifactDueHours: 0,
      reminderMinutes: 0,
    },
    now: PLANNED,
  });

async function occurrencesOf(ritualId: string) {
  return db().select().from(ritualOccurrences).where(eq(ritualOccurrences.ritualId, ritualId));
}
async function reminderDue(occurrenceId: string) {
  const [a] = await db()
    .select()
    .from(scheduledActions)
    .where(eq(scheduledActions.key, `ritual.reminder:${occurrenceId}`));
  return a ? { at: a.dueAt.toISOString(), status: a.status } : null;
}

describe('a weekly ritual at 16:00 America/New_York', () => {
  it('is scheduled at 20:00Z before and 21:00Z after the November DST change, and back in March', async () => {
    const ritual = await weekly('dst-weekly', 'previous_business_day');
    await db().transaction((tx) =>
      syncRitualOccurrences(tx, ritual.id, { now: new Date('2026-10-20T12:00:00Z') }),
    );
    await db().transaction((tx) =>
      syncRitualOccurrences(tx, ritual.id, { now: new Date('2027-02-25T12:00:00Z') }),
    );
    const byKey = new Map((await occurrencesOf(ritual.id)).map((o) => [o.key, o]));
    const instant = (key: string) => byKey.get(key)?.startsAt.toISOString();
    expect(instant('2026-10-29')).toBe('2026-10-29T20:00:00.000Z'); // EDT
    expect(instant('2026-11-05')).toBe('2026-11-05T21:00:00.000Z'); // EST after Nov 1
    expect(instant('2027-03-11')).toBe('2027-03-11T21:00:00.000Z'); // EST
    expect(instant('2027-03-18')).toBe('2027-03-18T20:00:00.000Z'); // EDT after Mar 14
    // The reminder action (0 minutes before) fires at the same instants.
    expect(await reminderDue(byKey.get('2027-03-18')!.id)).toEqual({
      at: '2027-03-18T20:00:00.000Z',
      status: 'pending',
    });
    expect(await reminderDue(byKey.get('2027-03-11')!.id)).toEqual({
      at: '2027-03-11T21:00:00.000Z',
      status: 'pending',
    });
  });

  it('moves to Wednesday for Thanksgiving, or skips it, as the ritual says', async () => {
    const shifted = await weekly('thanksgiving-shift', 'previous_business_day');
    const skipped = await weekly('thanksgiving-skip', 'skip');
    const shiftedRow = (await occurrencesOf(shifted.id)).find((o) => o.key === '2026-11-26')!;
    expect(shiftedRow).toMatchObject({
      localDate: '2026-11-25',
      status: 'scheduled',
      shiftedFrom: '2026-11-26',
      holiday: 'Thanksgiving',
    });
    expect(shiftedRow.startsAt.toISOString()).toBe('2026-11-25T21:00:00.000Z');
    const skippedRow = (await occurrencesOf(skipped.id)).find((o) => o.key === '2026-11-26')!;
    expect(skippedRow).toMatchObject({ status: 'skipped', holiday: 'Thanksgiving' });
    expect(await reminderDue(skippedRow.id)).toBeNull(); // no reminder for a skipped occurrence
  });

  it('serves an iCalendar feed that an independent parser reads back with the same instants', async () => {
    const ritual = await weekly('feed-weekly', 'skip');
    const { url } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/calendar/feed-url/rotate', headers: ops.headers })
    ).json();
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(res.body))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const mine = (await occurrencesOf(ritual.id)).filter(
      (o) => o.startsAt.getTime() > PLANNED.getTime() - 31 * 86_400_000,
    );
    expect(mine.length).toBeGreaterThan(4);
    for (const o of mine) {
      const event = events.find((e) => e.uid === `${o.id}@prodops`);
      expect(event?.startDate.toJSDate().toISOString()).toBe(o.startsAt.toISOString());
      expect(event?.endDate.toJSDate().toISOString()).toBe(o.endsAt.toISOString());
      expect(event?.component.getFirstPropertyValue('status')).toBe(
        o.status === 'skipped' ? 'CANCELLED' : 'CONFIRMED',
      );
    }
    // An unknown or rotated token is a 404; the old URL stops working after a rotation.
    await t.app.inject({ method: 'POST', url: '/api/v1/calendar/feed-url/rotate', headers: ops.headers });
    expect((await t.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(404);
    expect(await calendarFeed(db(), 'x'.repeat(32), 'http://localhost', PLANNED)).toBeNull();
  });
});

describe('reminders and adoption', () => {
  it('a due reminder notifies the attendees once, through the outbox', async () => {
    const ritual = await weekly('reminded', 'skip');
    const [next] = (await occurrencesOf(ritual.id)).filter(
      (o) => o.status === 'scheduled' && o.startsAt.getTime() > PLANNED.getTime(),
    );
    await db()
      .update(scheduledActions)
      .set({ dueAt: new Date(PLANNED.getTime() - 1000) })
      .where(eq(scheduledActions.key, `ritual.reminder:${next!.id}`));
    await runDueActions({ db: db(), handlers: CADENCE_ACTIONS, clock: manualClock(PLANNED), instance: 'a' });
    await runDueActions({ db: db(), handlers: CADENCE_ACTIONS, clock: manualClock(PLANNED), instance: 'b' });
    const rows = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.ref, next!.id), like(outbox.kind, 'ritual.reminder')));
    expect(
      rows
        .filter((r) => r.personId === ops.person.id)
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['email', 'inbox']);
    expect((rows[0]!.message as { title: string }).title).toMatch(/^reminded: .* \(America\/New_York\)$/);
  });

  it('counts an occurrence as adopted when attendance meets the share and the artifact is on time', async () => {
    const ritual = await weekly('adopted', 'skip');
    await db().transaction((tx) =>
      syncRitualOccurrences(tx, ritual.id, { now: new Date(PLANNED.getTime() - 21 * 86_400_000) }),
    );
    const past = (await occurrencesOf(ritual.id))
      .filter((o) => o.status === 'scheduled' && o.startsAt.getTime() < PLANNED.getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(past.length).toBeGreaterThan(1);
    const [first, second] = past.slice(-2);
    const patch = (id: string, body: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/occurrences/${id}`,
        headers: ops.headers,
        payload: body,
      });
    expect(
      (
        await patch(first!.id, {
          status: 'held',
          attendance: [{ personId: ops.person.id, present: true }],
          artifactProducedAt: first!.artifactDueAt.toISOString(),
        })
      ).statusCode,
    ).toBe(200);
    await patch(second!.id, {
      status: 'held',
      attendance: [{ personId: ops.person.id, present: true }],
      artifactProducedAt: new Date(second!.artifactDueAt.getTime() + 60_000).toISOString(),
    });
    const adoption = (
      await t.app.inject({ method: 'GET', url: '/api/v1/adoption', headers: ops.headers })
    ).json();
    const mine = adoption.perRitual.find((r: { slug: string }) => r.slug === 'adopted');
    expect(mine).toMatchObject({ eligible: past.length, adopted: 1, artifactOnTime: 1 });
    expect(adoption.target).toBe(80);
  });
});
