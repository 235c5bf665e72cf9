import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  artifactVersions,
  followUps,
  occurrenceAttendance,
  ritualOccurrences,
  updateCycles,
} from '../../db/schema/index.ts';
import { OCCURRENCE_STATUSES } from '../../shared/cadence.ts';
import { AppError } from '../../shared/errors.ts';
import { findArtifactVersion } from '../artifacts.ts';

/** What publishing a version changed, as it was before: enough to put every row back (no partial undo). */
export const ZPublishUndo = z.object({
  week: z.string(),
  versionId: z.string(),
  version: z.number().int(),
  /** The cycle's publication instant before: null for a first publication. */
  cyclePublishedAt: z.string().nullable(),
  /** Follow-ups this publication opened (a correction opens only new risks'). */
  followUpIds: z.array(z.string()),
  /** The ritual's occurrences it marked as having their artifact, with their status before. */
  occurrenceIds: z.array(z.object({ id: z.string(), status: z.enum(OCCURRENCE_STATUSES) })),
  /** Attendance it wrote, with what was there before (null: no row). */
  attendance: z.array(
    z.object({ occurrenceId: z.string(), personId: z.string(), present: z.boolean().nullable() }),
  ),
});
export type PublishUndo = z.infer<typeof ZPublishUndo>;

/**
 * Withdraws a publication inside the undo's transaction: the version, the cycle's publication time, the
 * follow-ups it opened, the ritual's artifact and attendance. Only the latest version can be withdrawn.
 */
export async function undoPublish(tx: Db, recipe: unknown, now: Date): Promise<string> {
  const u = ZPublishUndo.parse(recipe);
  const latest = await findArtifactVersion(tx, 'weekly_update', u.week);
  if (latest && latest.id !== u.versionId)
    throw new AppError(
      'conflict',
      `version ${latest.version} of ${u.week} was published since: undo that one first, or publish a correction`,
    );
  await tx.delete(artifactVersions).where(eq(artifactVersions.id, u.versionId));
  await tx
    .update(updateCycles)
    .set({ publishedAt: u.cyclePublishedAt ? new Date(u.cyclePublishedAt) : null })
    .where(eq(updateCycles.week, u.week));
  if (u.followUpIds.length) await tx.delete(followUps).where(inArray(followUps.id, u.followUpIds));
  for (const o of u.occurrenceIds)
    await tx
      .update(ritualOccurrences)
      .set({ artifactProducedAt: null, artifactRef: null, status: o.status, updatedAt: now })
      .where(eq(ritualOccurrences.id, o.id));
  for (const a of u.attendance) {
    const key = and(
      eq(occurrenceAttendance.occurrenceId, a.occurrenceId),
      eq(occurrenceAttendance.personId, a.personId),
    );
    if (a.present === null) await tx.delete(occurrenceAttendance).where(key);
    else await tx.update(occurrenceAttendance).set({ present: a.present }).where(key);
  }
  return u.version > 1
    ? `Correction ${u.version} withdrawn: version ${u.version - 1} of ${u.week} stands, and nobody was messaged.`
    : `The weekly update for ${u.week} is unpublished again, and nobody was messaged.`;
}
