import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox, ritualOccurrences, rituals, scheduledActions } from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock, systemClock } from '../../shared/clock.ts';
import type { TRoadmapView } from '../../shared/roadmap.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { planAhead } from '../cadence/occurrences.ts';
import { recordDecision } from '../decisions/decisions.ts';
import { createSubscription } from '../delivery/subscriptions.ts';
import { updateSettings } from '../org/settings.ts';
import { whatChanged } from './changes.ts';
import { createRoadmapItem, updateRoadmapItem } from './item-writes.ts';
import { publishView } from './publish.ts';
import { assignAction, closeReview, recordOutcome, startReview } from './review-actions.ts';
import { reviewBody } from './review-page.ts';
import { listReviews } from './reviews.ts';

let d: TestDatabase;
const ops = systemActor('priya@example.com');
const at = (iso: string) => new Date(iso);
const as = (id: string, label: string): Actor => ({ personId: id, label, roles: ['pm'] });

let maya: Actor;
let leo: Actor;
let head: Actor;
let sales30: string;
let sales7: string;
const ids: Record<string, string> = {};
const occ: Record<string, string> = {};

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/Los_Angeles' },
    now: systemClock.now(),
  });
  const m = await makePerson(d.db, { name: 'Maya Chen', email: 'maya@example.com', roles: ['pm'] });
  const l = await makePerson(d.db, { name: 'Leo Park', email: 'leo@example.com', roles: ['pm'] });
  const h = await makePerson(d.db, {
    name: 'Hana Ito',
    email: 'hana@example.com',
    roles: ['head_of_product'],
  });
  sales30 = (
    await makePerson(d.db, {
      name: 'Sam',
      email: 'sam@example.com',
      roles: ['stakeholder'],
      function: 'sales',
    })
  ).id;
  sales7 = (
    await makePerson(d.db, {
      name: 'Sue',
      email: 'sue@example.com',
      roles: ['stakeholder'],
      function: 'sales',
    })
  ).id;
  maya = as(m.id, 'maya@example.com');
  leo = as(l.id, 'leo@example.com');
  head = { personId: h.id, label: 'hana@example.com', roles: ['head_of_product'] };
  ids.billing = (await makeArea(d.db, { name: 'Billing', slug: 'billing', ownerPmId: m.id })).id;
  ids.growth = (await makeArea(d.db, { name: 'Growth', slug: 'growth', ownerPmId: l.id })).id;
  for (const [who, days] of [
    [sales30, 30],
    [sales7, 7],
  ] as const) {
    const actor: Actor = { personId: who, label: who, roles: ['stakeholder'] };
    await createSubscription({ db: d.db, actor, input: { kind: 'roadmap', toleranceDays: days } });
  }
  await planAhead(d.db, at('2026-11-01T12:00:00Z'));
  const rows = await d.db
    .select({ id: ritualOccurrences.id, date: ritualOccurrences.localDate })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(eq(rituals.slug, 'roadmap-review'));
  for (const r of rows) occ[r.date] = r.id;
});
afterAll(() => d.close());

const item = (title: string, areaId: string, earliest: string, latest: string) => ({
  title,
  summary: `${title} for customers`,
  areaId,
  confidence: 'high' as const,
  earliest,
  latest,
});

describe('a biweekly Roadmap Review', () => {
  it('has Roadmap Review occurrences every other Tuesday from the cadence engine', () => {
    expect(occ['2026-11-10']).toBeDefined();
    expect(occ['2026-11-24']).toBeDefined();
    expect(occ['2026-11-17']).toBeUndefined();
  });

  it('ratifies the first roadmap and publishes it', async () => {
    const now = at('2026-11-02T17:00:00Z');
    ids.usage = (
      await createRoadmapItem({
        db: d.db,
        actor: maya,
        input: item('Usage billing', ids.billing!, '2026-12-01', '2027-01-31'),
        now,
      })
    ).id;
    ids.invoices = (
      await createRoadmapItem({
        db: d.db,
        actor: maya,
        input: item('Invoices API', ids.billing!, '2026-12-01', '2026-12-20'),
        now,
      })
    ).id;
    ids.checklist = (
      await createRoadmapItem({
        db: d.db,
        actor: leo,
        input: {
          ...item('Onboarding checklist', ids.growth!, '2026-12-15', '2027-01-15'),
          dependsOn: [ids.invoices!],
        },
        now,
      })
    ).id;
    const review = at('2026-11-10T18:00:00Z');
    await startReview({ db: d.db, actor: head, occurrenceId: occ['2026-11-10']!, now: review });
    for (const id of [ids.usage!, ids.invoices!, ids.checklist!])
      await recordOutcome({
        db: d.db,
        actor: head,
        occurrenceId: occ['2026-11-10']!,
        input: { itemId: id, outcome: 'ratified' },
        now: review,
      });
    const closed = await closeReview({
      db: d.db,
      actor: head,
      occurrenceId: occ['2026-11-10']!,
      now: at('2026-11-10T18:45:00Z'),
    });
    expect(closed.sla).toBe('waiting');
    const v1 = await publishView({ db: d.db, actor: ops, now: at('2026-11-10T22:00:00Z') });
    expect(v1.version).toBe(1);
    expect((v1.json as TRoadmapView).items.map((i) => i.title)).toEqual([
      'Invoices API',
      'Usage billing',
      'Onboarding checklist',
    ]);
  });

  it("generates the next review's agenda from the changes made over the two weeks", async () => {
    await updateRoadmapItem({
      db: d.db,
      actor: maya,
      id: ids.usage!,
      patch: { earliest: '2026-12-15', latest: '2027-02-21', note: 'Tax vendor slipped' },
      now: at('2026-11-12T17:00:00Z'),
    });
    await updateRoadmapItem({
      db: d.db,
      actor: leo,
      id: ids.checklist!,
      patch: { confidence: 'low' },
      now: at('2026-11-16T17:00:00Z'),
    });
    ids.dunning = (
      await createRoadmapItem({
        db: d.db,
        actor: maya,
        input: item('Smart dunning', ids.billing!, '2027-01-05', '2027-02-15'),
        now: at('2026-11-18T17:00:00Z'),
      })
    ).id;
    await updateRoadmapItem({
      db: d.db,
      actor: maya,
      id: ids.invoices!,
      patch: { latest: '2027-01-31' },
      now: at('2026-11-19T17:00:00Z'),
    });
    await recordDecision({
      db: d.db,
      actor: maya,
      input: {
        decidedOn: '2026-10-01',
        title: 'Bill usage monthly in arrears',
        context: 'Customers asked for predictable invoices',
        options: ['Monthly in arrears', 'Prepaid credits'],
        rationale: 'Simplest for finance',
        ownerId: maya.personId!,
        reviewDate: '2026-11-20',
      },
      now: at('2026-10-01T17:00:00Z'),
    });

    const r = await reviewBody(d.db, occ['2026-11-24']!, at('2026-11-24T17:00:00Z'));
    const [highlights, walk, decide] = r.agenda;
    expect(highlights!.minutes).toBe(5);
    expect(highlights!.lines[0]).toMatch(/^4 items changed since the last review \(Tue, 10 Nov 2026, 10:45/);
    expect(highlights!.lines).toContain(
      'Onboarding checklist depends on Invoices API, which may land after it (Early Dec 2026 – late Jan 2027)',
    );
    expect(walk!.minutes).toBe(25);
    expect(walk!.lines[0]).toMatch(/^Billing — Maya Chen \(3 min\): /);
    expect(walk!.lines[0]).toContain('Invoices API moved from Q4 2026 to Q4 2026 – Q1 2027');
    expect(walk!.lines[0]).toContain(
      'Usage billing slipped 21 days: Early Dec 2026 – late Jan 2027 → Mid Dec 2026 – late Feb 2027',
    );
    expect(walk!.lines[0]).toContain('Smart dunning added (Early Jan – mid Feb 2027)');
    expect(walk!.lines[1]).toContain(
      'Growth — Leo Park (3 min): Onboarding checklist: confidence high → low',
    );
    expect(decide!.lines).toContain('Ratify or reject the changes to 4 items');
    expect(
      decide!.lines.some((l) =>
        l.startsWith('Revisit #1 Bill usage monthly in arrears (Maya Chen; review date 2026-11-20)'),
      ),
    ).toBe(true);
    expect(decide!.lines).toContain('At risk: Onboarding checklist (confidence now low)');
    expect(decide!.lines).toContain(
      'Stakeholders need to know: Usage billing slipped 21 days: Early Dec 2026 – late Jan 2027 → Mid Dec 2026 – late Feb 2027',
    );
    const usage = r.areas[0]!.items.find((i) => i.itemId === ids.usage)!;
    expect(usage.notes.map((n) => n.note)).toEqual(['Tax vendor slipped']);
    expect(r.dueDecisions.map((x) => x.title)).toEqual(['Bill usage monthly in arrears']);

    // The reminder an hour before carries this generated agenda, not the ritual's written one.
    const [due] = await d.db
      .select({ at: scheduledActions.dueAt })
      .from(scheduledActions)
      .where(eq(scheduledActions.key, `ritual.reminder:${occ['2026-11-24']}`));
    const clock = manualClock(new Date(due!.at.getTime() + 30_000));
    await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 't' });
    const [reminder] = await d.db
      .select({ message: outbox.message })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'ritual.reminder'),
          eq(outbox.ref, occ['2026-11-24']!),
          eq(outbox.personId, maya.personId!),
          eq(outbox.channel, 'inbox'),
        ),
      );
    expect(JSON.stringify(reminder!.message)).toContain('[25 min] PMs: walk through changes');
    expect(JSON.stringify(reminder!.message)).toContain('Usage billing slipped 21 days');
  });

  it('lists what changed since a date in the org time zone, or since the last review', async () => {
    const sinceReview = await whatChanged(d.db, 'last-review');
    expect(sinceReview.changes.map((c) => `${c.kind}:${c.title}`).sort()).toEqual([
      'added:Smart dunning',
      'confidence:Onboarding checklist',
      'dependency_broken:Onboarding checklist',
      'moved_quarter:Invoices API',
      'slipped:Invoices API',
      'slipped:Usage billing',
    ]);
    // 2026-11-16 starts at 08:00 UTC in Los Angeles: the change at 17:00 UTC that day is in, the 12th's is not.
    const since16 = await whatChanged(d.db, '2026-11-16');
    expect(since16.changes.map((c) => c.title)).not.toContain('Usage billing');
    expect(since16.changes.map((c) => c.kind)).toContain('confidence');
  });

  it('keeps ratified changes for stakeholders, reverts rejected ones, links decisions, and tracks the SLA', async () => {
    const o = occ['2026-11-24']!;
    const t = at('2026-11-24T18:10:00Z');
    await expect(
      recordOutcome({
        db: d.db,
        actor: head,
        occurrenceId: o,
        input: { itemId: ids.usage!, outcome: 'ratified' },
        now: systemClock.now(),
      }),
    ).rejects.toThrow(/not started/);
    await startReview({ db: d.db, actor: head, occurrenceId: o, now: t });
    await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId: o,
      input: { itemId: ids.usage!, outcome: 'ratified' },
      now: t,
    });
    await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId: o,
      input: { itemId: ids.dunning!, outcome: 'rejected', note: 'Not this half' },
      now: t,
    });
    // A rejection needs its reason (the PM reads it): without one, nothing is written.
    await expect(
      recordOutcome({
        db: d.db,
        actor: head,
        occurrenceId: o,
        input: { itemId: ids.invoices!, outcome: 'rejected', note: '  ' },
        now: t,
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'note' }] });
    await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId: o,
      input: { itemId: ids.invoices!, outcome: 'rejected', note: 'Too early' },
      now: t,
    });
    await expect(
      recordOutcome({
        db: d.db,
        actor: head,
        occurrenceId: o,
        input: { itemId: ids.usage!, outcome: 'ratified' },
        now: systemClock.now(),
      }),
    ).rejects.toThrow(/no changes waiting/);
    const decision = await recordDecision({
      db: d.db,
      actor: head,
      input: {
        title: 'Ship usage billing after the tax vendor',
        context: 'The vendor slipped three weeks',
        options: ['Wait', 'Ship without tax'],
        rationale: 'Tax errors cost more than three weeks',
        ownerId: maya.personId!,
        reviewDate: '2027-01-15',
        roadmapItemIds: [ids.usage!],
        occurrenceId: o,
      },
      now: t,
    });
    await assignAction({
      db: d.db,
      actor: head,
      occurrenceId: o,
      input: { title: 'Confirm the tax vendor date', ownerId: maya.personId! },
      now: systemClock.now(),
    });
    await expect(
      assignAction({
        db: d.db,
        actor: head,
        occurrenceId: o,
        input: { title: 'Confirm the tax vendor date', ownerId: maya.personId! },
        now: systemClock.now(),
      }),
    ).rejects.toThrow(/already has that action item/);
    const closed = await closeReview({
      db: d.db,
      actor: head,
      occurrenceId: o,
      now: at('2026-11-24T18:45:00Z'),
    });
    expect(closed.decisions.map((x) => x.id)).toEqual([decision.id]);
    expect(closed.agenda[3]!.lines[0]).toBe(
      'Recorded #2 Ship usage billing after the tax vendor (owner Maya Chen)',
    );
    expect(closed.agenda[3]!.lines[1]).toBe('Action: Confirm the tax vendor date (owner Maya Chen)');
    expect(closed.actions).toMatchObject([
      { title: 'Confirm the tax vendor date', ownerName: 'Maya Chen', status: 'open' },
    ]);
    expect(closed.areas[0]!.items.map((i) => `${i.title}:${i.outcome}`).sort()).toEqual([
      'Invoices API:rejected',
      'Smart dunning:rejected',
      'Usage billing:ratified',
    ]);
    // What was decided stays readable after the decision: the versions and the PM's why.
    const usage = closed.areas[0]!.items.find((i) => i.itemId === ids.usage)!;
    expect(usage).toMatchObject({ fromVersion: 1, toVersion: 2, pending: false, outcome: 'ratified' });
    expect(usage.notes.map((n) => n.note)).toEqual(['Tax vendor slipped']);
    expect(closed.areas[0]!.items.find((i) => i.itemId === ids.dunning)).toMatchObject({
      fromVersion: null,
      toVersion: 1,
    });
    expect(closed.slaDueAt).toBe('2026-11-25T18:45:00.000Z');
    const [rejected] = await d.db
      .select({ message: outbox.message })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'roadmap.rejected'),
          eq(outbox.ref, ids.dunning!),
          eq(outbox.personId, maya.personId!),
          eq(outbox.channel, 'inbox'),
        ),
      );
    expect((rejected!.message as { summary: string }).summary).toBe(
      'The Head of Product rejected the changes to Smart dunning in the Roadmap Review: Not this half. It is not on the roadmap.',
    );
    const [occRow] = await d.db.select().from(ritualOccurrences).where(eq(ritualOccurrences.id, o));
    expect(occRow!.status).toBe('held');
    expect(occRow!.artifactRef).toBe(`/roadmap/reviews/${o}`);

    const v2 = await publishView({ db: d.db, actor: ops, now: at('2026-11-25T17:00:00Z') });
    const view = v2.json as TRoadmapView;
    expect(view.items.find((i) => i.id === ids.usage)!.rangeText).toBe('Mid Dec 2026 – late Feb 2027');
    expect(view.items.map((i) => i.title)).not.toContain('Smart dunning');
    expect(view.items.find((i) => i.id === ids.invoices)!.latest).toBe('2026-12-20');
    // Leo's confidence change was not ratified: stakeholders still see high.
    expect(view.items.find((i) => i.id === ids.checklist)!.confidence).toBe('high');
    expect(v2.changes).toEqual([
      'Usage billing: Early Dec 2026 – late Jan 2027 → Mid Dec 2026 – late Feb 2027',
    ]);
    const reviews = await listReviews(d.db, at('2026-11-26T00:00:00Z'));
    expect(reviews.find((x) => x.occurrenceId === o)).toMatchObject({ sla: 'met', viewVersion: 2 });
  });

  it('tells each subscriber only of moves beyond the tolerance they chose', async () => {
    const heard = async (personId: string) =>
      d.db
        .select({ ref: outbox.ref })
        .from(outbox)
        .where(
          and(eq(outbox.personId, personId), eq(outbox.kind, 'roadmap_view'), eq(outbox.channel, 'inbox')),
        );
    // Usage billing moved 21 days: beyond 7, within 30.
    expect(await heard(sales7)).toEqual([{ ref: 'v2' }]);
    expect(await heard(sales30)).toEqual([]);
  });

  it('warns Product Ops once when the view is not republished within the SLA', async () => {
    const o = occ['2026-12-08']!;
    await startReview({ db: d.db, actor: head, occurrenceId: o, now: at('2026-12-08T18:00:00Z') });
    await closeReview({ db: d.db, actor: head, occurrenceId: o, now: at('2026-12-08T18:45:00Z') });
    // The clock passes the SLA's end (24 h after closing); the runner runs twice.
    const clock = manualClock('2026-12-09T18:46:00Z');
    for (let i = 0; i < 2; i++)
      await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 't' });
    const rows = await d.db.execute(
      sql`select count(*)::int as n from outbox where kind = 'roadmap.republish_check' and channel = 'inbox'`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    expect((await listReviews(d.db, at('2026-12-09T19:00:00Z'))).find((x) => x.occurrenceId === o)!.sla).toBe(
      'overdue',
    );
  });
});
