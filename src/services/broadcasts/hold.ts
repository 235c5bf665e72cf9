import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { broadcasts, outbox } from '../../db/schema/index.ts';
import type { TBroadcastHeld, TBroadcastKind } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { type ActionHandler, scheduleAction } from '../scheduling.ts';

export const BROADCAST_RELEASE = 'broadcast.release' as const;
export const releaseKey = (id: string) => `${BROADCAST_RELEASE}:${id}`;

/** An undoable action under way: its id goes on the outbox rows it writes (`held` while `held` is true). */
export interface Hold {
  id: string;
  sendAt: Date;
  held: boolean;
}

/**
 * Opens the record of an undoable action inside its transaction, before it enqueues anything (the outbox rows
 * point at it). With a window (> 0 s) the messages wait as `held` and a scheduled action releases them at
 * `sendAt`; with 0 they go at once and there is nothing to undo. The undo recipe is set by `finishHold`.
 */
export async function openHold(
  tx: Db,
  o: { kind: TBroadcastKind; ref: string; title: string; actor: Actor; now: Date; seconds: number },
): Promise<Hold> {
  const held = o.seconds > 0;
  const sendAt = new Date(o.now.getTime() + o.seconds * 1000);
  const [row] = await tx
    .insert(broadcasts)
    .values({
      kind: o.kind,
      ref: o.ref,
      title: o.title,
      actorId: o.actor.personId,
      actorLabel: o.actor.label,
      createdAt: o.now,
      sendAt,
      status: held ? 'held' : 'released',
      undo: {},
    })
    .returning({ id: broadcasts.id });
  if (held)
    await scheduleAction(tx, {
      kind: BROADCAST_RELEASE,
      key: releaseKey(row!.id),
      dueAt: sendAt,
      latePolicy: 'run_late',
      payload: { broadcastId: row!.id },
    });
  return { id: row!.id, sendAt, held };
}

/** What undo needs to put the state back (the action's own record, typed by its kind's undo handler). */
export async function finishHold(tx: Db, hold: Hold, title: string, undo: object): Promise<void> {
  await tx.update(broadcasts).set({ undo, title }).where(eq(broadcasts.id, hold.id));
}

/** What Undo puts back, per kind, in words the banner shows. */
export const UNDOES: Record<TBroadcastKind, string> = {
  'weekly_update.publish':
    'Undo withdraws this version (the update goes back to how it was) and cancels its messages.',
  'roadmap.ratify': 'Undo takes the ratification back: the item waits for ratification again.',
  'roadmap.reject':
    'Undo takes the rejection back: the item has its proposed changes again and the PM is not told.',
  'insights_digest.publish': 'Undo withdraws this version of the digest and cancels its messages.',
  'roadmap_view.publish':
    'Undo withdraws this version of the stakeholder view (stakeholders read the one before) and cancels its messages.',
  'release_bundle.distribute':
    'Undo withdraws this version of the bundle (the release is not distributed again) and cancels its messages.',
  'release_bundle.publish':
    'Undo withdraws this version of the bundle (the final bundle is not published) and cancels its messages.',
};

/** The banner's data for a hold: null when nothing was held (a window of 0 s). */
export async function heldOf(tx: Db, hold: Hold | null): Promise<TBroadcastHeld | null> {
  if (!hold?.held) return null;
  const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, hold.id));
  const [n] = await tx
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.broadcastId, hold.id), eq(outbox.status, 'held')));
  return {
    id: b!.id,
    kind: b!.kind,
    title: b!.title,
    sendAt: b!.sendAt.toISOString(),
    status: b!.status,
    messages: n?.n ?? 0,
    undoes: UNDOES[b!.kind],
  };
}

/**
 * A person's actions still inside their undo window, oldest first: what the undo banner shows again after a
 * reload or on another page (only one's own, which are the ones one may undo).
 */
export async function heldBroadcastsOf(
  db: Db,
  personId: string | null,
  now: Date,
): Promise<TBroadcastHeld[]> {
  if (!personId) return [];
  const rows = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(eq(broadcasts.actorId, personId), eq(broadcasts.status, 'held'), gt(broadcasts.sendAt, now)))
    .orderBy(asc(broadcasts.createdAt));
  const out: TBroadcastHeld[] = [];
  for (const r of rows) {
    const held = await heldOf(db, { id: r.id, sendAt: now, held: true });
    if (held) out.push(held);
  }
  return out;
}

/** At the window's end: the held messages go to the relay (due now by its clock); the action stays. */
export const releaseBroadcast: ActionHandler<typeof BROADCAST_RELEASE> = async ({ tx, payload }) => {
  const [b] = await tx
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.id, payload.broadcastId), eq(broadcasts.status, 'held')))
    .for('update');
  if (!b) return;
  await tx.update(broadcasts).set({ status: 'released' }).where(eq(broadcasts.id, b.id));
  await tx
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.broadcastId, b.id), eq(outbox.status, 'held')));
};

export const BROADCAST_ACTIONS = { [BROADCAST_RELEASE]: releaseBroadcast };
