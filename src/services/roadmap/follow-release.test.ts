import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox } from '../../db/schema/index.ts';
import { systemActor } from '../actor.ts';
import { createRelease, updateRelease } from '../releases/releases.ts';
import { itemHistory } from './item-history.ts';
import { getRoadmapItem } from './item-reads.ts';
import { createRoadmapItem, markRatified } from './item-writes.ts';
import { publishView } from './publish.ts';
import { listViewVersions, publishedView } from './view.ts';

/** Issue 13, finding 2: "Salesforce sync v2" targeted 23 Dec in releases and "mid Jan – mid Mar" on the roadmap. */
let d: TestDatabase;
const now = new Date('2026-11-20T15:00:00Z');
const actor = systemActor('test');
let pm: string;
let ops: string;
let areaId: string;

beforeAll(async () => {
  d = await createTestDb();
  pm = (await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' })).id;
  ops = (await makePerson(d.db, { roles: ['product_ops'], name: 'Priya Shah' })).id;
  areaId = (await makeArea(d.db, { name: 'Integrations', ownerPmId: pm })).id;
});
afterAll(() => d.close());

async function ratifiedItem(title: string) {
  const item = await createRoadmapItem({
    db: d.db,
    actor,
    now,
    input: {
      title,
      summary: 'Two-way sync',
      areaId,
      confidence: 'medium',
      earliest: '2027-01-11',
      latest: '2027-03-15',
    },
  });
  await markRatified(d.db, item.id, 1, now);
  return item;
}

describe('one "when" for a release and its roadmap item', () => {
  it('a release created for an item outside its window: the item lists it, widens, waits for review, and says so', async () => {
    const item = await ratifiedItem('Salesforce sync v2');
    const release = await createRelease({
      db: d.db,
      actor,
      now,
      input: { title: 'Salesforce sync v2', areaId, targetDate: '2026-12-23', roadmapItemId: item.id },
    });
    const working = (await getRoadmapItem(d.db, item.id, now))!;
    expect(working).toMatchObject({
      releaseIds: [release.id],
      earliest: '2026-12-23',
      latest: '2027-03-15',
      pending: true,
    });
    expect((await itemHistory(d.db, item.id))[0]!.note).toBe(
      'Salesforce sync v2 targets 23 Dec 2026, outside the roadmap window Mid Jan – mid Mar 2027. Follows the release; waits for the Roadmap Review.',
    );
    // Stakeholders keep the ratified window until the Head of Product decides.
    expect(await getRoadmapItem(d.db, item.id, now, 'stakeholder')).toMatchObject({
      earliest: '2027-01-11',
      latest: '2027-03-15',
    });
    const flags = await d.db.select().from(outbox).where(eq(outbox.kind, 'roadmap.follows_release'));
    expect(new Set(flags.map((f) => f.personId))).toEqual(new Set([pm, ops]));
  });

  it('a launch makes the linked item Shipped', async () => {
    const item = await ratifiedItem('Bulk user import');
    const release = await createRelease({
      db: d.db,
      actor,
      now,
      input: { title: 'Bulk user import', areaId, targetDate: '2027-02-01', roadmapItemId: item.id },
    });
    expect((await getRoadmapItem(d.db, item.id, now))!.status).toBe('planned');
    await updateRelease({ db: d.db, actor, now, id: release.id, patch: { status: 'launched' } });
    expect(await getRoadmapItem(d.db, item.id, now)).toMatchObject({
      status: 'shipped',
      earliest: '2026-11-20',
      pending: true,
    });
  });

  it('a launch republishes a published view that still shows its item as not shipped, once', async () => {
    const item = await ratifiedItem('SCIM provisioning');
    const release = await createRelease({
      db: d.db,
      actor,
      now,
      input: { title: 'SCIM v1', areaId, targetDate: '2027-02-01', roadmapItemId: item.id },
    });
    await markRatified(d.db, item.id, 2, now);
    const before = await publishView({ db: d.db, actor, now });
    const shown = (v: { json: unknown }) =>
      (v.json as { items: { title: string; status: string }[] }).items.find(
        (i) => i.title === 'SCIM provisioning',
      );
    expect(shown(before)?.status).toBe('planned');

    const later = new Date('2026-11-24T10:00:00Z');
    await updateRelease({ db: d.db, actor, now: later, id: release.id, patch: { status: 'launched' } });
    const after = (await publishedView(d.db))!;
    expect(after.version).toBe(before.version + 1);
    expect(shown(after)?.status).toBe('shipped');
    expect(after.changes[0]).toBe('SCIM v1 launched on 24 Nov 2026: SCIM provisioning shipped');
    expect(after.publishedBy).toBe('prodops (from the release)');

    // Nothing left to tell: a later edit of the launched release publishes nothing.
    await updateRelease({ db: d.db, actor, now: later, id: release.id, patch: { title: 'SCIM v1 (GA)' } });
    expect((await listViewVersions(d.db))[0]!.version).toBe(after.version);
  });

  it('names a roadmap item that does not exist', async () => {
    await expect(
      createRelease({
        db: d.db,
        actor,
        now,
        input: { title: 'X', targetDate: '2027-02-01', roadmapItemId: crypto.randomUUID() },
      }),
    ).rejects.toMatchObject({ fields: [{ path: 'roadmapItemId', message: 'is not a known roadmap item' }] });
  });
});
