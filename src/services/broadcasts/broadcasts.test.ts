import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { relayInboxCopies } from '../../../test/relay.ts';
import {
  artifactVersions,
  followUps,
  inboxItems,
  outbox,
  ritualOccurrences,
  rituals,
  roadmapItemRatifications,
  roadmapItems,
  roadmapItemVersions,
  roadmapReviewOutcomes,
  updateCycles,
} from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { type Actor, systemActor } from '../actor.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../roadmap/item-writes.ts';
import { previewOutcome } from '../roadmap/outcome-preview.ts';
import { recordOutcome, startReview } from '../roadmap/review-actions.ts';
import { publishWeeklyUpdate } from '../updates/publish.ts';
import { previewPublish } from '../updates/publish-preview.ts';
import { submitUpdate } from '../updates/submissions.ts';
import { undoBroadcast } from './undo.ts';

let d: TestDatabase;
const ops = systemActor('priya@example.com');
const NOW = new Date('2026-11-20T15:00:00Z');
const config = { email: false, slackBot: false };
let maya: { id: string };
let head: Actor;
let billing: string;

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
  const h = await makePerson(d.db, { roles: ['head_of_product'], name: 'Hana Ito' });
  head = { personId: h.id, label: 'hana@example.com', roles: ['head_of_product'] };
  billing = (await makeArea(d.db, { name: 'Billing', ownerPmId: maya.id })).id;
  await makeArea(d.db, { name: 'Onboarding' });
  await makePerson(d.db, { roles: ['stakeholder'], function: 'sales', name: 'Sam Sales' });
  await makePerson(d.db, { roles: ['stakeholder'], function: 'support', name: 'Sue Support' });
});
afterAll(() => d.close());

const rowsOf = (broadcastId: string) =>
  d.db
    .select({ channel: outbox.channel, personId: outbox.personId, status: outbox.status })
    .from(outbox)
    .where(eq(outbox.broadcastId, broadcastId));

describe('publishing the weekly update, held and undoable', () => {
  const WEEK = '2026-W48';

  it('previews exactly what it then sends: the message, recipients per channel by name, missing areas', async () => {
    await submitUpdate({
      db: d.db,
      actor: { personId: maya.id, label: 'maya', roles: ['pm'] },
      week: WEEK,
      areaId: billing,
      content: { wins: ['Invoices v2'], risks: ['Tax vendor late'] },
      now: NOW,
    });
    const preview = await previewPublish({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: NOW,
      undoSeconds: 60,
      config,
    });
    expect(preview.action).toBe(`Publish the weekly update for ${WEEK}`);
    expect(preview.message?.subject).toMatch(/^Weekly Product Update — /);
    expect(preview.message?.markdown).toContain('Invoices v2');
    expect(preview.warnings[0]).toMatch(/^1 area is missing: Onboarding \(no PM\)/);
    expect(preview.note).toBeNull();
    // The dry run wrote nothing.
    expect(await d.db.select().from(artifactVersions)).toHaveLength(0);
    expect(await d.db.select().from(outbox)).toHaveLength(0);

    const published = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: NOW,
      hold: { seconds: 60 },
    });
    const rows = await rowsOf(published.hold!.id);
    const per = (c: string) => rows.filter((r) => r.channel === c).length;
    expect(preview.recipients).toMatchObject({
      total: rows.length,
      inbox: per('inbox'),
      email: per('email'),
    });
    expect(rows.length).toBeGreaterThan(0);
    const names = await d.db.query.people.findMany();
    const sent = names.filter((p) => rows.some((r) => r.personId === p.id)).map((p) => p.name);
    expect(preview.recipients.people).toEqual(sent.sort((a, b) => a.localeCompare(b)));
    expect(preview.recipients.people).toContain('Sam Sales');
    if (per('email')) expect(preview.warnings.join(' ')).toMatch(/Email is not set up/);
  });

  it('holds the messages for the window; Undo puts every row back and sends nothing', async () => {
    const [v] = await d.db.select().from(artifactVersions);
    const [b] = await d.db.query.broadcasts.findMany();
    expect((await rowsOf(b!.id)).every((r) => r.status === 'held')).toBe(true);
    await relayInboxCopies(d.db);
    expect(await d.db.select().from(inboxItems)).toHaveLength(0);
    expect(await d.db.select().from(followUps)).toHaveLength(1);

    const undone = await undoBroadcast({
      db: d.db,
      actor: ops,
      id: b!.id,
      now: new Date(NOW.getTime() + 59_000),
    });
    expect(undone.cancelledMessages).toBeGreaterThan(0);
    expect(undone.restored).toMatch(/unpublished again/);
    expect(await d.db.select().from(artifactVersions).where(eq(artifactVersions.id, v!.id))).toHaveLength(0);
    expect(await d.db.select().from(outbox)).toHaveLength(0);
    expect(await d.db.select().from(followUps)).toHaveLength(0);
    const [cycle] = await d.db.select().from(updateCycles).where(eq(updateCycles.week, WEEK));
    expect(cycle!.publishedAt).toBeNull();
    const marked = await d.db
      .select({ at: ritualOccurrences.artifactProducedAt })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(eq(rituals.slug, 'weekly-product-update'));
    expect(marked.every((o) => o.at === null)).toBe(true);
    // Once undone it stays undone.
    await expect(undoBroadcast({ db: d.db, actor: ops, id: b!.id, now: NOW })).rejects.toThrow(
      /already undone/,
    );
  });

  it('after the window: Undo is a 409, and the release sends what was held', async () => {
    const again = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: NOW,
      hold: { seconds: 60 },
    });
    expect(again.version).toBe(1); // the undone version left no gap
    const id = again.hold!.id;
    const late = new Date(NOW.getTime() + 60_000);
    await expect(undoBroadcast({ db: d.db, actor: ops, id, now: late })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/too late to undo .* undo window closed/),
    });
    await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock: manualClock(late), instance: 'test' });
    expect((await rowsOf(id)).every((r) => r.status === 'pending')).toBe(true);
    await relayInboxCopies(d.db);
    expect((await d.db.select().from(inboxItems)).length).toBeGreaterThan(0);
    await expect(undoBroadcast({ db: d.db, actor: ops, id, now: NOW })).rejects.toThrow(/too late/);
  });

  it('a correction previews with its note, and undoing it leaves the earlier version standing', async () => {
    await submitUpdate({
      db: d.db,
      actor: { personId: maya.id, label: 'maya', roles: ['pm'] },
      week: WEEK,
      areaId: billing,
      content: { wins: ['Invoices v2 is GA'] },
      now: NOW,
    });
    const preview = await previewPublish({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: NOW,
      note: 'Invoices went GA',
      undoSeconds: 60,
      config,
    });
    expect(preview.note).toMatchObject({ path: 'note', required: true });
    expect(preview.message?.subject).toMatch(/\(correction 2\)$/);
    expect(preview.message?.summary).toMatch(
      /^What changed: Invoices went GA; Billing — Wins \/ shipped: changed/,
    );
    await expect(
      publishWeeklyUpdate({ db: d.db, actor: ops, week: WEEK, now: NOW, hold: { seconds: 60 } }),
    ).rejects.toMatchObject({ fields: [{ path: 'note' }] });
    const fixed = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: NOW,
      note: 'Invoices went GA',
      hold: { seconds: 60 },
    });
    const undone = await undoBroadcast({ db: d.db, actor: ops, id: fixed.hold!.id, now: NOW });
    expect(undone.restored).toMatch(/Correction 2 withdrawn: version 1/);
    expect((await d.db.select().from(artifactVersions)).map((v) => v.version)).toEqual([1]);
    const [cycle] = await d.db.select().from(updateCycles).where(eq(updateCycles.week, WEEK));
    expect(cycle!.publishedAt).toEqual(NOW);
  });
});

describe('ratifying and rejecting in the Roadmap Review, held and undoable', () => {
  let occurrenceId: string;
  const input = (title: string) => ({
    title,
    summary: `${title} for customers`,
    areaId: billing,
    confidence: 'high' as const,
    earliest: '2027-01-10',
    latest: '2027-02-20',
  });

  beforeAll(async () => {
    const [o] = await d.db
      .select({ id: ritualOccurrences.id })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(eq(rituals.slug, 'roadmap-review'))
      .limit(1);
    occurrenceId = o!.id;
    await startReview({ db: d.db, actor: head, occurrenceId, now: NOW });
  });

  it('a rejection previews the PM message with its reason, needs the reason, and undo restores the item', async () => {
    const pm: Actor = { personId: maya.id, label: 'maya', roles: ['pm'] };
    const made = await createRoadmapItem({ db: d.db, actor: pm, input: input('Usage billing'), now: NOW });
    await markRatified(d.db, made.id, 1, NOW);
    await updateRoadmapItem({
      db: d.db,
      actor: pm,
      id: made.id,
      patch: { latest: '2027-04-30', note: 'Vendor slipped' },
      now: NOW,
    });
    const [before] = await d.db.select().from(roadmapItems).where(eq(roadmapItems.id, made.id));
    const q = { itemId: made.id, outcome: 'rejected' as const, note: 'Sales promised February' };
    const preview = await previewOutcome({
      db: d.db,
      actor: head,
      occurrenceId,
      input: q,
      now: NOW,
      undoSeconds: 60,
      config,
    });
    expect(preview.message?.summary).toContain('Sales promised February');
    expect(preview.recipients.people).toEqual(['Maya Chen']);
    expect(preview.note).toMatchObject({ required: true });
    await expect(
      recordOutcome({ db: d.db, actor: head, occurrenceId, input: { ...q, note: '' }, now: NOW }),
    ).rejects.toMatchObject({ fields: [{ path: 'note' }] });

    const done = await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId,
      input: q,
      now: NOW,
      hold: { seconds: 60 },
    });
    const rows = await rowsOf(done.hold!.id);
    expect(rows.map((r) => [r.channel, r.personId, r.status])).toContainEqual(['inbox', maya.id, 'held']);
    expect(preview.recipients.total).toBe(rows.length);

    await undoBroadcast({ db: d.db, actor: head, id: done.hold!.id, now: new Date(NOW.getTime() + 30_000) });
    const [after] = await d.db.select().from(roadmapItems).where(eq(roadmapItems.id, made.id));
    expect(after).toEqual(before);
    const versions = await d.db
      .select()
      .from(roadmapItemVersions)
      .where(eq(roadmapItemVersions.itemId, made.id));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(
      await d.db.select().from(roadmapReviewOutcomes).where(eq(roadmapReviewOutcomes.itemId, made.id)),
    ).toEqual([]);
    const ratifications = await d.db
      .select()
      .from(roadmapItemRatifications)
      .where(eq(roadmapItemRatifications.itemId, made.id));
    expect(ratifications.map((r) => r.version)).toEqual([1]);
    expect(await rowsOf(done.hold!.id)).toEqual([]);
  });

  it('a ratification undone waits for ratification again; an item changed since refuses the undo', async () => {
    const pm: Actor = { personId: maya.id, label: 'maya', roles: ['pm'] };
    const made = await createRoadmapItem({ db: d.db, actor: pm, input: input('Tax engine'), now: NOW });
    const q = { itemId: made.id, outcome: 'ratified' as const };
    const preview = await previewOutcome({
      db: d.db,
      actor: head,
      occurrenceId,
      input: q,
      now: NOW,
      undoSeconds: 60,
      config,
    });
    expect(preview.message).toBeNull();
    expect(preview.warnings).toContain('Nobody is messaged directly.');
    const done = await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId,
      input: q,
      now: NOW,
      hold: { seconds: 60 },
    });
    await undoBroadcast({ db: d.db, actor: head, id: done.hold!.id, now: NOW });
    const [item] = await d.db.select().from(roadmapItems).where(eq(roadmapItems.id, made.id));
    expect(item!.ratifiedVersion).toBeNull();

    const again = await recordOutcome({
      db: d.db,
      actor: head,
      occurrenceId,
      input: q,
      now: NOW,
      hold: { seconds: 60 },
    });
    await updateRoadmapItem({ db: d.db, actor: pm, id: made.id, patch: { latest: '2027-03-31' }, now: NOW });
    await expect(undoBroadcast({ db: d.db, actor: head, id: again.hold!.id, now: NOW })).rejects.toThrow(
      /Tax engine changed since/,
    );
    const [still] = await d.db
      .select({ ratified: roadmapItems.ratifiedVersion })
      .from(roadmapItems)
      .where(and(eq(roadmapItems.id, made.id)));
    expect(still!.ratified).toBe(1);
  });
});
