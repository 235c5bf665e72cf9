import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { artifactVersions } from '../../db/schema/index.ts';
import { AppError } from '../../shared/errors.ts';
import { findArtifactVersion } from '../artifacts.ts';

/** What publishing a digest added: its version (nothing else changes; the audit record stays). */
export const ZDigestUndo = z.object({ month: z.string(), versionId: z.string(), version: z.number().int() });
export type DigestUndo = z.infer<typeof ZDigestUndo>;

/** Withdraws the digest's version inside the undo's transaction; only the month's latest can be withdrawn. */
export async function undoDigestPublish(tx: Db, recipe: unknown): Promise<string> {
  const u = ZDigestUndo.parse(recipe);
  const latest = await findArtifactVersion(tx, 'insights_digest', u.month);
  if (latest && latest.id !== u.versionId)
    throw new AppError(
      'conflict',
      `version ${latest.version} of the ${u.month} digest was published since: undo that one first`,
    );
  await tx.delete(artifactVersions).where(eq(artifactVersions.id, u.versionId));
  return u.version > 1
    ? `Version ${u.version} of the ${u.month} digest is withdrawn: version ${u.version - 1} stands, and nobody was messaged.`
    : `The ${u.month} digest is unpublished again, and nobody was messaged.`;
}
