import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { recordDecision } from '../decisions/decisions.ts';
import { deleteArea, updateArea } from '../org/areas.ts';
import { createRelease, deleteRelease, updateRelease } from '../releases/releases.ts';
import { createRoadmapItem, markRatified, updateRoadmapItem } from '../roadmap/item-writes.ts';
import { searchStatus } from './search.ts';

/**
 * status_search is written by triggers only: after every kind of write the search finds what the tables say now,
 * under the names they have now, and a stakeholder only ratified titles of items shown to them.
 */
const clock = manualClock('2026-11-18T15:00:00Z');
const actor = systemActor('test');
let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDb({ now: clock.now() });
  db = t.db;
}, 60_000);
afterAll(() => t.close());

/** What the reader finds for the question, as "subject:title" (areas with their area name). */
async function found(q: string, reader: 'org' | 'stakeholder' = 'org') {
  return (await searchStatus(db, q, reader)).map((h) => `${h.subject}:${h.title}`);
}

/** status_search as it should be, read again from the tables (the migration's backfill). */
async function drift(): Promise<unknown[]> {
  const key = sql`subject || ' ' || id || ' ' || audience || ' ' || title || ' ' || coalesce(area_id::text, '-')`;
  const expected = sql`
    select 'release' as subject, id, 'everyone' as audience, title, area_id from releases
    union all select 'decision', id, 'everyone', title, null from decisions
    union all select 'area', id, 'everyone', name, id from areas
    union all select 'roadmap_item', id, 'org', state->>'title', area_id from roadmap_items
    union all select 'roadmap_item', i.id, 'stakeholders', v.state->>'title', i.area_id
      from roadmap_items i join roadmap_item_versions v on v.item_id = i.id and v.version = i.ratified_version
      where v.state->>'visibility' = 'stakeholders'`;
  const res = await db.execute(sql`
    (select ${key} as row, 'missing' as what from (${expected}) e except select ${key}, 'missing' from status_search)
    union all
    (select ${key}, 'extra' from status_search except select ${key}, 'extra' from (${expected}) e)`);
  return rowsOf(res);
}

describe('status_search, kept by triggers', () => {
  it('finds a release under its new name after a rename, not the old one, and not after it is deleted', async () => {
    const area = await makeArea(db, { name: 'Ledger' });
    const release = await createRelease({
      db,
      actor,
      now: clock.now(),
      input: { title: 'Aurora invoice exports', areaId: area.id, targetDate: '2027-03-01', tier: 3 },
    });
    expect(await found('aurora invoice')).toContain('release:Aurora invoice exports');
    expect(await found('aurora invoice', 'stakeholder')).toContain('release:Aurora invoice exports');

    await updateRelease({
      db,
      actor,
      id: release.id,
      now: clock.now(),
      patch: { title: 'Borealis tax reports' },
    });
    expect(await found('borealis tax')).toContain('release:Borealis tax reports');
    expect(await found('aurora invoice')).not.toContain('release:Aurora invoice exports');

    // The area's name is read when asked: a renamed area shows on the release's hit.
    await updateArea({ db, actor, id: area.id, now: clock.now(), patch: { name: 'General ledger' } });
    const [hit] = (await searchStatus(db, 'borealis tax', 'org')).filter((h) => h.id === release.id);
    expect(hit?.areaName).toBe('General ledger');
    expect(await found('general ledger')).toContain('area:General ledger');
    expect(await found('ledger')).not.toContain('area:Ledger');

    await deleteRelease({ db, actor, id: release.id, now: clock.now() });
    expect(await found('borealis tax')).not.toContain('release:Borealis tax reports');
    expect(await drift()).toEqual([]);
  });

  it('an area deleted is not found; its releases stay, without an area', async () => {
    const area = await makeArea(db, { name: 'Kestrel mobile' });
    const release = await createRelease({
      db,
      actor,
      now: clock.now(),
      input: { title: 'Kestrel offline sync', areaId: area.id, targetDate: '2027-04-01', tier: 3 },
    });
    await deleteArea({ db, actor, id: area.id });
    expect(await found('kestrel mobile')).not.toContain('area:Kestrel mobile');
    const [hit] = (await searchStatus(db, 'kestrel offline sync', 'org')).filter((h) => h.id === release.id);
    expect(hit).toMatchObject({ title: 'Kestrel offline sync', areaName: null });
    expect(await drift()).toEqual([]);
  });

  it('a stakeholder finds a roadmap item by its ratified title only, and only while it is shown to them', async () => {
    const area = await makeArea(db);
    const item = await createRoadmapItem({
      db,
      actor,
      now: clock.now(),
      input: {
        title: 'Zephyr exports',
        summary: 'Exports',
        areaId: area.id,
        confidence: 'medium',
        earliest: '2027-01-04',
        latest: '2027-02-26',
      },
    });
    // Never ratified: the product org finds it, stakeholders do not.
    expect(await found('zephyr exports')).toContain('roadmap_item:Zephyr exports');
    expect(await found('zephyr exports', 'stakeholder')).not.toContain('roadmap_item:Zephyr exports');

    await markRatified(db, item.id, 1, clock.now());
    expect(await found('zephyr exports', 'stakeholder')).toContain('roadmap_item:Zephyr exports');

    // A working change: the org finds the new title, stakeholders the ratified one until it is ratified.
    await updateRoadmapItem({ db, actor, id: item.id, now: clock.now(), patch: { title: 'Quasar exports' } });
    expect(await found('quasar exports')).toContain('roadmap_item:Quasar exports');
    expect(await found('zephyr exports')).not.toContain('roadmap_item:Zephyr exports');
    expect(await found('quasar exports', 'stakeholder')).not.toContain('roadmap_item:Quasar exports');
    expect(await found('zephyr exports', 'stakeholder')).toContain('roadmap_item:Zephyr exports');

    await markRatified(db, item.id, 2, clock.now());
    expect(await found('quasar exports', 'stakeholder')).toContain('roadmap_item:Quasar exports');
    expect(await found('zephyr exports', 'stakeholder')).not.toContain('roadmap_item:Zephyr exports');

    // Made internal and ratified so: stakeholders no longer find it at all.
    await updateRoadmapItem({ db, actor, id: item.id, now: clock.now(), patch: { visibility: 'internal' } });
    expect(await found('quasar exports', 'stakeholder')).toContain('roadmap_item:Quasar exports');
    await markRatified(db, item.id, 3, clock.now());
    expect(await found('quasar exports', 'stakeholder')).not.toContain('roadmap_item:Quasar exports');
    expect(await found('quasar exports')).toContain('roadmap_item:Quasar exports');
    expect(await drift()).toEqual([]);

    // Removed (the versions go with it): found by no one.
    await db.execute(sql`delete from roadmap_items where id = ${item.id}`);
    expect(await found('quasar exports')).not.toContain('roadmap_item:Quasar exports');
    expect(await drift()).toEqual([]);
  });

  it('an item written with its ratified version in one statement (the version row after the item) is found', async () => {
    const area = await makeArea(db);
    await db.execute(sql`
      with item as (
        insert into roadmap_items (area_id, state, version, ratified_version)
        values (${area.id}, jsonb_build_object('title', 'Pulsar alerts', 'visibility', 'stakeholders'), 1, 1)
        returning id, state
      )
      insert into roadmap_item_versions (item_id, version, state, changed_by)
      select id, 1, state, 'test' from item`);
    expect(await found('pulsar alerts', 'stakeholder')).toContain('roadmap_item:Pulsar alerts');
    expect(await drift()).toEqual([]);
  });

  it('finds a decision once recorded', async () => {
    const owner = await makePerson(db);
    await recordDecision({
      db,
      actor,
      now: clock.now(),
      input: {
        title: 'Sunset the legacy Nimbus importer',
        context: 'Two importers',
        options: ['keep both', 'sunset Nimbus'],
        rationale: 'One importer to keep',
        ownerId: owner.id,
        reviewDate: '2027-05-01',
      },
    });
    expect(await found('nimbus importer', 'stakeholder')).toContain(
      'decision:Sunset the legacy Nimbus importer',
    );
    expect(await drift()).toEqual([]);
  });
});
