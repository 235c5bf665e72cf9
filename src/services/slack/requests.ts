import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, slackSeenRequests } from '../../db/schema/index.ts';
import type { SeenRequests } from '../../integrations/slack/signature.ts';
import type { TFunction, TRole } from '../../shared/roles.ts';

/**
 * Slack's requests, shared by every instance: the replay guard keeps accepted signatures in
 * `slack_seen_requests` (primary key: a second insert of the same signature, on any instance, finds it), and
 * rows whose request could no longer pass the timestamp check are deleted as new ones arrive.
 */
export function seenSlackRequests(db: Db): SeenRequests {
  return {
    async firstSeen(signature, { now, keepUntil }) {
      await db.delete(slackSeenRequests).where(lt(slackSeenRequests.keepUntil, now));
      const inserted = await db
        .insert(slackSeenRequests)
        .values({ signature, seenAt: now, keepUntil })
        .onConflictDoNothing()
        .returning({ signature: slackSeenRequests.signature });
      return inserted.length === 1;
    },
  };
}

/** The active person whose profile holds this Slack user id, or null (unknown, or no longer active). */
export async function personBySlackId(
  db: Db,
  slackUserId: string,
): Promise<{ id: string; name: string; roles: TRole[]; function: TFunction } | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, roles: people.roles, function: people.function })
    .from(people)
    .where(and(eq(people.slackId, slackUserId), eq(people.active, true)))
    .limit(1);
  return row ?? null;
}
