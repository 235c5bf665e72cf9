import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roadmapItemRatifications, roadmapItems, roadmapItemVersions } from '../../db/schema/index.ts';
import { diffRoadmap } from '../../domain/roadmap/changes.ts';
import { notFound } from '../../shared/errors.ts';
import type { TRoadmapItemState } from '../../shared/roadmap.ts';
import { getSettings } from '../org/settings.ts';
import { launchesShown, type Reader, type ShippingState } from './item-reads.ts';
import {
  projectStates,
  projectVersions,
  ratified,
  ratifiedOfItem,
  readableItemIds,
  shownSql,
  stakeholderTitles,
} from './stakeholder-projection.ts';

/**
 * Roadmap items over time: an item's versions with what each changed, every item's state at an instant, the
 * working and ratified states, titles, and the shown items that ship given releases.
 */

/**
 * Every version of an item, newest first, each with what it changed against the one before. A stakeholder reads
 * only the versions they could read (ratified ones shown to stakeholders), without the PMs' notes.
 */
export async function itemHistory(db: Db, id: string, reader: Reader = 'org') {
  const [item] = await db.select().from(roadmapItems).where(eq(roadmapItems.id, id));
  const readable = reader === 'org' ? undefined : await readableItemIds(db);
  if (!item || (readable && !readable.has(id))) throw notFound('roadmap item');
  const all = await db
    .select()
    .from(roadmapItemVersions)
    .where(eq(roadmapItemVersions.itemId, id))
    .orderBy(asc(roadmapItemVersions.version));
  const versions = readable ? projectVersions(all, await ratificationTimes(db, id), readable) : all;
  const settings = await getSettings(db);
  const titles = await itemTitles(db, reader);
  const fy = settings.roadmap.fiscalYearStartMonth;
  return versions
    .map((v, i) => {
      const before = new Map(i === 0 ? [] : [[id, versions[i - 1]!.state]]);
      const changes = diffRoadmap(before, new Map([[id, v.state]]), fy, titles)
        .filter((c) => c.kind !== 'dependency_broken')
        .map((c) => c.text);
      return {
        version: v.version,
        kind: v.kind,
        note: v.note,
        changedBy: v.changedBy,
        changedAt: v.changedAt.toISOString(),
        state: v.state,
        changes,
        ratified: item.ratifiedVersion === v.version,
      };
    })
    .reverse();
}

/** When each version of an item first became what stakeholders read. */
async function ratificationTimes(db: Db, itemId: string): Promise<Map<number, Date>> {
  const rows = await db
    .select({ version: roadmapItemRatifications.version, at: roadmapItemRatifications.at })
    .from(roadmapItemRatifications)
    .where(eq(roadmapItemRatifications.itemId, itemId))
    .orderBy(desc(roadmapItemRatifications.at));
  return new Map(rows.map((r) => [r.version, r.at]));
}

/** Item titles by id; a stakeholder's hold only the ratified titles of items they can read. */
export async function itemTitles(db: Db, reader: Reader = 'org'): Promise<Map<string, string>> {
  if (reader === 'stakeholder') return stakeholderTitles(db);
  const rows = await db
    .select({ id: roadmapItems.id, title: sql<string>`${roadmapItems.state}->>'title'` })
    .from(roadmapItems);
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Every item's state as it was at an instant (items created later are absent). */
export async function statesAt(db: Db, at: Date): Promise<Map<string, TRoadmapItemState>> {
  const rows = await db
    .selectDistinctOn([roadmapItemVersions.itemId], {
      itemId: roadmapItemVersions.itemId,
      state: roadmapItemVersions.state,
    })
    .from(roadmapItemVersions)
    .where(lte(roadmapItemVersions.changedAt, at))
    .orderBy(roadmapItemVersions.itemId, desc(roadmapItemVersions.version));
  return new Map(rows.map((r) => [r.itemId, r.state]));
}

/** The working state of every item, in display order. */
export async function currentStates(db: Db): Promise<Map<string, TRoadmapItemState>> {
  const rows = await db
    .select({ id: roadmapItems.id, state: roadmapItems.state })
    .from(roadmapItems)
    .orderBy(sql`${roadmapItems.state}->>'earliest'`, asc(roadmapItems.id));
  return new Map(rows.map((r) => [r.id, r.state]));
}

/**
 * The items stakeholders are shown that ship one of these releases (in the working state or the ratified one), in
 * currentStates' order: the working releases, and the ratified dates and releases as stakeholders read them (a
 * launch shown at once). What a release's stakeholder "when" needs, without reading the whole roadmap.
 */
export async function shownItemsShipping(
  db: Db,
  releaseIds: readonly string[],
): Promise<
  {
    id: string;
    workingReleaseIds: string[];
    shown: Pick<TRoadmapItemState, 'earliest' | 'latest' | 'releaseIds'>;
  }[]
> {
  if (!releaseIds.length) return [];
  const ids = sql`${sql.param(releaseIds)}::text[]`;
  const rows = await db
    // Only the fields a stakeholder's "when" reads, not two whole state documents an item (issue 19).
    .select({
      id: roadmapItems.id,
      workingReleaseIds: sql<string[]>`${roadmapItems.state}->'releaseIds'`,
      ratified: sql<ShippingState>`jsonb_build_object('status', ${ratified.state}->'status', 'earliest', ${ratified.state}->'earliest', 'latest', ${ratified.state}->'latest', 'releaseIds', ${ratified.state}->'releaseIds')`,
    })
    .from(roadmapItems)
    .innerJoin(ratified, ratifiedOfItem())
    .where(
      and(
        shownSql(ratified.state),
        sql`(${roadmapItems.state}->'releaseIds' ?| ${ids} or ${ratified.state}->'releaseIds' ?| ${ids})`,
      ),
    )
    .orderBy(sql`${roadmapItems.state}->>'earliest'`, asc(roadmapItems.id));
  const shows = await launchesShown(
    db,
    rows.map((r) => r.ratified),
  );
  return rows.map((r) => {
    const shown = shows(r.ratified);
    return {
      id: r.id,
      workingReleaseIds: r.workingReleaseIds,
      shown: { earliest: shown.earliest, latest: shown.latest, releaseIds: shown.releaseIds },
    };
  });
}

/**
 * What stakeholders have been shown: each item's ratified version (never-ratified items are absent), or as it
 * stood at an instant. For a stakeholder reader, only items ratified as shown to stakeholders, without
 * dependencies on the others.
 */
export async function ratifiedStates(
  db: Db,
  reader: Reader = 'org',
  at?: Date,
): Promise<Map<string, TRoadmapItemState>> {
  const rows = at
    ? await db
        .selectDistinctOn([roadmapItemRatifications.itemId], {
          id: roadmapItemRatifications.itemId,
          state: roadmapItemVersions.state,
        })
        .from(roadmapItemRatifications)
        .innerJoin(
          roadmapItemVersions,
          and(
            eq(roadmapItemVersions.itemId, roadmapItemRatifications.itemId),
            eq(roadmapItemVersions.version, roadmapItemRatifications.version),
          ),
        )
        .where(lte(roadmapItemRatifications.at, at))
        .orderBy(
          roadmapItemRatifications.itemId,
          desc(roadmapItemRatifications.at),
          desc(roadmapItemRatifications.version),
        )
    : await db
        .select({ id: roadmapItemVersions.itemId, state: roadmapItemVersions.state })
        .from(roadmapItemVersions)
        .innerJoin(
          roadmapItems,
          and(
            eq(roadmapItems.id, roadmapItemVersions.itemId),
            eq(roadmapItems.ratifiedVersion, roadmapItemVersions.version),
          ),
        )
        .orderBy(sql`${roadmapItemVersions.state}->>'earliest'`, asc(roadmapItemVersions.itemId));
  if (reader === 'org') return new Map(rows.map((r) => [r.id, r.state]));
  const shown = projectStates(rows);
  // "What changed" compares two instants: launches are read as they stand now in both, so only reviews move it.
  const shows = await launchesShown(
    db,
    shown.map((r) => r.state),
  );
  return new Map(shown.map((r) => [r.id, shows(r.state)]));
}
