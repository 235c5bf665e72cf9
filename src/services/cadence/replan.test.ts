import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { signedIn } from '../../../test/factories.ts';
import { ritualOccurrences, rituals, scheduledActions } from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { MAX_RITUALS, type TRitualInput } from '../../shared/cadence.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { REPLAN_BATCH } from './replan.ts';
import { createRitual } from './rituals.ts';

/** Early November 2026, fixed: the suite never depends on today's date. */
const PLANNED = new Date('2026-11-02T12:00:00Z');
let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestApp({ clock: manualClock(PLANNED), planFrom: PLANNED });
  admin = await signedIn(t.database.db, ['admin']);
});
afterAll(() => t.close());

const db = () => t.database.db;
const weekly = (slug: string): TRitualInput => ({
  slug,
  name: slug,
  schedule: { kind: 'weekly', weekday: 4, time: '16:00' },
  holidayPolicy: 'skip',
  durationMinutes: 30,
  ownerRole: 'product_ops',
  attendees: { roles: ['product_ops'], functions: [], personIds: [] },
  outputArtifact: 'Notes',
  artifactDueHours: 0,
  reminderMinutes: 0,
});
const inject = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
/** The jobs' action runner at an instant: what the per-minute tick (or the write's nudge) does. */
const runJobsAt = (at: Date) =>
  runDueActions({ db: db(), handlers: ACTION_HANDLERS, clock: manualClock(at), instance: 'test' });
const replanSteps = () =>
  db().select().from(scheduledActions).where(like(scheduledActions.key, 'cadence.replan:%'));

describe('a settings save that moves occurrences', () => {
  it('returns before re-planning; the job re-plans every ritual in bounded steps', async () => {
    // More rituals than one step takes, so the re-plan needs several.
    const mine = await createRitual({
      db: db(),
      actor: systemActor('test'),
      input: weekly('replanned'),
      now: PLANNED,
    });
    for (let i = 0; (await db().$count(rituals)) <= REPLAN_BATCH; i++)
      await createRitual({
        db: db(),
        actor: systemActor('test'),
        input: weekly(`filler-${i}`),
        now: PLANNED,
      });
    const ritualCount = await db().$count(rituals);
    const next = (await db().select().from(ritualOccurrences).where(eq(ritualOccurrences.ritualId, mine.id)))
      .filter((o) => o.status === 'scheduled' && o.startsAt.getTime() > PLANNED.getTime() + 86_400_000)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]!;
    const { settings } = (await inject('GET', '/api/v1/settings')).json();
    const res = await inject('PUT', '/api/v1/settings', {
      ...settings,
      holidays: [...settings.holidays, { date: next.key, name: 'Company offsite' }],
    });
    expect(res.statusCode).toBe(200);
    const occurrence = async () =>
      (await db().select().from(ritualOccurrences).where(eq(ritualOccurrences.id, next.id)))[0];
    // Nothing re-planned inside the request: one pending step, due a second after the save.
    expect(await occurrence()).toMatchObject({ status: 'scheduled', holiday: null });
    expect((await replanSteps()).map((a) => [a.status, a.dueAt.toISOString()])).toEqual([
      ['pending', new Date(PLANNED.getTime() + 1000).toISOString()],
    ]);

    const ran = await runJobsAt(new Date(PLANNED.getTime() + 1000));
    expect(ran.failed).toBe(0);
    expect(await occurrence()).toMatchObject({ status: 'skipped', holiday: 'Company offsite' });
    const steps = await replanSteps();
    expect(steps.every((s) => s.status === 'done')).toBe(true);
    expect(steps).toHaveLength(Math.floor(ritualCount / REPLAN_BATCH) + 1);
    const [reminder] = await db()
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, `ritual.reminder:${next.id}`));
    expect(reminder?.status).toBe('cancelled');
  });

  it('a second save cancels the first run still pending; a save that moves nothing asks for none', async () => {
    const before = (await replanSteps()).length;
    const { settings } = (await inject('GET', '/api/v1/settings')).json();
    await inject('PUT', '/api/v1/settings', { ...settings, timeZone: 'Europe/Paris' });
    await inject('PUT', '/api/v1/settings', { ...settings, timeZone: 'America/New_York' });
    await inject('PUT', '/api/v1/settings', {
      ...settings,
      timeZone: 'America/New_York',
      orgName: 'Renamed',
    });
    const fresh = (await replanSteps()).slice(before);
    expect(fresh.map((a) => a.status).sort()).toEqual(['cancelled', 'pending']);
  });
});

describe('the ritual cap', () => {
  it(`refuses ritual ${MAX_RITUALS + 1} with a 409 naming rituals, and writes nothing`, async () => {
    const have = await db().$count(rituals);
    // Rows straight into the table: the cap is what is tested, not planning 200 rituals.
    await db()
      .insert(rituals)
      .values(
        Array.from({ length: MAX_RITUALS - have }, (_, i) => ({
          ...weekly(`bulk-${i}`),
          attendees: { roles: [], functions: [], personIds: [] },
          agenda: [],
        })),
      );
    const res = await inject('POST', '/api/v1/rituals', weekly('one-too-many'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields).toEqual([
      { path: 'rituals', message: expect.stringContaining(`${MAX_RITUALS}`) },
    ]);
    expect(
      await db()
        .select()
        .from(rituals)
        .where(and(eq(rituals.slug, 'one-too-many'))),
    ).toEqual([]);
    expect(await db().$count(rituals)).toBe(MAX_RITUALS);
  });
});
