import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels, deliveryLog, outbox, people } from '../../db/schema/index.ts';
import type {
  TDeliveryChannel,
  TDeliveryConfiguration,
  TDeliveryCounts,
  TDeliveryGroup,
  TDeliveryMessageRef,
  TDeliveryStatus,
} from '../../shared/delivery.ts';
import { notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { decodeCursor, pageOf } from '../paging.ts';

export interface GroupQuery {
  status?: TDeliveryStatus;
  channel?: TDeliveryChannel;
  kind?: string;
  limit: number;
  cursor?: string;
}

const latest = sql<Date>`max(${outbox.createdAt})`;
const countOf = (status: TDeliveryStatus) =>
  sql<number>`count(*) filter (where ${outbox.status} = ${status})`.mapWith(Number);

/** A failed delivery is a dead letter; one still sending counts as pending. */
function bucket(status: TDeliveryStatus): keyof TDeliveryCounts {
  return status === 'sent' ? 'sent' : status === 'dead' ? 'failed' : 'pending';
}

const zero = (): TDeliveryCounts => ({ sent: 0, failed: 0, pending: 0 });

/**
 * The delivery log by message (a publication, a reminder): one row per kind and reference, newest first.
 * Channel and kind narrow the copies counted; a status keeps the messages with at least one copy in it.
 */
export async function listDeliveryGroups(db: Db, q: GroupQuery) {
  const offset = decodeCursor(q.cursor) ?? 0;
  const where = and(
    q.channel ? eq(outbox.channel, q.channel) : undefined,
    q.kind ? eq(outbox.kind, q.kind) : undefined,
  );
  const keys = await db
    .select({ kind: outbox.kind, ref: outbox.ref })
    .from(outbox)
    .where(where)
    .groupBy(outbox.kind, outbox.ref)
    .having(q.status ? sql`${countOf(q.status)} > 0` : undefined)
    .orderBy(desc(latest), asc(outbox.kind), asc(outbox.ref))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(keys, q.limit, offset);
  return { items: await groupsOf(db, page.items, where), nextCursor: page.nextCursor };
}

/** Every copy of these messages (narrowed by `where`), folded into one group each, in the keys' order. */
async function groupsOf(db: Db, keys: TDeliveryMessageRef[], where?: SQL): Promise<TDeliveryGroup[]> {
  if (!keys.length) return [];
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      ref: outbox.ref,
      channel: outbox.channel,
      status: outbox.status,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      address: outbox.address,
      title: sql<string | null>`${outbox.message}->>'title'`,
      personName: people.name,
      channelName: channels.name,
    })
    .from(outbox)
    .leftJoin(people, eq(people.id, outbox.personId))
    .leftJoin(channels, eq(channels.id, outbox.channelId))
    .where(and(where, or(...keys.map((k) => and(eq(outbox.kind, k.kind), eq(outbox.ref, k.ref))))))
    .orderBy(asc(people.name), asc(channels.name), asc(outbox.id));
  const byKey = new Map(keys.map((k) => [`${k.kind}|${k.ref}`, [] as typeof rows]));
  for (const r of rows) byKey.get(`${r.kind}|${r.ref}`)?.push(r);
  return keys.map((k) => foldGroup(k, byKey.get(`${k.kind}|${k.ref}`) ?? []));
}

interface CopyRow {
  id: string;
  channel: TDeliveryChannel;
  status: TDeliveryStatus;
  lastError: string | null;
  createdAt: Date;
  address: string;
  title: string | null;
  personName: string | null;
  channelName: string | null;
}

/** Counts per channel, identical failure reasons counted once, and the recipients by name. */
export function foldGroup(key: TDeliveryMessageRef, rows: CopyRow[]): TDeliveryGroup {
  const counts = zero();
  const perChannel = new Map<TDeliveryChannel, TDeliveryCounts>();
  const failures = new Map<string, number>();
  let createdAt = rows[0]?.createdAt ?? new Date(0);
  for (const r of rows) {
    const b = bucket(r.status);
    counts[b] += 1;
    const c = perChannel.get(r.channel) ?? zero();
    c[b] += 1;
    perChannel.set(r.channel, c);
    if (r.status === 'dead') {
      const reason = r.lastError ?? 'no reason recorded';
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
    }
    if (r.createdAt > createdAt) createdAt = r.createdAt;
  }
  return {
    ...key,
    title: rows.find((r) => r.title)?.title ?? '',
    createdAt: createdAt.toISOString(),
    counts,
    channels: [...perChannel].map(([channel, c]) => ({ channel, ...c })),
    failures: [...failures]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    recipients: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      // A person's or a channel's name; an address only for a copy that has neither.
      name: r.personName ?? r.channelName ?? r.address,
      status: r.status,
      lastError: r.lastError,
    })),
  };
}

export async function getDeliveryGroup(db: Db, key: TDeliveryMessageRef): Promise<TDeliveryGroup> {
  const [group] = await groupsOf(db, [key]);
  if (!group || group.recipients.length === 0) throw notFound('message');
  return group;
}

/**
 * Every dead letter of one message back to the queue, in one transaction, audited once. Asking again when none
 * is left changes nothing and records nothing: the retry is idempotent.
 */
export async function retryMessage(opts: { db: Db; actor: Actor; key: TDeliveryMessageRef; now: Date }) {
  const { kind, ref } = opts.key;
  const retried = await opts.db.transaction(async (tx) => {
    const [any] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.kind, kind), eq(outbox.ref, ref)))
      .limit(1);
    if (!any) throw notFound('message');
    const rows = await tx
      .update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: opts.now, lastError: null })
      .where(and(eq(outbox.kind, kind), eq(outbox.ref, ref), eq(outbox.status, 'dead')))
      .returning();
    if (!rows.length) return 0;
    await tx.insert(deliveryLog).values(
      rows.map((row) => ({
        outboxId: row.id,
        kind: row.kind,
        ref: row.ref,
        channel: row.channel,
        personId: row.personId,
        channelId: row.channelId,
        address: row.address,
        attempt: 0,
        result: 'retry_requested' as const,
        detail: `by ${opts.actor.label}, with the rest of the message`,
      })),
    );
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'delivery.retry_message',
      entityType: 'delivery_message',
      entityId: `${kind}:${ref}`,
      change: { retried: rows.length, status: { from: 'dead', to: 'pending' } },
    });
    return rows.length;
  });
  return { retried, group: await getDeliveryGroup(opts.db, opts.key) };
}

/** What the server can send with: only whether each is set, and the setting's name, never its value. */
export function deliveryConfiguration(env: {
  smtpUrl?: string | undefined;
  slackBotToken?: string | undefined;
}): TDeliveryConfiguration {
  return {
    email: {
      configured: Boolean(env.smtpUrl),
      settings: ['SMTP_URL', 'SMTP_FROM'],
      effect: 'Email notifications fail ("email (SMTP_URL) is not configured") until SMTP_URL is set.',
    },
    slack: {
      configured: Boolean(env.slackBotToken),
      settings: ['SLACK_BOT_TOKEN'],
      effect:
        'Slack direct messages and channels without a webhook URL fail until SLACK_BOT_TOKEN is set; channels with a webhook still post.',
    },
  };
}
