import { and, arrayContains, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, people, releases, roadmapItems } from '../../db/schema/index.ts';
import { dayText, followRelease } from '../../domain/roadmap/follow-release.ts';
import type { TRoadmapView } from '../../shared/roadmap.ts';
import { type Actor, systemActor } from '../actor.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { updateRoadmapItem } from './item-writes.ts';
import { publishView } from './publish.ts';
import { publishedView } from './view.ts';

/** Who changes an item that follows its release: prodops itself, named as such in the item's history. */
const FOLLOWER: Actor = systemActor('prodops (from the release)');

/**
 * One "when" per thing: after a release changes, each roadmap item shipping it follows (launched → Shipped, a
 * date outside the window widens it) as a working change that waits for the Roadmap Review; stakeholders keep the
 * ratified version until then. The area's PM and Product Ops are told.
 */
export async function followReleaseInRoadmap(tx: Db, releaseId: string, now: Date): Promise<void> {
  const [release] = await tx
    .select({
      title: releases.title,
      status: releases.status,
      targetDate: releases.targetDate,
      launchedOn: releases.launchedOn,
    })
    .from(releases)
    .where(eq(releases.id, releaseId));
  if (!release) return;
  const linked = await tx
    .select()
    .from(roadmapItems)
    .where(sql`${roadmapItems.state}->'releaseIds' @> ${JSON.stringify([releaseId])}::jsonb`);
  for (const item of linked) {
    const { patch, reasons } = followRelease(item.state, release);
    if (!reasons.length) continue;
    const note = `${reasons.join('; ')}. Follows the release; waits for the Roadmap Review.`;
    const after = await updateRoadmapItem({
      db: tx,
      actor: FOLLOWER,
      id: item.id,
      patch: { ...patch, note },
      now,
    });
    await flag(tx, item, after.version, note);
  }
  if (release.status === 'launched') await republishAfterLaunch(tx, releaseId, release, now);
}

/**
 * A launch is a fact stakeholders read at once: when the published view still shows the release's item as not
 * shipped, a new version is published (from what was ratified, launches shown) so no published artifact
 * contradicts the launch. Its subscribers hear of it like any republication.
 */
async function republishAfterLaunch(
  tx: Db,
  releaseId: string,
  release: { title: string; launchedOn: string | null },
  now: Date,
): Promise<void> {
  const latest = await publishedView(tx);
  const items = (latest?.json as TRoadmapView | undefined)?.items ?? [];
  const stale = items.filter((i) => i.status !== 'shipped' && i.releases.some((r) => r.id === releaseId));
  if (!stale.length) return;
  const on = release.launchedOn ? ` on ${dayText(release.launchedOn)}` : '';
  const note = `${release.title} launched${on}: ${stale.map((i) => i.title).join(', ')} shipped`;
  await publishView({ db: tx, actor: FOLLOWER, note, now });
}

export async function roadmapItemExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.select({ id: roadmapItems.id }).from(roadmapItems).where(eq(roadmapItems.id, id))).length > 0
  );
}

/** Offered when creating or editing a release: the item lists it (a working change, like any other). */
export async function linkRelease(
  tx: Db,
  o: { actor: Actor; itemId: string; releaseId: string; now: Date },
): Promise<void> {
  const [item] = await tx.select().from(roadmapItems).where(eq(roadmapItems.id, o.itemId));
  if (!item || item.state.releaseIds.includes(o.releaseId)) return;
  await updateRoadmapItem({
    db: tx,
    actor: o.actor,
    id: o.itemId,
    patch: { releaseIds: [...item.state.releaseIds, o.releaseId], note: 'Linked to its release' },
    now: o.now,
  });
}

/** Every release, once: the demo and an upgrade bring existing links into line. */
export async function followAllReleases(tx: Db, now: Date): Promise<void> {
  for (const r of await tx.select({ id: releases.id }).from(releases))
    await followReleaseInRoadmap(tx, r.id, now);
}

async function flag(tx: Db, item: typeof roadmapItems.$inferSelect, version: number, note: string) {
  const [area] = await tx.select({ owner: areas.ownerPmId }).from(areas).where(eq(areas.id, item.areaId));
  const ops = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])));
  const ids = [area?.owner, ...ops.map((p) => p.id)].filter((id): id is string => Boolean(id));
  await enqueueMessage(tx, {
    key: `roadmap.follows_release:${item.id}:v${version}`,
    kind: 'roadmap.follows_release',
    ref: item.id,
    message: {
      title: `Roadmap item follows its release: ${item.state.title}`,
      summary: `${note} Stakeholders keep seeing the ratified version until the Head of Product ratifies the change.`,
      link: { label: 'Open the item', url: `/roadmap/items/${item.id}` },
    },
    recipients: await recipientsForPeople(tx, [...new Set(ids)]),
  });
}
