import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack's request signing (docs.slack.dev, "Verifying requests from Slack"): every request Slack sends carries
 * `X-Slack-Request-Timestamp` (Unix seconds) and `X-Slack-Signature` = `v0=` + hex HMAC-SHA256, keyed with the
 * app's signing secret, of `v0:{timestamp}:{raw body}`. The body must be the exact bytes Slack sent: a parsed
 * and re-encoded form would not match.
 */

export const SLACK_SIGNATURE_VERSION = 'v0';
/** Slack's documented window: a request whose timestamp is more than five minutes from now is refused. */
export const SLACK_SIGNATURE_WINDOW_SECONDS = 5 * 60;

/** The signature Slack would send for this body at this timestamp (also what tests sign with). */
export function slackSignature(secret: string, timestamp: string | number, rawBody: string): string {
  const base = `${SLACK_SIGNATURE_VERSION}:${timestamp}:${rawBody}`;
  return `${SLACK_SIGNATURE_VERSION}=${createHmac('sha256', secret).update(base, 'utf8').digest('hex')}`;
}

/**
 * Remembers the signatures of accepted requests until they could no longer pass the timestamp check:
 * `firstSeen` answers true the first time and false for a replay. A table when several instances may run
 * (services/slack/requests.ts); `memorySeenRequests` for one process and for tests.
 */
export interface SeenRequests {
  firstSeen(signature: string, o: { now: Date; keepUntil: Date }): Promise<boolean>;
}

export type SlackVerification =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' | 'replayed'; message: string };

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** Equal-length buffers compared in constant time: the time taken says nothing of how much matched. */
function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

const refuse = (reason: Exclude<SlackVerification, { ok: true }>['reason'], message: string) =>
  ({ ok: false, reason, message }) as const;

/**
 * Checks one request, cheapest first: both headers present and well-formed, the timestamp within the window of
 * `now`, the HMAC equal (constant time); only then is the signature remembered, so unsigned noise never fills
 * the replay store, and a signature seen before is refused as a replay.
 */
export async function verifySlackRequest(o: {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: string;
  now: Date;
  seen: SeenRequests;
  windowSeconds?: number;
}): Promise<SlackVerification> {
  const window = o.windowSeconds ?? SLACK_SIGNATURE_WINDOW_SECONDS;
  if (!o.signature || !o.timestamp) {
    return refuse(
      'missing',
      'not a signed Slack request: X-Slack-Signature and X-Slack-Request-Timestamp are required',
    );
  }
  if (!TIMESTAMP.test(o.timestamp) || !SIGNATURE.test(o.signature)) {
    return refuse('malformed', 'the Slack signature headers are malformed');
  }
  const sentAt = Number(o.timestamp);
  const nowSeconds = Math.floor(o.now.getTime() / 1000);
  if (Math.abs(nowSeconds - sentAt) > window) {
    return refuse('stale', `the Slack request timestamp is more than ${window / 60} minutes from now`);
  }
  if (!sameSignature(slackSignature(o.secret, o.timestamp, o.rawBody), o.signature)) {
    return refuse('mismatch', 'the Slack signature does not match (check SLACK_SIGNING_SECRET)');
  }
  // The same signature passes the timestamp check until sentAt + window: keep it that long, no longer.
  const keepUntil = new Date((sentAt + window) * 1000);
  if (!(await o.seen.firstSeen(o.signature, { now: o.now, keepUntil }))) {
    return refuse('replayed', 'this Slack request was already received');
  }
  return { ok: true };
}

/** An in-process replay store with a bound on its size (oldest first out): one instance, or tests. */
export function memorySeenRequests(max = 10_000): SeenRequests {
  const seen = new Map<string, number>();
  return {
    async firstSeen(signature, { now, keepUntil }) {
      const at = now.getTime();
      for (const [sig, until] of seen) if (until < at) seen.delete(sig);
      const until = seen.get(signature);
      if (until !== undefined && until >= at) return false;
      seen.set(signature, keepUntil.getTime());
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}
