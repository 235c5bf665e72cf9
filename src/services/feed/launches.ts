import { and, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, enablementBundles, releases } from '../../db/schema/index.ts';
import type { LinkedRelease } from '../../domain/roadmap/follow-release.ts';
import type { TReleaseStatus } from '../../shared/releases.ts';

/** A held or rolled-back launch is never announced: go/no-go said not now, or it was taken back. */
export const UNANNOUNCED: readonly TReleaseStatus[] = ['hold', 'rolled_back'];

export interface FeedRelease extends LinkedRelease {
  id: string;
  tier: number | null;
  areaName: string | null;
  distributedOn: string | null;
}

/** The day a release sits on: the day it launched, else its target. */
export const releaseDay = (r: Pick<LinkedRelease, 'status' | 'launchedOn' | 'targetDate'>): string =>
  r.status === 'launched' ? (r.launchedOn ?? r.targetDate) : r.targetDate;

/**
 * A release the feed announces: customer-facing (Tier 2/3), neither held nor rolled back, and launched or still
 * to come from the first of this month (a past target nobody launched is not news).
 */
export const announceable = (r: Pick<FeedRelease, 'tier' | 'status' | 'targetDate'>, monthStart: string) =>
  (r.tier === 2 || r.tier === 3) &&
  !UNANNOUNCED.includes(r.status) &&
  (r.status === 'launched' || r.targetDate >= monthStart);

const columns = {
  id: releases.id,
  title: releases.title,
  tier: releases.tier,
  status: releases.status,
  targetDate: releases.targetDate,
  launchedOn: releases.launchedOn,
  areaName: areas.name,
  distributedOn: enablementBundles.distributedOn,
};

const day = sql<string>`case when ${releases.status} = 'launched' then coalesce(${releases.launchedOn}, ${releases.targetDate}) else ${releases.targetDate} end`;

/** Customer-facing releases whose day falls in [from, to], neither held nor rolled back. */
export async function releasesBetween(db: Db, from: string, to: string): Promise<FeedRelease[]> {
  return db
    .select(columns)
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId))
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(
      and(
        inArray(releases.tier, [2, 3]),
        notInArray(releases.status, [...UNANNOUNCED]),
        gte(day, from),
        lte(day, to),
      ),
    );
}

/** The releases these ids name, whatever their tier or status: what the roadmap's items ship. */
export async function releasesByIds(db: Db, ids: readonly string[]): Promise<FeedRelease[]> {
  if (!ids.length) return [];
  return db
    .select(columns)
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId))
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(inArray(releases.id, [...ids]));
}

/** The first day a customer-facing launch happened: whether the feed has older months to offer. */
export async function firstLaunchDay(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${day})` })
    .from(releases)
    .where(and(inArray(releases.tier, [2, 3]), eq(releases.status, 'launched')));
  return row?.first ?? null;
}
