import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';
import { deliveryLog, inboxItems, outbox } from '../db/schema/index.ts';
import type { DeliveryResult, OutgoingMessage } from '../integrations/message.ts';
import { newUnsubscribeToken, withReadinessLinks } from '../services/delivery/send-links.ts';
import { createWebhookDeliverer } from './webhook-deliverer.ts';

/** A claimed row as it is sent: its message with this copy's links, and its unsubscribe token (email to a person). */
export type OutboxRow = typeof outbox.$inferSelect & { unsubscribeToken: string | null };

/** Sends one outbox row on its channel. Inbox rows need no deliverer: they are written by the relay itself. */
export interface Deliverers {
  email(row: OutboxRow, message: OutgoingMessage): Promise<DeliveryResult>;
  slack(row: OutboxRow, message: OutgoingMessage): Promise<DeliveryResult>;
  /**
   * Outbound webhooks; without one the relay posts them itself (jobs/webhook-deliverer.ts, 10 s timeout, private
   * addresses refused).
   */
  webhook?(row: OutboxRow, message: OutgoingMessage): Promise<DeliveryResult>;
}

export interface RelayOptions {
  db: Db;
  deliverers: Deliverers;
  instance: string;
  batchSize?: number;
  maxAttempts?: number;
  /** First retry delay; each further attempt doubles it (capped at 6 h). */
  backoffMs?: number;
  leaseSeconds?: number;
}

/**
 * Claims due rows (pending and due, or sending with an expired lease: the instance that had them died) with
 * SKIP LOCKED, so several app instances share the work without taking the same row.
 */
async function claim(db: Db, batchSize: number, leaseSeconds: number): Promise<OutboxRow[]> {
  const result = await db.execute(sql`
    with due as (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and lease_until < now())
      order by next_attempt_at
      limit ${batchSize}
      for update skip locked
    )
    update outbox o set status = 'sending', attempts = o.attempts + 1,
      lease_until = now() + make_interval(secs => ${leaseSeconds})
    from due where o.id = due.id
    returning o.id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(outbox).where(inArray(outbox.id, ids));
  const out: OutboxRow[] = [];
  for (const row of rows) out.push(await withSendLinks(db, row));
  return out;
}

/**
 * A person's email or Slack copy gets its private links (unsubscribe, "I'm ready") as it goes out: the stored
 * row holds none, and the database keeps only their hashes (services/delivery/send-links).
 */
async function withSendLinks(db: Db, row: typeof outbox.$inferSelect): Promise<OutboxRow> {
  if (!row.personId || (row.channel !== 'email' && row.channel !== 'slack'))
    return { ...row, unsubscribeToken: null };
  const message = await withReadinessLinks(db, row.personId, row.message as OutgoingMessage);
  const unsubscribeToken = row.channel === 'email' ? await newUnsubscribeToken(db, row.personId) : null;
  return { ...row, message, unsubscribeToken };
}

function backoff(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), 6 * 3_600_000);
}

async function deliver(opts: RelayOptions, row: OutboxRow): Promise<DeliveryResult> {
  const message = row.message as OutgoingMessage;
  try {
    if (row.channel === 'inbox') return { ok: true, detail: 'inbox' };
    if (row.channel === 'email') return await opts.deliverers.email(row, message);
    if (row.channel === 'slack') return await opts.deliverers.slack(row, message);
    if (row.channel === 'webhook')
      return await (opts.deliverers.webhook ?? createWebhookDeliverer(opts.db))(row, message);
    return { ok: false, retryable: false, error: `unknown channel ${row.channel}` };
  } catch (err) {
    return { ok: false, retryable: true, error: (err as Error).message };
  }
}

/** Records the outcome; the attempt number guards against a stale instance whose lease was taken over. */
type LogRow = typeof deliveryLog.$inferInsert;

async function record(
  tx: Db,
  opts: RelayOptions,
  row: OutboxRow,
  result: DeliveryResult,
): Promise<LogRow | null> {
  const maxAttempts = opts.maxAttempts ?? 8;
  const dead = !result.ok && (!result.retryable || row.attempts >= maxAttempts);
  const status = result.ok ? 'sent' : dead ? 'dead' : 'pending';
  const updated = await tx
    .update(outbox)
    .set({
      status,
      leaseUntil: null,
      // Leases and retries run on the database's clock: instances share these rows and must agree on one.
      sentAt: result.ok ? sql`now()` : null,
      lastError: result.ok ? null : result.error,
      nextAttemptAt:
        result.ok || dead
          ? row.nextAttemptAt
          : sql`now() + make_interval(secs => ${
              Math.max(backoff(row.attempts, opts.backoffMs ?? 30_000), result.retryAfterMs ?? 0) / 1000
            })`,
    })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts)))
    .returning({ id: outbox.id });
  if (updated.length === 0) return null; // another instance took the row over after our lease ran out
  if (result.ok && row.channel === 'inbox' && row.personId) {
    await tx
      .insert(inboxItems)
      .values({ personId: row.personId, outboxId: row.id, kind: row.kind, message: row.message })
      .onConflictDoNothing();
  }
  return {
    outboxId: row.id,
    kind: row.kind,
    ref: row.ref,
    channel: row.channel,
    personId: row.personId,
    channelId: row.channelId,
    address: row.address,
    attempt: row.attempts,
    result: result.ok ? 'sent' : dead ? 'dead' : 'failed',
    detail: result.ok ? result.detail : result.error,
  };
}

/** One pass: claim a batch, deliver it concurrently, record each outcome. Returns how many rows it handled. */
export async function relayOnce(opts: RelayOptions): Promise<number> {
  const rows = await claim(opts.db, opts.batchSize ?? 50, opts.leaseSeconds ?? 60);
  if (rows.length === 0) return 0;
  const results = await Promise.all(rows.map((row) => deliver(opts, row)));
  // One transaction for the batch's outcomes: on the embedded database a transaction per row is the bottleneck.
  await opts.db.transaction(async (tx) => {
    const log: LogRow[] = [];
    for (const [i, row] of rows.entries()) {
      const entry = await record(tx, opts, row, results[i]!);
      if (entry) log.push(entry);
    }
    if (log.length) await tx.insert(deliveryLog).values(log);
  });
  return rows.length;
}

/** Runs relayOnce until stopped: straight on while there is work, then every `idleMs`. */
export function startOutboxRelay(opts: RelayOptions & { idleMs?: number; onError?: (err: unknown) => void }) {
  let running = true;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const loop = async () => {
    while (running) {
      let handled = 0;
      try {
        handled = await relayOnce(opts);
      } catch (err) {
        opts.onError?.(err);
      }
      if (handled === 0 && running) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, opts.idleMs ?? 1000);
        });
      }
    }
  };
  const done = loop();
  return {
    /** Looks for work now instead of at the next idle tick (after a commit that enqueued something). */
    nudge: () => wake?.(),
    stop: async () => {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await done;
    },
  };
}
