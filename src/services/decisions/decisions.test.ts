import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { auditLog, decisions } from '../../db/schema/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updatePerson } from '../org/people.ts';
import { updateSettings } from '../org/settings.ts';
import { decisionCounts, decisionWorld, startedReview } from './decisions.fixture.ts';
import { recordDecision, revisitDecision } from './decisions.ts';
import { decisionsOfReview, getDecision } from './view.ts';

let d: TestDatabase;
let w: Awaited<ReturnType<typeof decisionWorld>>;
const ops = systemActor('ops');
/** 10:00 in Paris on Tuesday 10 November 2026. */
const NOW = new Date('2026-11-10T09:00:00Z');

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'Europe/Paris' },
    now: systemClock.now(),
  });
  w = await decisionWorld(d.db);
});
afterAll(() => d.close());

const record = (over: Parameters<typeof w.input>[0] = {}) =>
  recordDecision({ db: d.db, actor: ops, input: w.input(over), now: NOW });

/** Runs `fn`, expects a 400 naming exactly `paths`, and that nothing was written. */
async function refused(fn: () => Promise<unknown>, paths: string[]) {
  const before = await decisionCounts(d.db);
  const err = await fn().then(
    () => null,
    (e: unknown) => e as { code?: string; fields?: { path: string }[] },
  );
  expect(err?.code).toBe('validation_failed');
  expect(err?.fields?.map((f) => f.path).sort()).toEqual([...paths].sort());
  expect(await decisionCounts(d.db)).toEqual(before);
}

describe('recording a decision', () => {
  it('keeps every field of the template, resolves its links and writes "recorded" with an audit entry', async () => {
    const review = await startedReview(d.db);
    const v = await record({
      roadmapItemIds: [w.billingItem],
      releaseIds: [w.billingRelease],
      themes: ['pricing'],
      occurrenceId: review.occurrenceId,
    });
    expect(v).toMatchObject({
      decidedOn: '2026-11-10',
      title: 'Price by usage, not by seat',
      options: ['Keep seats', 'Usage-based pricing', 'Hybrid'],
      ownerId: w.maya.id,
      ownerName: 'Maya Chen',
      reviewDate: '2027-01-15',
      nextReviewDate: '2027-01-15',
      reviewDue: false,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      roadmapItems: [{ id: w.billingItem, title: 'Usage-based pricing' }],
      releases: [{ id: w.billingRelease, title: 'Invoice previews' }],
      themes: [{ key: 'pricing', label: 'Pricing' }],
      occurrenceId: review.occurrenceId,
      createdBy: 'ops',
    });
    expect(v.history).toEqual([
      expect.objectContaining({ kind: 'recorded', nextReviewDate: '2027-01-15', by: 'ops' }),
    ]);
    const [row] = await d.db.select().from(decisions).where(eq(decisions.id, v.id));
    expect(row!.reviewId).toBe(review.reviewId);
    expect(await decisionsOfReview(d.db, review.reviewId)).toEqual([
      { id: v.id, number: v.number, title: v.title, ownerName: 'Maya Chen' },
    ]);
    const audit = await d.db.select().from(auditLog).where(eq(auditLog.entityId, v.id));
    expect(audit.map((a) => a.action)).toEqual(['decision.record']);
  });

  it('takes an earlier decision date, and a review date on that same day', async () => {
    const v = await record({ decidedOn: '2026-10-01', reviewDate: '2026-10-01' });
    expect([v.decidedOn, v.reviewDate, v.reviewDue]).toEqual(['2026-10-01', '2026-10-01', true]);
  });

  it('refuses a review date before the decision date, and a decision date after today', async () => {
    await refused(() => record({ reviewDate: '2026-11-09' }), ['reviewDate']);
    await refused(() => record({ decidedOn: '2026-11-11', reviewDate: '2026-12-01' }), ['decidedOn']);
  });

  it('refuses an unknown or inactive owner', async () => {
    await refused(() => record({ ownerId: crypto.randomUUID() }), ['ownerId']);
    const gone = await makePerson(d.db, { roles: ['pm'] });
    await updatePerson({
      db: d.db,
      actor: ops,
      id: gone.id,
      patch: { active: false },
      now: systemClock.now(),
    });
    await refused(() => record({ ownerId: gone.id }), ['ownerId']);
  });

  it('names each link that does not exist by its index', async () => {
    await refused(
      () =>
        record({
          roadmapItemIds: [w.billingItem, crypto.randomUUID()],
          releaseIds: [crypto.randomUUID()],
          themes: ['pricing', 'vibes'],
        }),
      ['roadmapItemIds.1', 'releaseIds.0', 'themes.1'],
    );
    // A release id is not a roadmap item, nor the other way round.
    await refused(
      () => record({ roadmapItemIds: [w.billingRelease], releaseIds: [w.billingItem] }),
      ['roadmapItemIds.0', 'releaseIds.0'],
    );
  });

  it('refuses a Roadmap Review occurrence whose review has not been started', async () => {
    const review = await startedReview(d.db, 2);
    await refused(() => record({ occurrenceId: review.unstartedOccurrenceId }), ['occurrenceId']);
    await refused(() => record({ occurrenceId: crypto.randomUUID() }), ['occurrenceId']);
  });
});

describe('revisiting', () => {
  it('kept: moves the next review date (after today) and keeps the original review date', async () => {
    const v = await record({ reviewDate: '2026-11-10' });
    expect(v.reviewDue).toBe(true);
    await refused(
      () =>
        revisitDecision({
          db: d.db,
          actor: ops,
          id: v.id,
          input: { outcome: 'kept', note: 'Still right', nextReviewDate: '2026-11-10' },
          now: NOW,
        }),
      ['nextReviewDate'],
    );
    const kept = await revisitDecision({
      db: d.db,
      actor: ops,
      id: v.id,
      input: { outcome: 'kept', note: 'Churn is flat', nextReviewDate: '2027-05-01' },
      now: NOW,
    });
    expect(kept).toMatchObject({ reviewDate: '2026-11-10', nextReviewDate: '2027-05-01', reviewDue: false });
    expect(kept.history.map((e) => [e.kind, e.note, e.nextReviewDate])).toEqual([
      ['recorded', '', '2026-11-10'],
      ['revisited', 'Churn is flat', '2027-05-01'],
    ]);
  });

  it('superseded: the replacement links back, both get an event, and the old one cannot be revisited', async () => {
    const old = await record({ title: 'Annual plans only' });
    const revisited = await revisitDecision({
      db: d.db,
      actor: ops,
      id: old.id,
      input: {
        outcome: 'superseded',
        note: 'Monthly plans win deals',
        replacement: w.input({ title: 'Offer monthly plans', ownerId: w.ravi.id, reviewDate: '2027-02-01' }),
      },
      now: NOW,
    });
    expect(revisited.status).toBe('superseded');
    expect(revisited.reviewDue).toBe(false);
    const next = (await getDecision(d.db, revisited.supersededBy!.id, systemClock.now()))!;
    expect(revisited.supersededBy).toEqual({
      id: next.id,
      number: next.number,
      title: 'Offer monthly plans',
    });
    expect(next.supersedes).toEqual({ id: old.id, number: old.number, title: 'Annual plans only' });
    expect(next).toMatchObject({ status: 'active', ownerName: 'Ravi Rao', supersededBy: null });
    expect(revisited.history.map((e) => [e.kind, e.note, e.relatedNumber])).toEqual([
      ['recorded', '', null],
      ['superseded', 'Monthly plans win deals', next.number],
    ]);
    expect(next.history.map((e) => [e.kind, e.relatedDecisionId])).toEqual([
      ['recorded', null],
      ['supersedes', old.id],
    ]);
    const again = revisitDecision({
      db: d.db,
      actor: ops,
      id: old.id,
      input: { outcome: 'kept', note: 'x', nextReviewDate: '2027-06-01' },
      now: NOW,
    });
    await expect(again).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`superseded by #${next.number}`),
    });

    // The chain goes on: the replacement can itself be superseded.
    const third = await revisitDecision({
      db: d.db,
      actor: ops,
      id: next.id,
      input: {
        outcome: 'superseded',
        note: 'Back to annual',
        replacement: w.input({ title: 'Annual again' }),
      },
      now: NOW,
    });
    const last = (await getDecision(d.db, third.supersededBy!.id, systemClock.now()))!;
    expect(last.supersedes?.id).toBe(next.id);
    expect((await getDecision(d.db, old.id, systemClock.now()))!.supersededBy?.id).toBe(next.id);
  });

  it('names replacement fields under "replacement." and writes nothing when the replacement is wrong', async () => {
    const old = await record();
    await refused(
      () =>
        revisitDecision({
          db: d.db,
          actor: ops,
          id: old.id,
          input: {
            outcome: 'superseded',
            note: 'Changed',
            replacement: w.input({ ownerId: crypto.randomUUID(), reviewDate: '2026-01-01' }),
          },
          now: NOW,
        }),
      ['replacement.ownerId', 'replacement.reviewDate'],
    );
    expect((await getDecision(d.db, old.id, systemClock.now()))!.status).toBe('active');
  });

  it('404s an unknown decision', async () => {
    const gone = revisitDecision({
      db: d.db,
      actor: ops,
      id: crypto.randomUUID(),
      input: { outcome: 'kept', note: 'x', nextReviewDate: '2027-06-01' },
      now: systemClock.now(),
    });
    await expect(gone).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the log is append-only in the database', () => {
  const rawError = (statement: ReturnType<typeof sql>) =>
    d.db.execute(statement).then(
      () => 'accepted',
      // drizzle wraps the database's error: the trigger's words are in its cause.
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );

  it('refuses to edit what was decided, to delete a decision, or to touch its history', async () => {
    const v = await record();
    expect(await rawError(sql`update decisions set title = 'Rewritten' where id = ${v.id}`)).toMatch(
      /append-only: decision \d+ cannot be edited/,
    );
    expect(await rawError(sql`update decisions set options = array['Only this'] where id = ${v.id}`)).toMatch(
      /cannot be edited/,
    );
    expect(await rawError(sql`delete from decisions where id = ${v.id}`)).toMatch(/cannot be deleted/);
    expect(await rawError(sql`update decision_events set note = 'x' where decision_id = ${v.id}`)).toMatch(
      /history/,
    );
    expect(await rawError(sql`delete from decision_events where decision_id = ${v.id}`)).toMatch(/history/);
    expect((await getDecision(d.db, v.id, systemClock.now()))!.title).toBe('Price by usage, not by seat');
    // What moves through events may change.
    expect(await rawError(sql`update decisions set next_review_date = '2027-09-01' where id = ${v.id}`)).toBe(
      'accepted',
    );
  });
});
