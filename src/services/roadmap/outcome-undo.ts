import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  roadmapItemRatifications,
  roadmapItems,
  roadmapItemVersions,
  roadmapReviewOutcomes,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { TRoadmapItemState } from '../../shared/roadmap.ts';
import { cancelAction } from '../scheduling.ts';

/** What a ratification or rejection changed, as it was before (the item's row, the rows it added). */
export const ZOutcomeUndo = z.object({
  reviewId: z.string(),
  itemId: z.string(),
  outcomeId: z.string(),
  ratificationId: z.string(),
  ratifiedBefore: z.number().int().nullable(),
  versionBefore: z.number().int(),
  stateBefore: z.custom<TRoadmapItemState>((v) => typeof v === 'object' && v !== null),
  updatedAtBefore: z.string(),
  /** The "revert" version a rejection wrote; null for a ratification. */
  revertVersion: z.number().int().nullable(),
  /** The Slack threads' updates it scheduled (at the end of the window). */
  shareKeys: z.array(z.string()),
});
export type OutcomeUndo = z.infer<typeof ZOutcomeUndo>;

const conflict = (message: string) => new AppError('conflict', message);

/**
 * Takes a ratification or rejection back inside the undo's transaction: the item's row as it was, the revert
 * version, the ratification and the outcome removed, the threads' updates cancelled. Refused (409) once the
 * review closed (its agenda is kept as it stood) or the item changed since.
 */
export async function undoOutcome(tx: Db, recipe: unknown): Promise<string> {
  const u = ZOutcomeUndo.parse(recipe);
  const [review] = await tx.select().from(roadmapReviews).where(eq(roadmapReviews.id, u.reviewId));
  if (review?.closedAt) throw conflict('the review was closed since: its record stands as it was closed');
  const [item] = await tx.select().from(roadmapItems).where(eq(roadmapItems.id, u.itemId)).for('update');
  if (!item) throw conflict('the roadmap item was deleted since');
  const after = u.revertVersion ?? u.versionBefore;
  if (item.version !== after || item.ratifiedVersion !== after)
    throw conflict(`${item.state.title} changed since: undo would overwrite that change`);
  await tx
    .update(roadmapItems)
    .set({
      state: u.stateBefore,
      areaId: u.stateBefore.areaId,
      version: u.versionBefore,
      ratifiedVersion: u.ratifiedBefore,
      updatedAt: new Date(u.updatedAtBefore),
    })
    .where(eq(roadmapItems.id, u.itemId));
  if (u.revertVersion !== null)
    await tx
      .delete(roadmapItemVersions)
      .where(and(eq(roadmapItemVersions.itemId, u.itemId), eq(roadmapItemVersions.version, u.revertVersion)));
  await tx.delete(roadmapItemRatifications).where(eq(roadmapItemRatifications.id, u.ratificationId));
  await tx.delete(roadmapReviewOutcomes).where(eq(roadmapReviewOutcomes.id, u.outcomeId));
  for (const key of u.shareKeys) await cancelAction(tx, key);
  return u.revertVersion !== null
    ? `The rejection of ${u.stateBefore.title} is taken back: its changes wait for ratification again, and the PM was not told.`
    : `The ratification of ${u.stateBefore.title} is taken back: its changes wait for ratification again.`;
}
