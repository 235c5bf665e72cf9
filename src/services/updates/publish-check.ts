import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { artifactVersions } from '../../db/schema/index.ts';
import type { TPublishCheck } from '../../shared/updates.ts';
import { resolveRecipients } from '../delivery/recipients.ts';
import { WEEKLY_UPDATE } from './publish.ts';
import { cycleBoard } from './submissions.ts';

/**
 * What publishing the week now would do, read before the button acts: the areas still missing (named once in
 * the update), the absent ones with their reason, whether it is a correction, and how many recipients get it.
 */
export async function publishCheck(db: Db, week: string, now: Date): Promise<TPublishCheck> {
  const board = await cycleBoard(db, week, now);
  const [latest] = await db
    .select({ version: max(artifactVersions.version) })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, WEEKLY_UPDATE), eq(artifactVersions.key, week)));
  const recipients = await resolveRecipients(db, { kind: WEEKLY_UPDATE });
  const area = (a: (typeof board.areas)[number]) => ({
    areaId: a.areaId,
    areaName: a.areaName,
    pmName: a.pmName,
    reason: a.absentReason,
  });
  const version = latest?.version ?? 0;
  return {
    week,
    correction: version > 0,
    nextVersion: version + 1,
    submitted: board.areas.filter((a) => a.status === 'submitted' || a.status === 'late').length,
    missing: board.areas.filter((a) => a.status === 'missing').map(area),
    absent: board.areas.filter((a) => a.status === 'absent').map(area),
    recipients: {
      people: new Set(recipients.flatMap((r) => (r.personId ? [r.personId] : []))).size,
      channels: new Set(
        recipients.flatMap((r) => (r.channel !== 'inbox' && r.channelId ? [r.channelId] : [])),
      ).size,
    },
  };
}
