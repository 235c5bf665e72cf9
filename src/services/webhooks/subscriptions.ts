import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveryLog, outbox, people, webhookSubscriptions } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { type OutboundGuard, outboundGuard } from '../../integrations/net/outbound-guard.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import type {
  TWebhook,
  TWebhookDelivery,
  TWebhookInput,
  TWebhookPatch,
  TWebhookWithSecret,
} from '../../shared/webhooks.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { eventIdOf, hostOf, WEBHOOK_KIND } from './events.ts';

type Row = typeof webhookSubscriptions.$inferSelect;

/** 32 random bytes, hex, prefixed so a leaked one is recognisable in a scan. */
const newSecret = () => `whsec_${randomBytes(32).toString('hex')}`;

async function lastDeliveries(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, TWebhook['lastDelivery']>();
  const rows = await db
    .selectDistinctOn([outbox.webhookId], {
      webhookId: outbox.webhookId,
      status: outbox.status,
      at: outbox.createdAt,
    })
    .from(outbox)
    .where(inArray(outbox.webhookId, ids))
    .orderBy(outbox.webhookId, desc(outbox.createdAt));
  return new Map(rows.map((r) => [r.webhookId!, { status: r.status, at: r.at.toISOString() }]));
}

async function toViews(db: Db, rows: Row[]): Promise<TWebhook[]> {
  const creators = rows.flatMap((r) => (r.createdById ? [r.createdById] : []));
  const names = creators.length
    ? await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, creators))
    : [];
  const last = await lastDeliveries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events,
    active: r.active,
    createdBy: names.find((n) => n.id === r.createdById)?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    lastDelivery: last.get(r.id) ?? null,
  }));
}

/** For the audit log: everything but the secret. */
const audited = (r: Row) => ({ url: r.url, description: r.description, events: r.events, active: r.active });

export async function listWebhooks(db: Db, q: { limit: number; cursor?: string }) {
  const offset = decodeCursor(q.cursor) ?? 0;
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(rows, q.limit, offset);
  return { items: await toViews(db, page.items), nextCursor: page.nextCursor };
}

export async function getWebhook(db: Db, id: string): Promise<TWebhook | null> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row ? (await toViews(db, [row]))[0]! : null;
}

/**
 * A URL prodops may post to: http(s), no credentials, not a private or internal address (literal or resolved)
 * unless the operator allows it. Checked before the transaction (DNS may take a moment); sending checks again.
 */
async function checkUrl(guard: OutboundGuard | undefined, url: string | undefined): Promise<void> {
  if (url === undefined) return;
  const problem = await (guard ?? outboundGuard()).urlProblem(url);
  if (problem) throw invalid([{ path: 'url', message: problem }]);
}

/**
 * Creates a subscription; the answer carries its secret, which is never shown again (rotate to get a new one).
 * `guard`: which private addresses the operator allows (none by default).
 */
export async function createWebhook(opts: {
  db: Db;
  actor: Actor;
  input: TWebhookInput;
  now: Date;
  guard?: OutboundGuard;
}): Promise<TWebhookWithSecret> {
  await checkUrl(opts.guard, opts.input.url);
  return opts.db.transaction(async (tx) => {
    const secret = newSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        ...opts.input,
        secret,
        createdById: opts.actor.personId,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: row!.id,
      change: audited(row!),
    });
    return { ...(await toViews(tx, [row!]))[0]!, secret };
  });
}

export async function updateWebhook(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TWebhookPatch;
  now: Date;
  guard?: OutboundGuard;
}): Promise<TWebhook> {
  await checkUrl(opts.guard, opts.patch.url);
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, opts.id));
    if (!before) throw notFound('webhook');
    const [after] = await tx
      .update(webhookSubscriptions)
      .set({ ...opts.patch, updatedAt: opts.now })
      .where(eq(webhookSubscriptions.id, opts.id))
      .returning();
    const change = diffFields(audited(before), audited(after!));
    if (Object.keys(change).length)
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'webhook.update',
        entityType: 'webhook',
        entityId: opts.id,
        change,
      });
    return (await toViews(tx, [after!]))[0]!;
  });
}

/** Its deliveries stay in the log (their subscription gone); those not yet sent fail as "removed". */
export async function deleteWebhook(opts: { db: Db; actor: Actor; id: string; now: Date }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, opts.id))
      .returning();
    if (!row) throw notFound('webhook');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'webhook.delete',
      entityType: 'webhook',
      entityId: opts.id,
      change: { deleted: audited(row) },
    });
  });
}

/** A new secret at once (deliveries still waiting are signed with it); the old one stops working. */
export async function rotateWebhookSecret(opts: {
  db: Db;
  actor: Actor;
  id: string;
  now: Date;
}): Promise<TWebhookWithSecret> {
  return opts.db.transaction(async (tx) => {
    const secret = newSecret();
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ secret, updatedAt: opts.now })
      .where(eq(webhookSubscriptions.id, opts.id))
      .returning();
    if (!row) throw notFound('webhook');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'webhook.rotate_secret',
      entityType: 'webhook',
      entityId: opts.id,
      change: { secret: 'rotated' },
    });
    return { ...(await toViews(tx, [row]))[0]!, secret };
  });
}

type OutboxRow = typeof outbox.$inferSelect;

function toDelivery(o: OutboxRow, log: (typeof deliveryLog.$inferSelect)[]): TWebhookDelivery {
  const m = o.message as OutgoingMessage;
  return {
    id: o.id,
    eventId: m.webhook?.body.id ?? o.ref,
    event: m.webhook?.event ?? '',
    title: m.title,
    status: o.status,
    attempts: o.attempts,
    lastError: o.lastError,
    createdAt: o.createdAt.toISOString(),
    sentAt: o.sentAt?.toISOString() ?? null,
    replayOf: m.webhook?.replayOf ?? null,
    log: log.map((l) => ({
      id: String(l.id),
      at: l.at.toISOString(),
      attempt: l.attempt,
      result: l.result,
      detail: l.detail,
    })),
  };
}

/** A subscription's deliveries, newest first, each with its attempts. */
export async function listWebhookDeliveries(db: Db, q: { id: string; limit: number; cursor?: string }) {
  const offset = decodeCursor(q.cursor) ?? 0;
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.webhookId, q.id))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(rows, q.limit, offset);
  const ids = page.items.map((r) => r.id);
  const log = ids.length
    ? await db
        .select()
        .from(deliveryLog)
        .where(inArray(deliveryLog.outboxId, ids))
        .orderBy(asc(deliveryLog.id))
    : [];
  return {
    items: page.items.map((o) =>
      toDelivery(
        o,
        log.filter((l) => l.outboxId === o.id),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

async function getWebhookDelivery(db: Db, webhookId: string, deliveryId: string) {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, deliveryId), eq(outbox.webhookId, webhookId)));
  if (!row) return null;
  const log = await db
    .select()
    .from(deliveryLog)
    .where(eq(deliveryLog.outboxId, row.id))
    .orderBy(asc(deliveryLog.id));
  return toDelivery(row, log);
}

/**
 * Sends a delivery's event again as a new delivery (a new X-Prodops-Delivery id, the same event id and body),
 * signed with the subscription's current secret, whatever became of the first one.
 */
export async function replayWebhookDelivery(opts: {
  db: Db;
  actor: Actor;
  webhookId: string;
  deliveryId: string;
  now: Date;
}): Promise<TWebhookDelivery> {
  const id = await opts.db.transaction(async (tx) => {
    const [sub] = await tx
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, opts.webhookId));
    if (!sub) throw notFound('webhook');
    const [row] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, opts.deliveryId), eq(outbox.webhookId, sub.id)));
    if (!row) throw notFound('delivery');
    const m = row.message as OutgoingMessage;
    const replayId = randomUUID();
    await enqueueMessage(tx, {
      key: `${WEBHOOK_KIND}:replay:${replayId}`,
      kind: WEBHOOK_KIND,
      ref: row.ref,
      message: { ...m, webhook: { ...m.webhook!, replayOf: row.id } },
      recipients: [{ channel: 'webhook', webhookId: sub.id, address: hostOf(sub.url) }],
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'webhook.replay',
      entityType: 'webhook',
      entityId: sub.id,
      change: { delivery: row.id, event: m.webhook?.body.id ?? row.ref },
    });
    const [copy] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `${WEBHOOK_KIND}:replay:${replayId}|webhook:${sub.id}`));
    return copy!.id;
  });
  return (await getWebhookDelivery(opts.db, opts.webhookId, id))!;
}

/** "Send a test": a `ping` event to this subscription alone, even while it is paused. */
export async function pingWebhook(opts: {
  db: Db;
  actor: Actor;
  id: string;
  now: Date;
}): Promise<TWebhookDelivery> {
  const id = await opts.db.transaction(async (tx) => {
    const [sub] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, opts.id));
    if (!sub) throw notFound('webhook');
    const key = randomUUID();
    const eventId = eventIdOf('ping', key);
    await enqueueMessage(tx, {
      key: `${WEBHOOK_KIND}:${eventId}`,
      kind: WEBHOOK_KIND,
      ref: eventId,
      message: {
        title: `Test from ${opts.actor.label}`,
        summary: 'A test delivery',
        webhook: {
          event: 'ping',
          body: {
            id: eventId,
            type: 'ping',
            occurredAt: opts.now.toISOString(),
            data: { webhook: { id: sub.id, events: sub.events } },
          },
        },
      },
      recipients: [{ channel: 'webhook', webhookId: sub.id, address: hostOf(sub.url) }],
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'webhook.ping',
      entityType: 'webhook',
      entityId: sub.id,
      change: { event: eventId },
    });
    const [copy] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `${WEBHOOK_KIND}:${eventId}|webhook:${sub.id}`));
    return copy!.id;
  });
  return (await getWebhookDelivery(opts.db, opts.id, id))!;
}

/** What the deliverer reads when sending: null once the subscription was removed. */
export async function webhookTarget(db: Db, id: string) {
  const [row] = await db
    .select({ url: webhookSubscriptions.url, secret: webhookSubscriptions.secret })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}
