import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveryLog, inboxItems, outbox } from '../../db/schema/index.ts';
import { ENABLEMENT_BUNDLE } from '../releases/bundle.ts';

const DAY_MS = 86_400_000;

/**
 * The demo's history as the outbox relay would have left it: a release's bundle messages enqueued at a back-dated
 * instant are sent then (logged), and the inbox ones read the next day. Without it the demo's past launches would
 * look untold on the metrics page, their bundles sent only when the server first starts.
 */
export async function sentInThePast(tx: Db, releaseId: string, at: Date): Promise<void> {
  const rows = await tx
    .update(outbox)
    .set({ status: 'sent', attempts: 1, sentAt: at, createdAt: at, nextAttemptAt: at })
    .where(
      and(
        eq(outbox.kind, ENABLEMENT_BUNDLE),
        like(outbox.ref, `${releaseId}:%`),
        eq(outbox.status, 'pending'),
      ),
    )
    .returning();
  for (const row of rows) {
    await tx.insert(deliveryLog).values({
      outboxId: row.id,
      at,
      kind: row.kind,
      ref: row.ref,
      channel: row.channel,
      personId: row.personId,
      channelId: row.channelId,
      address: row.address,
      attempt: 1,
      result: 'sent',
      detail: row.channel,
    });
    if (row.channel === 'inbox' && row.personId)
      await tx.insert(inboxItems).values({
        personId: row.personId,
        outboxId: row.id,
        kind: row.kind,
        message: row.message,
        createdAt: at,
        readAt: new Date(at.getTime() + DAY_MS),
      });
  }
}
