import type { Db } from '../src/db/client.ts';
import { systemActor } from '../src/services/actor.ts';
import { createPerson } from '../src/services/org/people.ts';
import { createRelease } from '../src/services/releases/releases.ts';
import { createRoadmapItem } from '../src/services/roadmap/item-writes.ts';
import { addDays } from '../src/shared/calendar.ts';

const actor = systemActor('bench');

/**
 * Grows the demo org to the large size through the services (so rows are what the product writes):
 * `releases` releases, `items` roadmap items and `people` people in all, spread over the demo's areas and PMs.
 */
export async function growOrg(
  db: Db,
  o: { now: Date; releases: number; items: number; people: number },
): Promise<void> {
  const areas = await db.query.areas.findMany({ columns: { id: true, ownerPmId: true } });
  const counts = {
    releases: (await db.query.releases.findMany({ columns: { id: true } })).length,
    items: (await db.query.roadmapItems.findMany({ columns: { id: true } })).length,
    people: (await db.query.people.findMany({ columns: { id: true } })).length,
  };
  const today = o.now.toISOString().slice(0, 10);
  for (let i = counts.people; i < o.people; i++)
    await createPerson({
      db,
      actor,
      input: {
        name: `Bench Person ${i}`,
        email: `bench-${i}@example.com`,
        function: 'sales',
        roles: ['stakeholder'],
      },
    });
  for (let i = counts.releases; i < o.releases; i++) {
    const area = areas[i % areas.length]!;
    await createRelease({
      db,
      actor,
      now: o.now,
      input: {
        title: `Bench release ${i}`,
        areaId: area.id,
        pmOwnerId: area.ownerPmId ?? null,
        targetDate: addDays(today, 30 + (i % 200)),
      },
    });
  }
  for (let i = counts.items; i < o.items; i++) {
    const start = addDays(today, 14 + (i % 300));
    await createRoadmapItem({
      db,
      actor,
      now: o.now,
      input: {
        title: `Bench item ${i}`,
        summary: 'Grown for the API bench',
        areaId: areas[i % areas.length]!.id,
        confidence: 'medium',
        earliest: start,
        latest: addDays(start, 42),
      },
    });
  }
}
