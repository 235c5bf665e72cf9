import type { Db } from '../db/client.ts';
import type { DeliveryResult, OutgoingMessage } from '../integrations/message.ts';
import { outboundGuard, type PrivateAllowance, type Resolve } from '../integrations/net/outbound-guard.ts';
import { postWebhookEvent } from '../integrations/webhooks/post.ts';
import { webhookTarget } from '../services/webhooks/subscriptions.ts';

/**
 * Sends a webhook copy: the subscription's URL and secret are read now (a rotation or a new URL counts for
 * retries too), the body is the event as queued, X-Prodops-Delivery the outbox row's id. Private addresses are
 * refused unless `allowPrivate` (PRODOPS_WEBHOOK_ALLOW_PRIVATE) lets them; `resolve` is for tests.
 */
export function createWebhookDeliverer(
  db: Db,
  o: { timeoutMs?: number; allowPrivate?: PrivateAllowance; resolve?: Resolve } = {},
) {
  const guard = outboundGuard(o.allowPrivate ?? [], o.resolve);
  return async (
    row: { id: string; webhookId: string | null },
    message: OutgoingMessage,
  ): Promise<DeliveryResult> => {
    if (!message.webhook) return { ok: false, retryable: false, error: 'not a webhook event' };
    const target = row.webhookId ? await webhookTarget(db, row.webhookId) : null;
    if (!target) return { ok: false, retryable: false, error: 'the webhook was removed' };
    return postWebhookEvent({
      url: target.url,
      secret: target.secret,
      event: message.webhook.event,
      deliveryId: row.id,
      body: message.webhook.body,
      guard,
      ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    });
  };
}
