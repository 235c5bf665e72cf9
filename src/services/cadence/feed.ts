import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, personPrefs, rituals } from '../../db/schema/index.ts';
import { buildCalendar } from '../../integrations/feeds/ics.ts';
import type { TRole } from '../../shared/roles.ts';
import { isOrgManager } from '../actor.ts';
import { prefsOf } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { expectedAttendees } from './attendance.ts';
import { listOccurrences } from './occurrences.ts';

export async function feedUrls(db: Db, personId: string, publicUrl: string) {
  const { calendarToken } = await prefsOf(db, personId);
  const url = `${publicUrl}/api/v1/calendar/feed/${calendarToken}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
}

/** A leaked feed URL is fixed by making a new one; the old one stops working at once. */
export async function rotateFeedToken(db: Db, personId: string, publicUrl: string) {
  await prefsOf(db, personId);
  await db
    .update(personPrefs)
    .set({ calendarToken: randomBytes(24).toString('base64url') })
    .where(eq(personPrefs.personId, personId));
  return feedUrls(db, personId, publicUrl);
}

/**
 * The private iCalendar feed: the rituals a person attends or owns (every ritual for Product Ops and up),
 * from a month back to the end of the planning window. Null when the token is unknown.
 */
export async function calendarFeed(
  db: Db,
  token: string,
  publicUrl: string,
  now: Date = new Date(),
): Promise<string | null> {
  const [row] = await db
    .select({ person: people })
    .from(personPrefs)
    .innerJoin(people, eq(people.id, personPrefs.personId))
    .where(eq(personPrefs.calendarToken, token));
  if (!row?.person.active) return null;
  const person = row.person;
  const actor = { personId: person.id, label: person.email, roles: person.roles as TRole[] };
  const all = await db.select().from(rituals);
  const mine = new Set<string>();
  for (const r of all) {
    const attending = (await expectedAttendees(db, r.attendees)).some((p) => p.id === person.id);
    if (
      isOrgManager(actor) ||
      attending ||
      r.ownerPersonId === person.id ||
      person.roles.includes(r.ownerRole)
    )
      mine.add(r.id);
  }
  const settings = await getSettings(db);
  const from = new Date(now.getTime() - 31 * 86_400_000);
  const to = new Date(now.getTime() + 70 * 86_400_000);
  const occurrences = (await listOccurrences(db, { from, to })).filter((o) => mine.has(o.ritualId));
  return buildCalendar({
    name: `${settings.orgName} rituals`,
    timeZone: settings.timeZone,
    events: occurrences.map((o) => ({
      uid: `${o.id}@prodops`,
      title: o.ritualName,
      description: `Output artifact: ${o.outputArtifact}${o.holiday ? `\n${o.status === 'skipped' ? 'Skipped' : 'Moved'}: ${o.holiday}` : ''}`,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      url: `${publicUrl}/cadence/occurrences/${o.id}`,
      status:
        o.status === 'skipped' || o.status === 'cancelled' ? ('cancelled' as const) : ('confirmed' as const),
    })),
  });
}
