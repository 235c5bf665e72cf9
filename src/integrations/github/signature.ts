import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=` + the hex HMAC-SHA256 of the raw body under the webhook secret, as GitHub signs a delivery. */
export function githubSignature(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Whether X-Hub-Signature-256 is GitHub's signature of exactly these bytes, compared in constant time (a
 * signature of another length is refused before the comparison, which needs equal lengths).
 */
export function verifyGithubSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(githubSignature(secret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
