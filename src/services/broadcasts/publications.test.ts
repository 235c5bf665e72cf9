import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { relayInboxCopies } from '../../../test/relay.ts';
import { artifactVersions, inboxItems, outbox, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { publishDigest } from '../insights/digest.ts';
import { previewDigestPublish } from '../insights/digest-preview.ts';
import { createRoadmapItem, markRatified } from '../roadmap/item-writes.ts';
import { publishView } from '../roadmap/publish.ts';
import { previewViewPublish } from '../roadmap/publish-preview.ts';
import { closeReview, startReview } from '../roadmap/review-actions.ts';
import { publishedView } from '../roadmap/view.ts';
import { undoBroadcast } from './undo.ts';

/* Issue 17, safe broadcasting for the insights digest and the stakeholder view: preview = send, undo, 409. */
let d: TestDatabase;
const ops = systemActor('priya@example.com');
const NOW = new Date('2026-11-20T15:00:00Z');
const LATE = new Date(NOW.getTime() + 60_000);
const config = { email: false, slackBot: false };
let areaId: string;

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
  await makePerson(d.db, { roles: ['stakeholder'], function: 'sales', name: 'Sam Sales' });
  await makePerson(d.db, { roles: ['stakeholder'], function: 'data', name: 'Dana Data' });
  areaId = (await makeArea(d.db, { name: 'Billing', ownerPmId: maya.id })).id;
});
afterAll(() => d.close());

const rowsOf = (broadcastId: string) =>
  d.db
    .select({ channel: outbox.channel, personId: outbox.personId, status: outbox.status })
    .from(outbox)
    .where(eq(outbox.broadcastId, broadcastId));

async function namesOf(broadcastId: string) {
  const rows = await rowsOf(broadcastId);
  const everyone = await d.db.query.people.findMany();
  return everyone
    .filter((p) => rows.some((r) => r.personId === p.id))
    .map((p) => p.name)
    .sort((a, b) => a.localeCompare(b));
}

describe('publishing the Monthly Insights Digest, held and undoable', () => {
  const MONTH = '2026-10';
  const digests = () =>
    d.db.select().from(artifactVersions).where(eq(artifactVersions.kind, 'insights_digest'));

  it('previews exactly what it sends, and writes nothing while previewing', async () => {
    const preview = await previewDigestPublish({
      db: d.db,
      actor: ops,
      month: MONTH,
      now: NOW,
      undoSeconds: 60,
      config,
    });
    expect(preview.action).toBe(`Publish the Monthly Insights Digest for ${MONTH}`);
    expect(preview.message?.subject).toBe(`Monthly Insights Digest — ${MONTH}`);
    expect(preview.note).toBeNull();
    expect(await digests()).toHaveLength(0);
    expect(await d.db.select().from(outbox)).toHaveLength(0);

    const published = await publishDigest({
      db: d.db,
      actor: ops,
      month: MONTH,
      now: NOW,
      hold: { seconds: 60 },
    });
    const rows = await rowsOf(published.hold!.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'held')).toBe(true);
    expect(preview.recipients.total).toBe(rows.length);
    expect(preview.recipients.inbox).toBe(rows.filter((r) => r.channel === 'inbox').length);
    expect(preview.recipients.people).toEqual(await namesOf(published.hold!.id));
    expect(preview.recipients.people).toContain('Dana Data');
    expect(preview.recipients.people).not.toContain('Sam Sales'); // Sales does not hear of the digest
  });

  it('Undo within the window withdraws the version and deletes the held messages', async () => {
    const [b] = await d.db.query.broadcasts.findMany();
    await relayInboxCopies(d.db);
    expect(await d.db.select().from(inboxItems)).toHaveLength(0);
    const undone = await undoBroadcast({
      db: d.db,
      actor: ops,
      id: b!.id,
      now: new Date(LATE.getTime() - 1),
    });
    expect(undone).toMatchObject({ kind: 'insights_digest.publish', status: 'undone' });
    expect(undone.restored).toMatch(/unpublished again/);
    expect(await digests()).toHaveLength(0);
    expect(await d.db.select().from(outbox)).toHaveLength(0);
  });

  it('after the window: 409, and the messages go; a republication previews as one', async () => {
    const first = await publishDigest({
      db: d.db,
      actor: ops,
      month: MONTH,
      now: NOW,
      hold: { seconds: 60 },
    });
    expect(first.version).toBe(1);
    await expect(
      undoBroadcast({ db: d.db, actor: ops, id: first.hold!.id, now: LATE }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock: manualClock(LATE), instance: 'test' });
    expect((await rowsOf(first.hold!.id)).every((r) => r.status === 'pending')).toBe(true);
    const again = await previewDigestPublish({
      db: d.db,
      actor: ops,
      month: MONTH,
      now: LATE,
      undoSeconds: 60,
      config,
    });
    expect(again.action).toMatch(/^Republish /);
    expect(again.warnings[0]).toMatch(/^Version 1 was published already/);
  });
});

describe('republishing the stakeholder view, held and undoable', () => {
  let occurrenceId: string;

  beforeAll(async () => {
    await publishView({ db: d.db, actor: ops, now: NOW }); // the version stakeholders read so far
    const item = await createRoadmapItem({
      db: d.db,
      actor: ops,
      now: NOW,
      input: {
        title: 'Usage billing',
        summary: 'Pay for use',
        areaId,
        confidence: 'high',
        earliest: '2027-01-10',
        latest: '2027-02-20',
      },
    });
    await markRatified(d.db, item.id, 1, NOW);
    const [o] = await d.db
      .select({ id: ritualOccurrences.id })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(eq(rituals.slug, 'roadmap-review'))
      .limit(1);
    occurrenceId = o!.id;
    await startReview({ db: d.db, actor: ops, occurrenceId, now: NOW });
    await closeReview({ db: d.db, actor: ops, occurrenceId, now: NOW });
  });

  const review = async () =>
    (await d.db.query.roadmapReviews.findMany()).find((r) => r.occurrenceId === occurrenceId)!;

  it('previews exactly what it sends: who hears of the new item, by name', async () => {
    const preview = await previewViewPublish({ db: d.db, actor: ops, now: NOW, undoSeconds: 60, config });
    expect(preview.action).toBe('Republish the stakeholder roadmap view (version 2)');
    expect(preview.message?.markdown).toContain('New: Usage billing');
    expect(preview.warnings.join(' ')).toMatch(/1 closed review waiting for it/);
    expect((await publishedView(d.db))!.version).toBe(1);
    expect((await review()).republishedAt).toBeNull();

    const row = await publishView({ db: d.db, actor: ops, now: NOW, hold: { seconds: 60 } });
    expect(row.version).toBe(2);
    const rows = await rowsOf(row.hold!.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(preview.recipients.total).toBe(rows.length);
    expect(preview.recipients.people).toEqual(await namesOf(row.hold!.id));
    expect(preview.recipients.people).toEqual(expect.arrayContaining(['Maya Chen', 'Sam Sales']));
    expect((await review()).viewVersion).toBe(2);
  });

  it('Undo within the window: version 1 stands again, the review waits again, nothing is sent', async () => {
    const b = (await d.db.query.broadcasts.findMany()).find((x) => x.kind === 'roadmap_view.publish')!;
    const undone = await undoBroadcast({ db: d.db, actor: ops, id: b.id, now: NOW });
    expect(undone.restored).toMatch(/stakeholders read version 1/);
    expect((await publishedView(d.db))!.version).toBe(1);
    expect(await rowsOf(b.id)).toHaveLength(0);
    expect(await review()).toMatchObject({ republishedAt: null, viewVersion: null });
  });

  it('after the window: 409 and the version stays', async () => {
    const row = await publishView({ db: d.db, actor: ops, now: NOW, hold: { seconds: 60 } });
    await expect(undoBroadcast({ db: d.db, actor: ops, id: row.hold!.id, now: LATE })).rejects.toThrow(
      /too late to undo/,
    );
    expect((await publishedView(d.db))!.version).toBe(2);
  });
});
