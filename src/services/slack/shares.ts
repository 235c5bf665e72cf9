import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { slackStatusShares } from '../../db/schema/index.ts';
import type { TStatusSubject } from '../../shared/status.ts';
import { scheduleAction } from '../scheduling.ts';

/** What a shared answer last told its channel: the thread hears again only when one of these changes. */
export interface ToldState {
  status: string;
  when: string | null;
}

/** Things whose later changes are told in the thread of a shared answer (the others do not move). */
export const FOLLOWED_SUBJECTS: readonly TStatusSubject[] = ['release', 'roadmap_item'];

export const SHARE_UPDATE = 'status.share_update' as const;

/** Keeps a shared answer (posted by the bot, so its ts is known) to reply in its thread when it changes. */
export async function recordShare(
  db: Db,
  s: {
    subject: TStatusSubject;
    subjectId: string;
    channelId: string;
    ts: string;
    sharedBy: string | null;
    told: ToldState;
    now: Date;
  },
): Promise<void> {
  if (!FOLLOWED_SUBJECTS.includes(s.subject)) return;
  await db
    .insert(slackStatusShares)
    .values({ ...s, createdAt: s.now })
    .onConflictDoNothing();
}

/**
 * After a change to a release or roadmap item, inside its transaction: when an answer about it was shared in
 * Slack, a job compares what the channel may read now with what its thread was told (the job builds the card,
 * which this layer cannot import without a cycle).
 */
export async function followShares(
  tx: Db,
  subject: TStatusSubject,
  id: string,
  now: Date,
  /** Later than now for an undoable action (services/broadcasts): its undo cancels the update by the key returned. */
  dueAt: Date = now,
): Promise<string | null> {
  const [shared] = await tx
    .select({ id: slackStatusShares.id })
    .from(slackStatusShares)
    .where(and(eq(slackStatusShares.subject, subject), eq(slackStatusShares.subjectId, id)))
    .limit(1);
  if (!shared) return null;
  const key = `${SHARE_UPDATE}:${subject}:${id}:${now.getTime()}`;
  await scheduleAction(tx, {
    kind: SHARE_UPDATE,
    key,
    dueAt,
    latePolicy: 'run_late',
    payload: { subject, id },
  });
  return key;
}
