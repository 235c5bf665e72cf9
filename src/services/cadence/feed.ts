import { randomBytes } from 'node:crypto';
import { Temporal } from '@js-temporal/polyfill';
import { and, asc, eq, gte, isNotNull, lte, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { areas, enablementBundles, people, personPrefs, releases, rituals } from '../../db/schema/index.ts';
import { UPCOMING_WINDOW_DAYS } from '../../domain/updates/highlights.ts';
import { type AllDayEvent, buildCalendar, type TimedEvent } from '../../integrations/feeds/ics.ts';
import type { TFeedKey, TFeedUrls } from '../../shared/cadence.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import { inProductOrg } from '../../shared/roles.ts';
import { isOrgManager } from '../actor.ts';
import { sha256 } from '../auth/tokens.ts';
import { prefsOf } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { expectedAttendees } from './attendance.ts';
import { listOccurrences } from './occurrences.ts';

/** Every private feed address of one key: calendar, stakeholder feed, published updates. */
export function feedUrls(publicUrl: string, token: string): TFeedUrls {
  const api = `${publicUrl}/api/v1`;
  const url = `${api}/calendar/feed/${token}.ics`;
  return {
    url,
    webcalUrl: url.replace(/^https?:/, 'webcal:'),
    feed: { atom: `${api}/feed/${token}.atom`, rss: `${api}/feed/${token}.rss` },
    updates: { atom: `${api}/updates/feed/${token}.atom`, rss: `${api}/updates/feed/${token}.rss` },
  };
}

/** Whether the person has a feed key: its addresses cannot be shown again (only the key's hash is kept). */
export async function feedKey(db: Db, personId: string): Promise<TFeedKey> {
  const prefs = await prefsOf(db, personId);
  return { active: Boolean(prefs.calendarTokenHash), since: prefs.calendarTokenAt?.toISOString() ?? null };
}

/**
 * Makes the person's feed key, replacing any old one (a leaked address stops working at once), and returns its
 * addresses: the one time they are shown.
 */
export async function rotateFeedToken(db: Db, personId: string, publicUrl: string, now: Date) {
  await prefsOf(db, personId);
  const token = randomBytes(24).toString('base64url');
  await db
    .update(personPrefs)
    .set({ calendarTokenHash: sha256(token), calendarTokenAt: now })
    .where(eq(personPrefs.personId, personId));
  return feedUrls(publicUrl, token);
}

/** The person a feed key belongs to, by the key's hash; null for an unknown or replaced key. */
export async function feedOwner(db: Db, token: string) {
  const [row] = await db
    .select({ person: people })
    .from(personPrefs)
    .innerJoin(people, eq(people.id, personPrefs.personId))
    .where(eq(personPrefs.calendarTokenHash, sha256(token)));
  return row?.person ?? null;
}

/** The feed looks this far back, so last month's meetings and launches stay in subscribers' calendars. */
const LOOK_BACK_DAYS = 31;

const pmOwner = alias(people, 'pm_owner');

/** What a launch event says about its release; a launched release shows on the day it actually shipped. */
function launchEvent(
  r: {
    id: string;
    title: string;
    tier: number | null;
    status: string;
    targetDate: string;
    launchedOn: string | null;
    updatedAt: Date;
    areaName: string | null;
    pmName: string | null;
  },
  publicUrl: string,
): AllDayEvent {
  const url = `${publicUrl}/releases/${r.id}`;
  // Held or delayed at go/no-go: on calendars as tentative, never as a confirmed launch.
  const undecided = r.status === 'hold' || r.status === 'delay';
  const label = r.status === 'hold' ? 'Launch on hold' : r.status === 'delay' ? 'Launch (delayed)' : 'Launch';
  return {
    // One UID per release for its whole life: a moved launch date moves the event instead of adding one.
    uid: `release-${r.id}@prodops`,
    title: `${label}: ${r.title}${r.tier ? ` (Tier ${r.tier})` : ''}`,
    status: undecided ? 'tentative' : 'confirmed',
    description: [
      `Area: ${r.areaName ?? 'none'}`,
      `PM: ${r.pmName ?? 'none'}`,
      `Status: ${r.status.replace('_', ' ')}`,
      url,
    ].join('\n'),
    date: r.launchedOn ?? r.targetDate,
    url,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Every release launching (or launched) from `from`, a local date, on, as all-day events. Releases are visible to everyone
 * signed in, so every feed has them all; rolled-back releases drop out (deleted ones are gone already).
 */
export async function launchEvents(
  db: Db,
  from: string,
  publicUrl: string,
  /** For a stakeholder: launches on or before this day, or announced (bundle out, launched); the rest are ranges. */
  announcedBy?: string,
): Promise<AllDayEvent[]> {
  const rows = await db
    .select({
      id: releases.id,
      title: releases.title,
      tier: releases.tier,
      status: releases.status,
      targetDate: releases.targetDate,
      launchedOn: releases.launchedOn,
      updatedAt: releases.updatedAt,
      areaName: areas.name,
      pmName: pmOwner.name,
    })
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId))
    .leftJoin(pmOwner, eq(pmOwner.id, releases.pmOwnerId))
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(
      and(
        or(gte(releases.targetDate, from), gte(releases.launchedOn, from)),
        ne(releases.status, 'rolled_back'),
        announcedBy
          ? or(
              lte(releases.targetDate, announcedBy),
              eq(releases.status, 'launched'),
              isNotNull(enablementBundles.distributedOn),
            )
          : undefined,
      ),
    )
    .orderBy(asc(releases.targetDate), asc(releases.id));
  return rows.map((r) => launchEvent(r, publicUrl));
}

/**
 * The private iCalendar feed: the rituals a person attends or owns (every ritual for Product Ops and up),
 * from a month back to the end of the planning window, and the org's launches from a month back on.
 * Null when the token is unknown.
 */
export async function calendarFeed(
  db: Db,
  token: string,
  publicUrl: string,
  now: Date,
): Promise<string | null> {
  const person = await feedOwner(db, token);
  if (!person?.active) return null;
  const actor = { personId: person.id, label: person.email, roles: person.roles };
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
  const from = new Date(now.getTime() - LOOK_BACK_DAYS * 86_400_000);
  const to = new Date(now.getTime() + 70 * 86_400_000);
  const occurrences = (await listOccurrences(db, { from, to })).filter((o) => mine.has(o.ritualId));
  const today = todayIn(settings.timeZone, now);
  const launchesFrom = Temporal.PlainDate.from(today).subtract({ days: LOOK_BACK_DAYS }).toString();
  // A stakeholder's calendar holds committed launch days only (stakeholderWhen): a range has no day to put it on.
  const announcedBy = inProductOrg(person.roles) ? undefined : addDays(today, UPCOMING_WINDOW_DAYS);
  return buildCalendar({
    name: `${settings.orgName} rituals and launches`,
    timeZone: settings.timeZone,
    events: [
      ...occurrences.map(
        (o): TimedEvent => ({
          uid: `${o.id}@prodops`,
          title: o.ritualName,
          description: `Output artifact: ${o.outputArtifact}${o.holiday ? `\n${o.status === 'skipped' ? 'Skipped' : 'Moved'}: ${o.holiday}` : ''}`,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          url: `${publicUrl}/cadence/occurrences/${o.id}`,
          status:
            o.status === 'skipped' || o.status === 'cancelled'
              ? ('cancelled' as const)
              : ('confirmed' as const),
        }),
      ),
      ...(await launchEvents(db, launchesFrom, publicUrl, announcedBy)),
    ],
  });
}
