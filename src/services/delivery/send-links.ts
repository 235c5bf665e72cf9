import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { personPrefs, readinessLinks, unsubscribeTokens } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { recordAudit } from '../audit.ts';
import { sha256 } from '../auth/tokens.ts';

/**
 * The private links of a sent copy (unsubscribe, one-click "I'm ready") are made when it is sent, one set per
 * copy: only their tokens' SHA-256 is kept, so neither the database nor the stored message holds a usable link.
 */
const newToken = () => randomBytes(24).toString('base64url');

/** A fresh unsubscribe link token for one email to a person. */
export async function newUnsubscribeToken(db: Db, personId: string): Promise<string> {
  const token = newToken();
  await db.insert(unsubscribeTokens).values({ tokenHash: sha256(token), personId });
  return token;
}

/** A fresh one-click "I'm ready" link token: this person confirms this release's readiness for their function. */
export async function newReadinessLink(
  db: Db,
  link: { releaseId: string; personId: string; kind: 'support' | 'sales' },
): Promise<string> {
  const token = newToken();
  await db.insert(readinessLinks).values({ tokenHash: sha256(token), ...link });
  return token;
}

/**
 * The message as one person's email or Slack copy goes out: each "I'm ready" action (stored with its release
 * and function, no token) becomes a one-click link of its own.
 */
export async function withReadinessLinks(
  db: Db,
  personId: string,
  message: OutgoingMessage,
): Promise<OutgoingMessage> {
  if (!message.actions?.some((a) => a.readiness)) return message;
  const actions = [];
  for (const a of message.actions) {
    if (!a.readiness) {
      actions.push(a);
      continue;
    }
    const token = await newReadinessLink(db, { ...a.readiness, personId });
    actions.push({ label: a.label, url: `/ready/${token}` });
  }
  return { ...message, actions };
}

/** The one-click unsubscribe link of every email: stops email for that person, nothing else. */
export async function unsubscribeByToken(db: Db, token: string, now: Date): Promise<boolean> {
  const [link] = await db
    .select({ personId: unsubscribeTokens.personId })
    .from(unsubscribeTokens)
    .where(eq(unsubscribeTokens.tokenHash, sha256(token)));
  if (!link) return false;
  const updated = await db
    .update(personPrefs)
    .set({ emailUnsubscribedAt: now })
    .where(and(eq(personPrefs.personId, link.personId), isNull(personPrefs.emailUnsubscribedAt)))
    .returning({ personId: personPrefs.personId });
  if (updated.length)
    await recordAudit(db, {
      actor: { personId: link.personId, label: 'unsubscribe link', roles: [] },
      action: 'preferences.unsubscribe',
      entityType: 'person',
      entityId: link.personId,
      change: {},
    });
  return true;
}
