import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveryLog, outbox, people } from '../../db/schema/index.ts';
import type { TDeliveryChannel, TDeliveryStatus } from '../../shared/delivery.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { decodeCursor, pageOf } from '../paging.ts';

function toView(r: { o: typeof outbox.$inferSelect; personName: string | null }) {
  return {
    id: r.o.id,
    kind: r.o.kind,
    ref: r.o.ref,
    channel: r.o.channel,
    personId: r.o.personId,
    personName: r.personName,
    channelId: r.o.channelId,
    address: r.o.address,
    title: (r.o.message as { title?: string }).title ?? '',
    status: r.o.status,
    attempts: r.o.attempts,
    nextAttemptAt: r.o.nextAttemptAt.toISOString(),
    lastError: r.o.lastError,
    createdAt: r.o.createdAt.toISOString(),
    sentAt: r.o.sentAt?.toISOString() ?? null,
  };
}

export async function listDeliveries(
  db: Db,
  q: { status?: TDeliveryStatus; channel?: TDeliveryChannel; kind?: string; limit: number; cursor?: string },
) {
  const offset = decodeCursor(q.cursor) ?? 0;
  const rows = await db
    .select({ o: outbox, personName: people.name })
    .from(outbox)
    .leftJoin(people, eq(people.id, outbox.personId))
    .where(
      and(
        q.status ? eq(outbox.status, q.status) : undefined,
        q.channel ? eq(outbox.channel, q.channel) : undefined,
        q.kind ? eq(outbox.kind, q.kind) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), asc(outbox.id))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(rows, q.limit, offset);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function getDelivery(db: Db, id: string) {
  const [row] = await db
    .select({ o: outbox, personName: people.name })
    .from(outbox)
    .leftJoin(people, eq(people.id, outbox.personId))
    .where(eq(outbox.id, id));
  if (!row) return null;
  const log = await db
    .select()
    .from(deliveryLog)
    .where(eq(deliveryLog.outboxId, id))
    .orderBy(asc(deliveryLog.id));
  return {
    ...toView(row),
    log: log.map((l) => ({
      id: String(l.id),
      at: l.at.toISOString(),
      attempt: l.attempt,
      result: l.result,
      detail: l.detail,
    })),
  };
}

/** A dead letter goes back to the queue with a fresh set of attempts, and the log says who asked. */
export async function retryDelivery(opts: { db: Db; actor: Actor; id: string; now: Date }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, opts.id));
    if (!row) throw notFound('delivery');
    if (row.status !== 'dead')
      throw new AppError('conflict', `only a dead delivery can be retried; this one is ${row.status}`);
    await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: opts.now, lastError: null })
      .where(eq(outbox.id, opts.id));
    await tx.insert(deliveryLog).values({
      outboxId: row.id,
      kind: row.kind,
      ref: row.ref,
      channel: row.channel,
      personId: row.personId,
      channelId: row.channelId,
      address: row.address,
      attempt: row.attempts,
      result: 'retry_requested',
      detail: `by ${opts.actor.label}`,
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'delivery.retry',
      entityType: 'delivery',
      entityId: opts.id,
      change: { status: { from: 'dead', to: 'pending' } },
    });
  });
  return (await getDelivery(opts.db, opts.id))!;
}
