import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox, scheduledActions } from '../../db/schema/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { ensureCycle } from './cycles.ts';
import { weeklyUpdateReminder } from './reminders.ts';
import { cycleBoard, getSubmission, markAbsent, submitUpdate } from './submissions.ts';

let d: TestDatabase;
const actor = systemActor('test');
const content = (win: string) => ({
  wins: [win],
  next: ['Dunning emails'],
  risks: [],
  metrics: ['MRR +2%'],
  links: [],
});

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: systemClock.now(),
  });
});
afterAll(() => d.close());

describe('weekly update cycles and submissions', () => {
  it('opens a cycle with due Thursday 14:00 and publish 16:00 org time, and schedules reminders and publication once', async () => {
    // Opened on the Saturday before: every instant of the week is still ahead.
    const opened = new Date('2026-11-21T10:00:00Z');
    const cycle = await d.db.transaction((tx) => ensureCycle(tx, '2026-W48', opened));
    expect(cycle.dueAt.toISOString()).toBe('2026-11-26T19:00:00.000Z');
    expect(cycle.publishAt.toISOString()).toBe('2026-11-26T21:00:00.000Z');
    await d.db.transaction((tx) => ensureCycle(tx, '2026-W48', new Date('2026-11-22T10:00:00Z')));
    const actions = await d.db
      .select()
      .from(scheduledActions)
      .where(like(scheduledActions.key, 'weekly_update.%:2026-W48%'));
    expect(actions.map((a) => [a.kind, a.dueAt.toISOString()]).sort()).toEqual([
      ['weekly_update.publish', '2026-11-26T21:00:00.000Z'],
      ['weekly_update.remind', '2026-11-25T19:00:00.000Z'],
      ['weekly_update.remind', '2026-11-26T17:00:00.000Z'],
    ]);
  });

  it('marks a submission after the due time late, keeps edits as revisions, and shows the board', async () => {
    const pm = await makePerson(d.db, { roles: ['pm'] });
    const onTime = await makeArea(d.db, { ownerPmId: pm.id, name: 'A on time' });
    const late = await makeArea(d.db, { ownerPmId: pm.id, name: 'B late' });
    const away = await makeArea(d.db, { ownerPmId: pm.id, name: 'C away' });
    const missing = await makeArea(d.db, { ownerPmId: pm.id, name: 'D missing' });
    const pmActor = { personId: pm.id, label: pm.email, roles: ['pm' as const] };
    await submitUpdate({
      db: d.db,
      actor: pmActor,
      week: '2026-W49',
      areaId: onTime.id,
      content: content('Invoices v2'),
      now: new Date('2026-12-03T18:59:00Z'),
    });
    await submitUpdate({
      db: d.db,
      actor: pmActor,
      week: '2026-W49',
      areaId: onTime.id,
      content: content('Invoices v2 (all regions)'),
      now: new Date('2026-12-03T18:59:30Z'),
    });
    await submitUpdate({
      db: d.db,
      actor: pmActor,
      week: '2026-W49',
      areaId: late.id,
      content: content('Late news'),
      now: new Date('2026-12-03T19:00:01Z'),
    });
    await markAbsent({
      db: d.db,
      actor,
      week: '2026-W49',
      areaId: away.id,
      reason: 'Parental leave',
      now: new Date('2026-12-03T20:00:00Z'),
    });
    const sub = await getSubmission(d.db, '2026-W49', onTime.id);
    expect(sub).toMatchObject({ late: false, content: { wins: ['Invoices v2 (all regions)'] } });
    expect(sub!.revisions.map((r) => r.content.wins)).toEqual([['Invoices v2']]);
    const board = await cycleBoard(d.db, '2026-W49', new Date('2026-12-03T20:00:00Z'));
    const status = (id: string) => board.areas.find((a) => a.areaId === id)?.status;
    expect([status(onTime.id), status(late.id), status(away.id), status(missing.id)]).toEqual([
      'submitted',
      'late',
      'absent',
      'missing',
    ]);
  });

  it('reminds only the PMs who still owe their update, once', async () => {
    const owes = await makePerson(d.db, { roles: ['pm'] });
    const done = await makePerson(d.db, { roles: ['pm'] });
    const a = await makeArea(d.db, { ownerPmId: owes.id });
    const b = await makeArea(d.db, { ownerPmId: done.id });
    await submitUpdate({
      db: d.db,
      actor: { personId: done.id, label: done.email, roles: ['pm'] },
      week: '2026-W50',
      areaId: b.id,
      content: content('x'),
      now: new Date('2026-12-07T15:00:00Z'), // Monday of W50: its reminders are ahead
    });
    const [action] = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, 'weekly_update.remind:2026-W50:120'));
    for (let i = 0; i < 2; i++)
      await d.db.transaction((tx) =>
        weeklyUpdateReminder({
          tx,
          action: action!,
          payload: { week: '2026-W50' },
          now: new Date('2026-12-02T17:00:00Z'),
        }),
      );
    const rows = await d.db.select().from(outbox).where(eq(outbox.kind, 'weekly_update.reminder'));
    expect(
      rows
        .filter((r) => r.personId === owes.id && r.ref === `2026-W50:${a.id}`)
        .map((r) => r.channel)
        .sort(),
    ).toEqual(['email', 'inbox']);
    expect(rows.filter((r) => r.personId === done.id)).toHaveLength(0);
  });
});

describe('a cycle opened after its instants', () => {
  it('schedules no reminder or publication in the past (publishing a past week is on demand)', async () => {
    await d.db.transaction((tx) => ensureCycle(tx, '2026-W40', new Date('2026-11-21T12:00:00Z')));
    const actions = await d.db
      .select()
      .from(scheduledActions)
      .where(like(scheduledActions.key, 'weekly_update.%:2026-W40%'));
    expect(actions).toEqual([]);
  });
});
