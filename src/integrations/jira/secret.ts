import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a Jira delivery carries the connection's webhook secret. Jira Cloud's admin webhooks are not signed, so
 * the secret travels on the webhook's URL (`?secret=`) or in an X-Prodops-Secret header; both sides are hashed
 * first so the constant-time comparison sees equal lengths whatever was sent.
 */
export function jiraSecretMatches(secret: string, given: string | undefined): boolean {
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(secret), digest(given));
}
