import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { broadcasts, outbox } from '../../db/schema/index.ts';
import type { TBroadcastKind, TBroadcastUndone } from '../../shared/broadcasts.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { localTimeText } from '../cadence/reminders.ts';
import { undoDigestPublish } from '../insights/digest-undo.ts';
import { getSettings } from '../org/settings.ts';
import { undoBundleRelease } from '../releases/bundle-undo.ts';
import { undoOutcome } from '../roadmap/outcome-undo.ts';
import { undoViewPublish } from '../roadmap/publish-undo.ts';
import { cancelAction } from '../scheduling.ts';
import { undoPublish } from '../updates/publish-undo.ts';
import { releaseKey } from './hold.ts';

/** Each kind puts its own state back from its recipe and says what it did, or refuses with a conflict. */
const UNDO: Record<TBroadcastKind, (tx: Db, recipe: unknown, now: Date) => Promise<string>> = {
  'weekly_update.publish': undoPublish,
  'roadmap.ratify': (tx, recipe) => undoOutcome(tx, recipe),
  'roadmap.reject': (tx, recipe) => undoOutcome(tx, recipe),
  'insights_digest.publish': (tx, recipe) => undoDigestPublish(tx, recipe),
  'roadmap_view.publish': undoViewPublish,
  'release_bundle.distribute': undoBundleRelease,
  'release_bundle.publish': undoBundleRelease,
};

export async function getBroadcast(db: Db, id: string) {
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return row ?? null;
}

/**
 * Undoes an action while its window is open (now < send_at and its messages still held): its state put back and
 * its held messages deleted in one transaction, so nobody hears of it and nothing half-undone stays. After the
 * window, or once released or undone: 409 saying so.
 */
export async function undoBroadcast(o: {
  db: Db;
  actor: Actor;
  id: string;
  now: Date;
}): Promise<TBroadcastUndone> {
  return o.db.transaction(async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, o.id)).for('update');
    if (!b) throw new AppError('not_found', 'broadcast not found');
    if (b.status === 'undone') throw new AppError('conflict', `"${b.title}" was already undone`);
    if (b.status === 'released' || o.now.getTime() >= b.sendAt.getTime()) {
      const { timeZone } = await getSettings(tx);
      throw new AppError(
        'conflict',
        `too late to undo "${b.title}": its undo window closed ${localTimeText(b.sendAt, timeZone)} and its messages are sent or on their way`,
      );
    }
    const restored = await UNDO[b.kind](tx, b.undo, o.now);
    const cancelled = await tx
      .delete(outbox)
      .where(and(eq(outbox.broadcastId, b.id), eq(outbox.status, 'held')))
      .returning({ id: outbox.id });
    await cancelAction(tx, releaseKey(b.id));
    await tx
      .update(broadcasts)
      .set({ status: 'undone', undoneAt: o.now, undoneBy: o.actor.label })
      .where(eq(broadcasts.id, b.id));
    await recordAudit(tx, {
      actor: o.actor,
      action: `${b.kind}.undo`,
      entityType: 'broadcast',
      entityId: b.id,
      change: { kind: b.kind, ref: b.ref, cancelledMessages: cancelled.length },
    });
    return {
      id: b.id,
      kind: b.kind,
      title: b.title,
      status: 'undone' as const,
      cancelledMessages: cancelled.length,
      restored,
    };
  });
}
