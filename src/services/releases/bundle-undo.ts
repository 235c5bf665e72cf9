import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { artifactVersions, enablementBundles, readinessLinks } from '../../db/schema/index.ts';
import { AppError } from '../../shared/errors.ts';
import { findArtifactVersion } from '../artifacts.ts';
import { sha256 } from '../auth/tokens.ts';
import { replanRelease } from './schedule.ts';

/**
 * What distributing or publishing a bundle changed: its version, the stage's stamp as it was before (the first
 * distribution's day is kept by later ones). Readiness links are made as each copy is sent, after the undo window.
 */
export const ZBundleReleaseUndo = z.object({
  releaseId: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  stage: z.enum(['distribution', 'publication']),
  before: z.object({ on: z.string().nullable(), at: z.string().nullable() }),
  /** Plain tokens of links made at distribution, from before links were made as each copy is sent. */
  createdLinks: z.array(z.string()).default([]),
});
export type BundleReleaseUndo = z.input<typeof ZBundleReleaseUndo>;

/**
 * Withdraws a distribution or publication inside the undo's transaction: its version goes, the bundle's stamp is
 * what it was, the unused readiness links it made go and the release's deadlines are planned again. Only the
 * release's latest bundle version can be withdrawn.
 */
export async function undoBundleRelease(tx: Db, recipe: unknown, now: Date): Promise<string> {
  const u = ZBundleReleaseUndo.parse(recipe);
  const latest = await findArtifactVersion(tx, 'enablement_bundle', u.releaseId);
  if (latest && latest.id !== u.versionId)
    throw new AppError('conflict', `bundle version ${latest.version} was sent since: undo that one first`);
  await tx.delete(artifactVersions).where(eq(artifactVersions.id, u.versionId));
  const field = u.stage === 'distribution' ? 'distributed' : 'published';
  await tx
    .update(enablementBundles)
    .set({ [`${field}On`]: u.before.on, [`${field}At`]: u.before.at ? new Date(u.before.at) : null })
    .where(eq(enablementBundles.releaseId, u.releaseId));
  if (u.createdLinks.length)
    await tx
      .delete(readinessLinks)
      .where(
        and(inArray(readinessLinks.tokenHash, u.createdLinks.map(sha256)), isNull(readinessLinks.usedAt)),
      );
  await replanRelease(tx, u.releaseId, now);
  return u.stage === 'distribution'
    ? `The bundle is not distributed (version ${u.version} withdrawn), and nobody was messaged.`
    : `The final bundle is not published (version ${u.version} withdrawn), and nobody was messaged.`;
}
