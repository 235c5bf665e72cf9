import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roadmapItemSizes, roadmapItems } from '../../db/schema/index.ts';
import { notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/** Sets (or, with null, clears) an item's size in engineer-weeks: what the trade-off menu plans with. */
export async function setItemSize(o: {
  db: Db;
  actor: Actor;
  itemId: string;
  engineerWeeks: number | null;
  now: Date;
}): Promise<{ itemId: string; engineerWeeks: number | null }> {
  return o.db.transaction(async (tx) => {
    const [item] = await tx
      .select({ id: roadmapItems.id })
      .from(roadmapItems)
      .where(eq(roadmapItems.id, o.itemId));
    if (!item) throw notFound('roadmap item');
    const [before] = await tx.select().from(roadmapItemSizes).where(eq(roadmapItemSizes.itemId, o.itemId));
    if (o.engineerWeeks === null) {
      await tx.delete(roadmapItemSizes).where(eq(roadmapItemSizes.itemId, o.itemId));
    } else {
      const row = { engineerWeeks: o.engineerWeeks, setBy: o.actor.label, setAt: o.now };
      await tx
        .insert(roadmapItemSizes)
        .values({ itemId: o.itemId, ...row })
        .onConflictDoUpdate({ target: roadmapItemSizes.itemId, set: row });
    }
    await recordAudit(tx, {
      actor: o.actor,
      action: 'roadmap_item.size',
      entityType: 'roadmap_item',
      entityId: o.itemId,
      change: { engineerWeeks: { from: before?.engineerWeeks ?? null, to: o.engineerWeeks } },
    });
    return { itemId: o.itemId, engineerWeeks: o.engineerWeeks };
  });
}

/** Sizes of the given items (absent: not sized). */
export async function sizesOf(db: Db, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.select().from(roadmapItemSizes).where(inArray(roadmapItemSizes.itemId, itemIds));
  return new Map(rows.map((r) => [r.itemId, r.engineerWeeks]));
}
