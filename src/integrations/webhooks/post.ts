import { createHmac } from 'node:crypto';
import type { DeliveryResult } from '../message.ts';
import { guardedFetch } from '../net/guarded-fetch.ts';
import { type OutboundGuard, PrivateAddressError } from '../net/outbound-guard.ts';
import { truncate } from '../text.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

/** `sha256=<hex>`: the HMAC-SHA256 of the exact bytes sent, keyed by the subscription's secret (as GitHub's). */
export function signatureOf(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `the receiver did not answer within ${timeoutMs} ms`;
  const e = err instanceof Error ? (err as Error & { code?: string }) : undefined;
  const cause = e?.cause as { code?: string; message?: string } | undefined;
  return `could not reach the receiver: ${cause?.code ?? e?.code ?? cause?.message ?? e?.message ?? String(err)}`;
}

/**
 * POSTs one event, signed, to the address the guard checked (resolved again now: a name re-pointed at a private
 * address since registration is refused, for good, not retried). A 2xx is delivered; anything else (a redirect
 * too: it is never followed) and network errors are retried by the outbox. Errors never include the URL, which
 * may carry a token of its own.
 */
export async function postWebhookEvent(o: {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  body: unknown;
  guard: OutboundGuard;
  timeoutMs?: number;
}): Promise<DeliveryResult> {
  const raw = JSON.stringify(o.body);
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const res = await guardedFetch(o.guard)(o.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'prodops-webhooks',
        'x-prodops-event': o.event,
        'x-prodops-delivery': o.deliveryId,
        'x-prodops-signature-256': signatureOf(o.secret, raw),
      },
      body: raw,
      signal: AbortSignal.timeout(timeoutMs),
      maxBodyBytes: 64 * 1024,
    });
    const text = truncate((await res.text()).trim(), 200);
    if (res.status >= 200 && res.status < 300) return { ok: true, detail: `HTTP ${res.status}` };
    const seconds = Number(res.headers.get('retry-after'));
    return {
      ok: false,
      retryable: true,
      error: `HTTP ${res.status}: ${text || 'no body'}`,
      ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
    };
  } catch (err) {
    if (err instanceof PrivateAddressError)
      return { ok: false, retryable: false, error: `refused before sending: the webhook URL ${err.message}` };
    return { ok: false, retryable: true, error: describeNetworkError(err, timeoutMs) };
  }
}
