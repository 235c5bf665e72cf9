import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, sessions } from '../../db/schema/index.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/**
 * Signs a person out everywhere but the session or token making the change (when they change their own
 * credentials): after a password or role change, whoever held the old credentials holds nothing.
 */
export async function endOtherAccess(
  tx: Db,
  opts: { actor: Actor; personId: string; now: Date; reason: string },
): Promise<{ sessions: number; tokens: number }> {
  const self = opts.actor.personId === opts.personId;
  const keepSession = self ? opts.actor.via?.sessionId : undefined;
  const keepToken = self ? opts.actor.via?.tokenId : undefined;
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.personId, opts.personId), keepSession ? ne(sessions.id, keepSession) : undefined))
    .returning({ id: sessions.id });
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: opts.now })
    .where(
      and(
        eq(apiTokens.personId, opts.personId),
        isNull(apiTokens.revokedAt),
        keepToken ? ne(apiTokens.id, keepToken) : undefined,
      ),
    )
    .returning({ id: apiTokens.id });
  const counts = { sessions: ended.length, tokens: revoked.length };
  await recordAudit(tx, {
    actor: opts.actor,
    action: 'person.access_ended',
    entityType: 'person',
    entityId: opts.personId,
    change: { reason: opts.reason, ...counts },
  });
  return counts;
}
