import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { ritualOccurrences, rituals, scheduledActions } from '../../db/schema/index.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { planAhead } from '../cadence/occurrences.ts';
import { updateSettings } from '../org/settings.ts';
import { ensureCycle, replanOpenCycles, WEEKLY_UPDATE_RITUAL } from './cycles.ts';

let d: TestDatabase;
const actor = systemActor('test');
/** The Friday before Thanksgiving week (2026-W48: Thursday 2026-11-26). */
const NOW = new Date('2026-11-20T15:00:00Z');
const newYork = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' };
const thanksgiving = { ...newYork, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] };

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
});
afterAll(() => d.close());

async function setSettings(settings: typeof newYork) {
  await updateSettings({ db: d.db, actor, settings, now: NOW });
  await planAhead(d.db, NOW);
  await replanOpenCycles(d.db, NOW);
}

/** The Weekly Product Update ritual's occurrence in W48 (nominal date Thursday 2026-11-26). */
async function ritualOccurrence() {
  const [ritual] = await d.db.select().from(rituals).where(eq(rituals.slug, WEEKLY_UPDATE_RITUAL));
  const [occ] = await d.db
    .select()
    .from(ritualOccurrences)
    .where(and(eq(ritualOccurrences.ritualId, ritual!.id), eq(ritualOccurrences.key, '2026-11-26')));
  return occ!;
}

async function actionsOf(week: string) {
  const rows = await d.db
    .select()
    .from(scheduledActions)
    .where(like(scheduledActions.key, `weekly_update.%:${week}%`));
  return rows
    .filter((a) => a.status === 'pending')
    .map((a) => [a.kind, a.dueAt.toISOString()])
    .sort();
}

describe('the weekly update cycle on the org business calendar', () => {
  it('moves due, publication and reminders off Thanksgiving to the day the ritual occurrence moved to', async () => {
    await setSettings(thanksgiving);
    const occurrence = await ritualOccurrence();
    expect(occurrence.localDate).toBe('2026-11-25');
    const cycle = await d.db.transaction((tx) => ensureCycle(tx, '2026-W48', NOW));
    // Wednesday 14:00 and 16:00 New York (EST, UTC-5): the ritual's occurrence starts at the publication.
    expect(cycle.dueAt.toISOString()).toBe('2026-11-25T19:00:00.000Z');
    expect(cycle.publishAt.toISOString()).toBe('2026-11-25T21:00:00.000Z');
    expect(cycle.publishAt.toISOString()).toBe(occurrence.startsAt.toISOString());
    expect(await actionsOf('2026-W48')).toEqual([
      ['weekly_update.publish', '2026-11-25T21:00:00.000Z'],
      ['weekly_update.remind', '2026-11-24T19:00:00.000Z'],
      ['weekly_update.remind', '2026-11-25T17:00:00.000Z'],
    ]);
  });

  it('follows a holiday added after the cycle opened, as the occurrences do, and back when it is removed', async () => {
    await setSettings(newYork);
    const opened = await d.db.transaction((tx) => ensureCycle(tx, '2026-W52', NOW));
    expect(opened.publishAt.toISOString()).toBe('2026-12-24T21:00:00.000Z');
    await setSettings({ ...newYork, holidays: [{ date: '2026-12-24', name: 'Christmas Eve' }] });
    const moved = await d.db.transaction((tx) => ensureCycle(tx, '2026-W52', NOW));
    expect(moved.dueAt.toISOString()).toBe('2026-12-23T19:00:00.000Z');
    expect(moved.publishAt.toISOString()).toBe('2026-12-23T21:00:00.000Z');
    expect(await actionsOf('2026-W52')).toEqual([
      ['weekly_update.publish', '2026-12-23T21:00:00.000Z'],
      ['weekly_update.remind', '2026-12-22T19:00:00.000Z'],
      ['weekly_update.remind', '2026-12-23T17:00:00.000Z'],
    ]);
    await setSettings(newYork);
    const back = await d.db.transaction((tx) => ensureCycle(tx, '2026-W52', NOW));
    expect(back.publishAt.toISOString()).toBe('2026-12-24T21:00:00.000Z');
  });

  it('schedules neither reminders nor publication for a week the ritual skips', async () => {
    await d.db.update(rituals).set({ holidayPolicy: 'skip' }).where(eq(rituals.slug, WEEKLY_UPDATE_RITUAL));
    await setSettings({ ...newYork, holidays: [{ date: '2026-12-31', name: "New Year's Eve" }] });
    await d.db.transaction((tx) => ensureCycle(tx, '2026-W53', NOW));
    expect(await actionsOf('2026-W53')).toEqual([]);
  });
});
