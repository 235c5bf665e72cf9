import { createHmac, timingSafeEqual } from 'node:crypto';

/** The hex HMAC-SHA256 of the raw body under the webhook's signing secret, as Linear signs a delivery. */
export function linearSignature(secret: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Whether Linear-Signature is Linear's signature of exactly these bytes, compared in constant time. */
export function verifyLinearSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(linearSignature(secret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Linear's replay guard: the payload's webhookTimestamp (ms) within a minute of now, either way. */
export const LINEAR_TIMESTAMP_WINDOW_MS = 60_000;
export const freshTimestamp = (webhookTimestamp: number, now: Date): boolean =>
  Math.abs(now.getTime() - webhookTimestamp) <= LINEAR_TIMESTAMP_WINDOW_MS;
