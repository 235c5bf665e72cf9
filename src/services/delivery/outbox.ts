import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';

/** Where one copy of a message goes. `address` is what the deliverer uses (email, webhook URL, channel id). */
export type Recipient =
  | { channel: 'email'; address: string; personId?: string | null; channelId?: string | null }
  | { channel: 'slack'; address: string; personId?: string | null; channelId?: string | null }
  | { channel: 'inbox'; personId: string }
  /** An outbound webhook subscription (services/webhooks): `address` is its URL's host, for the log. */
  | { channel: 'webhook'; webhookId: string; address: string; personId?: null; channelId?: null };

export interface EnqueueInput {
  /** Identifies the cause (e.g. "weekly_update:2026-W47:v1"); with the recipient it makes the idempotency key. */
  key: string;
  kind: string;
  ref: string;
  message: OutgoingMessage;
  recipients: Recipient[];
  /** The undoable action that sends it (services/broadcasts): its copies wait as `held` while it is held. */
  hold?: { id: string; held: boolean };
}

export function recipientKey(r: Recipient): string {
  if (r.channel === 'inbox') return `inbox:${r.personId}`;
  if (r.channel === 'webhook') return `webhook:${r.webhookId}`;
  return `${r.channel}:${r.address.toLowerCase()}`;
}

/**
 * Writes one outbox row per recipient, inside the caller's transaction, so a notification exists exactly when
 * the change that causes it does. Enqueueing the same cause twice adds nothing.
 */
export async function enqueueMessage(tx: Db, input: EnqueueInput): Promise<number> {
  const seen = new Set<string>();
  const rows = input.recipients.flatMap((r) => {
    const rk = recipientKey(r);
    if (seen.has(rk)) return [];
    seen.add(rk);
    return [
      {
        idempotencyKey: `${input.key}|${rk}`,
        kind: input.kind,
        ref: input.ref,
        channel: r.channel,
        personId: r.personId ?? null,
        channelId: r.channel === 'inbox' ? null : (r.channelId ?? null),
        webhookId: r.channel === 'webhook' ? r.webhookId : null,
        address: r.channel === 'inbox' ? r.personId : r.address,
        message: input.message,
        ...(input.hold
          ? { broadcastId: input.hold.id, status: input.hold.held ? ('held' as const) : ('pending' as const) }
          : {}),
      },
    ];
  });
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(outbox)
    .values(rows)
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .returning({ id: outbox.id });
  return inserted.length;
}
