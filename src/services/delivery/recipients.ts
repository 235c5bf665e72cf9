import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels, people, personPrefs, subscriptions } from '../../db/schema/index.ts';
import { defaultMatches } from '../../domain/delivery/defaults.ts';
import type { TArtifactKind } from '../../shared/delivery.ts';
import type { Recipient } from './outbox.ts';

export type Via = 'inbox' | 'email' | 'slack';

/** A person's preferences, created with the defaults the first time anyone asks. */
export async function prefsOf(db: Db, personId: string) {
  const [row] = await db.select().from(personPrefs).where(eq(personPrefs.personId, personId));
  if (row) return row;
  await db.insert(personPrefs).values({ personId }).onConflictDoNothing();
  const [created] = await db.select().from(personPrefs).where(eq(personPrefs.personId, personId));
  return created!;
}

/** The copies of a message one person gets, by their preferences: inbox always, email and Slack if they can. */
export async function recipientsForPeople(db: Db, personIds: string[]): Promise<Recipient[]> {
  if (!personIds.length) return [];
  const rows = await db
    .select()
    .from(people)
    .where(and(inArray(people.id, [...new Set(personIds)]), eq(people.active, true)));
  const out: Recipient[] = [];
  for (const p of rows) {
    const prefs = await prefsOf(db, p.id);
    const via = new Set<Via>(prefs.via);
    out.push({ channel: 'inbox', personId: p.id });
    if (via.has('email') && !prefs.emailUnsubscribedAt)
      out.push({ channel: 'email', address: p.email, personId: p.id });
    if (via.has('slack') && p.slackId) out.push({ channel: 'slack', address: p.slackId, personId: p.id });
  }
  return out;
}

/**
 * Who hears about an artifact: explicit subscriptions (people and channels) that match its kind, area and
 * tier, plus everyone whose function hears about it by default and has not opted out.
 */
export async function resolveRecipients(
  db: Db,
  opts: { kind: TArtifactKind; areaId?: string | null; tier?: number },
): Promise<Recipient[]> {
  const subs = await db.select().from(subscriptions).where(eq(subscriptions.kind, opts.kind));
  const matches = (s: typeof subscriptions.$inferSelect) =>
    (!s.areaId || s.areaId === opts.areaId) &&
    (!s.tiers || opts.tier === undefined || s.tiers.includes(opts.tier));
  const optedOut = new Set(subs.filter((s) => s.personId && !s.enabled).map((s) => s.personId!));
  const personIds = new Set(
    subs.filter((s) => s.personId && s.enabled && matches(s)).map((s) => s.personId!),
  );
  const everyone = await db
    .select({ id: people.id, function: people.function })
    .from(people)
    .where(eq(people.active, true));
  for (const p of everyone) {
    if (!optedOut.has(p.id) && defaultMatches(p.function, opts.kind, opts.tier)) personIds.add(p.id);
  }
  const channelIds = subs.filter((s) => s.channelId && s.enabled && matches(s)).map((s) => s.channelId!);
  return [
    ...(await recipientsForChannels(db, channelIds)),
    ...(await recipientsForPeople(db, [...personIds])),
  ];
}

/** A Slack channel gets one post, an email list one email. */
export async function recipientsForChannels(db: Db, channelIds: string[]): Promise<Recipient[]> {
  const rows = channelIds.length
    ? await db.select().from(channels).where(inArray(channels.id, channelIds))
    : [];
  return rows.map((c) =>
    c.kind === 'slack'
      ? { channel: 'slack', address: c.name, channelId: c.id }
      : { channel: 'email', address: c.email ?? c.name, channelId: c.id },
  );
}
