import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { artifactVersions, roadmapReviews } from '../../db/schema/index.ts';
import { AppError } from '../../shared/errors.ts';
import { publishedView } from './view.ts';

/** What republishing the stakeholder view changed: its version, and the closed reviews it answered. */
export const ZViewPublishUndo = z.object({
  versionId: z.string(),
  version: z.number().int(),
  reviews: z.array(z.object({ id: z.string(), viewVersion: z.number().int().nullable() })),
});
export type ViewPublishUndo = z.infer<typeof ZViewPublishUndo>;

/**
 * Withdraws a republication inside the undo's transaction: its version goes (stakeholders read the one before)
 * and the reviews it answered wait for a republication again. Only the latest version can be withdrawn.
 */
export async function undoViewPublish(tx: Db, recipe: unknown): Promise<string> {
  const u = ZViewPublishUndo.parse(recipe);
  const latest = await publishedView(tx);
  if (latest && latest.id !== u.versionId)
    throw new AppError(
      'conflict',
      `version ${latest.version} of the stakeholder view was published since: undo that one first`,
    );
  await tx.delete(artifactVersions).where(eq(artifactVersions.id, u.versionId));
  for (const r of u.reviews)
    await tx
      .update(roadmapReviews)
      .set({ republishedAt: null, viewVersion: r.viewVersion })
      .where(eq(roadmapReviews.id, r.id));
  return u.version > 1
    ? `Version ${u.version} of the stakeholder view is withdrawn: stakeholders read version ${u.version - 1}, and nobody was messaged.`
    : 'The stakeholder view is unpublished again, and nobody was messaged.';
}
