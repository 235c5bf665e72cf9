import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { ritualOccurrences, rituals, scheduledActions } from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import type { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { releaseBundle } from './bundle.ts';
import { recordDecision } from './readiness.ts';
import { createRelease, tierHistory, updateRelease } from './releases.ts';

let d: TestDatabase;
const ops = systemActor('priya@example.com');
/** 1 Dec 2026, 09:00 in New York: every instant below is computed from here, not from the clock. */
const NOW = new Date('2026-12-01T14:00:00Z');

const fieldsOf = (err: unknown) => ((err as AppError).fields ?? []).map((f) => f.path);

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: {
      ...DEFAULT_SETTINGS,
      timeZone: 'America/New_York',
      holidays: [
        { date: '2026-12-25', name: 'Christmas Day' },
        { date: '2027-01-01', name: "New Year's Day" },
      ],
    },
    now: NOW,
  });
});
afterAll(() => d.close());

async function pendingWarnings(releaseId: string) {
  const rows = await d.db
    .select()
    .from(scheduledActions)
    .where(
      and(
        like(scheduledActions.key, `release.deadline_warning:${releaseId}:%`),
        eq(scheduledActions.status, 'pending'),
      ),
    );
  return rows.map((r) => `${(r.payload as { deadline: string }).deadline}@${r.dueAt.toISOString()}`).sort();
}

describe('tier suggestion', () => {
  it('suggests from the attributes, asks a reason to go below it, and keeps every changed suggestion', async () => {
    const r = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Public API v2', targetDate: '2027-02-01', attributes: ['api_change'], tier: 2 },
      now: NOW,
    });
    expect(r.suggestedTier).toBe(2);
    expect(r.suggestedReason).toContain('api_change');

    const lower = updateRelease({
      db: d.db,
      actor: ops,
      id: r.id,
      patch: { tier: 1 },
      now: NOW,
    });
    await expect(lower).rejects.toThrow(/tierReason/);
    expect(fieldsOf(await lower.catch((e) => e))).toEqual(['tierReason']);

    // Raising the attributes alone is kept; the tier then needs review (retier.test.ts).
    const raised = await updateRelease({
      db: d.db,
      actor: ops,
      id: r.id,
      patch: { attributes: ['api_change', 'migration'] },
      now: NOW,
    });
    expect(raised).toMatchObject({ tier: 2, suggestedTier: 3, tierReason: null });
    expect(raised.tierReview).toMatch(
      /^Tier 2 was assigned, but the attributes now suggest Tier 3 \(Migration\)/,
    );

    const kept = await updateRelease({
      db: d.db,
      actor: ops,
      id: r.id,
      patch: { tierReason: 'The migration is internal only' },
      now: NOW,
    });
    expect(kept).toMatchObject({ tier: 2, suggestedTier: 3, tierReview: null });
    expect(kept.suggestedReason).toMatch(/^Tier 3 \(High\): migration/);
    const history = await tierHistory(d.db, r.id);
    expect(history.map((h) => [h.suggestedTier, h.assignedTier, h.note?.slice(0, 30) ?? null])).toEqual([
      [2, 2, null],
      [3, 2, 'Needs re-tiering: Tier 2 was a'],
      [3, 2, 'The migration is internal only'],
    ]);
  });
});

describe('lead times, warnings and the readiness meeting', () => {
  it('schedules warnings before each deadline and moves them with the launch date', async () => {
    const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
    const ravi = await makePerson(d.db, { roles: ['eng_lead'], name: 'Ravi Rao' });
    const area = await makeArea(d.db, { name: 'Billing', ownerPmId: maya.id });
    // Tier 3, launch Friday 8 Jan 2027: 10 business days back over New Year's Day and Christmas → 23 Dec;
    // 2 business days back → 6 Jan. Warnings 2 business days before and on the morning of each, 09:00 New York.
    const r = await createRelease({
      db: d.db,
      actor: ops,
      now: NOW,
      input: {
        title: 'Usage billing GA',
        areaId: area.id,
        pmOwnerId: maya.id,
        engOwnerId: ravi.id,
        targetDate: '2027-01-08',
        attributes: ['ga_launch'],
        tier: 3,
      },
    });
    expect(await pendingWarnings(r.id)).toEqual([
      'distribute@2026-12-21T14:00:00.000Z',
      'distribute@2026-12-23T14:00:00.000Z',
      'publish@2027-01-04T14:00:00.000Z',
      'publish@2027-01-06T14:00:00.000Z',
    ]);
    const [meeting] = await d.db
      .select({ startsAt: ritualOccurrences.startsAt, status: ritualOccurrences.status })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(and(eq(rituals.slug, 'launch-readiness-check'), eq(ritualOccurrences.key, r.id)));
    expect(meeting).toEqual({ startsAt: new Date('2027-01-06T15:00:00Z'), status: 'scheduled' });

    // A week later: distribution by Thu 31 Dec (Jan 1 is a holiday), publication by Wed 13 Jan.
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { targetDate: '2027-01-15' }, now: NOW });
    expect(await pendingWarnings(r.id)).toEqual([
      'distribute@2026-12-29T14:00:00.000Z',
      'distribute@2026-12-31T14:00:00.000Z',
      'publish@2027-01-11T14:00:00.000Z',
      'publish@2027-01-13T14:00:00.000Z',
    ]);

    // Distributed today: only the publication warnings are left.
    await releaseBundle({ db: d.db, actor: ops, releaseId: r.id, stage: 'distribution', now: NOW });
    expect(await pendingWarnings(r.id)).toEqual([
      'publish@2027-01-11T14:00:00.000Z',
      'publish@2027-01-13T14:00:00.000Z',
    ]);

    // The warning reaches the PM and eng owners (inbox at least) when it comes due.
    const [warning] = await d.db
      .select({ dueAt: scheduledActions.dueAt })
      .from(scheduledActions)
      .where(
        and(
          like(scheduledActions.key, `release.deadline_warning:${r.id}:publish:%:2`),
          eq(scheduledActions.status, 'pending'),
        ),
      );
    const clock = manualClock(new Date(warning!.dueAt.getTime() + 60_000));
    // Every action due by then runs (ritual reminders of the planning window too), ours among them.
    await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 'test', limit: 1000 });
    const told = await d.db.execute(
      sql`select person_id, message->>'title' as title from outbox where kind = 'release.deadline_warning' and channel = 'inbox'`,
    );
    const rows = (told as unknown as { rows: { person_id: string; title: string }[] }).rows;
    expect(rows.map((x) => x.person_id).sort()).toEqual([maya.id, ravi.id].sort());
    expect(rows[0]!.title).toBe('Due 2027-01-13: publish the final enablement bundle for Usage billing GA');

    // A hold decision in the meeting is its artifact: the occurrence is held.
    await recordDecision({
      db: d.db,
      actor: ops,
      releaseId: r.id,
      input: { decision: 'hold', reason: 'Tax engine not certified' },
      now: NOW,
    });
    const [held] = await d.db.select().from(ritualOccurrences).where(eq(ritualOccurrences.key, r.id));
    expect(held).toMatchObject({ status: 'held', artifactRef: `/releases/${r.id}` });
  });

  it('drops the readiness meeting and the warnings when a release leaves Tier 3 or launches', async () => {
    const r = await createRelease({
      db: d.db,
      actor: ops,
      now: NOW,
      input: { title: 'Dunning emails', targetDate: '2027-02-10', tier: 3 },
    });
    const meetings = () => d.db.select().from(ritualOccurrences).where(eq(ritualOccurrences.key, r.id));
    expect(await meetings()).toHaveLength(1);
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { tier: 2 }, now: NOW });
    expect(await meetings()).toHaveLength(0);
    expect(await pendingWarnings(r.id)).toHaveLength(4);
    await updateRelease({ db: d.db, actor: ops, id: r.id, patch: { status: 'launched' }, now: NOW });
    expect(await pendingWarnings(r.id)).toEqual([]);
  });

  it('refuses go, hold and delay by edit, and moves only along the lifecycle', async () => {
    const r = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Lifecycle', targetDate: '2027-03-01' },
      now: NOW,
    });
    const edit = (status: 'hold' | 'rolled_back' | 'launched' | 'planned') =>
      updateRelease({ db: d.db, actor: ops, id: r.id, patch: { status }, now: NOW });
    await expect(edit('hold')).rejects.toThrow(/go\/no-go decision/);
    await expect(edit('rolled_back')).rejects.toThrow(/cannot move from planned to rolled_back/);
    expect((await edit('launched')).launchedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(edit('planned')).rejects.toThrow(/cannot move from launched to planned/);
  });
});
