import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { areas, people, releases, roadmapItems } from '../../db/schema/index.ts';
import { withLaunches } from '../../domain/roadmap/follow-release.ts';
import { horizonOf, quartersText, rangeText } from '../../domain/roadmap/quarters.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TRoadmapItemState, TRoadmapStatus } from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import { getSettings } from '../org/settings.ts';
import { containsPattern, decodeCursor, pageOf } from '../paging.ts';
import {
  anyOf,
  projectState,
  ratified,
  ratifiedOfItem,
  readableItemIds,
  shownSql,
} from './stakeholder-projection.ts';

/**
 * Roadmap items as their readers see them: the list and one item, for the product org (the working state) or a
 * stakeholder (the ratified version, of items shown to stakeholders), and which items a stakeholder may read.
 */

export interface RoadmapItemView extends TRoadmapItemState {
  id: string;
  areaName: string;
  /** For the policy: the PM owning the item's area edits it. */
  areaOwnerId: string | null;
  ownerPmId: string | null;
  ownerPmName: string | null;
  version: number;
  ratifiedVersion: number | null;
  pending: boolean;
  quarters: string;
  rangeText: string;
  horizon: 'past' | 'current' | 'next' | 'later';
  updatedAt: string;
}

/**
 * Whose eyes: the product org reads the working state; a stakeholder reads only the version the Head of Product
 * ratified, of items ratified as shown to stakeholders, and never learns of the others.
 */
export type Reader = 'org' | 'stakeholder';

const stateFor = (reader: Reader) =>
  reader === 'org'
    ? sql<TRoadmapItemState>`${roadmapItems.state}`
    : sql<TRoadmapItemState>`${ratified.state}`;

function selectItems(db: Db, reader: Reader) {
  const state = stateFor(reader);
  const q = db
    .select({
      i: {
        id: roadmapItems.id,
        version: roadmapItems.version,
        ratifiedVersion: roadmapItems.ratifiedVersion,
        updatedAt: roadmapItems.updatedAt,
      },
      // Only the state this reader reads: a stakeholder's rows never carry the working state, and an org list
      // does not fetch and parse every item's document twice (issue 19).
      state: (reader === 'org' ? sql`${roadmapItems.state}` : sql`null`).mapWith(roadmapItems.state),
      ratifiedState: (reader === 'org' ? sql`null` : sql`${ratified.state}`).mapWith(ratified.state),
      ratifiedWrittenAt: ratified.changedAt,
      areaName: areas.name,
      ownerPmId: areas.ownerPmId,
      ownerPmName: people.name,
    })
    .from(roadmapItems)
    .leftJoin(ratified, ratifiedOfItem())
    .innerJoin(
      areas,
      reader === 'org' ? eq(areas.id, roadmapItems.areaId) : eq(areas.id, sql`(${state}->>'areaId')::uuid`),
    )
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .$dynamic();
  // A stakeholder's rows: the stakeholder projection's (stakeholder-projection.ts).
  return { q, state, visible: reader === 'org' ? undefined : shownSql(state) };
}
type Row = Awaited<ReturnType<ReturnType<typeof selectItems>['q']['execute']>>[number];

function toView(
  settings: TSettings,
  today: string,
  row: Row,
  readable?: ReadonlySet<string>,
): RoadmapItemView {
  const org = !readable;
  const s = org ? row.state : projectState(row.ratifiedState!, readable);
  const fy = settings.roadmap.fiscalYearStartMonth;
  return {
    ...s,
    id: row.i.id,
    areaName: row.areaName,
    areaOwnerId: row.ownerPmId,
    ownerPmId: row.ownerPmId,
    ownerPmName: row.ownerPmName,
    version: org ? row.i.version : row.i.ratifiedVersion!,
    ratifiedVersion: row.i.ratifiedVersion,
    pending: org && row.i.ratifiedVersion !== row.i.version,
    quarters: quartersText(s.earliest, s.latest, fy),
    rangeText: rangeText(s.earliest, s.latest),
    horizon: horizonOf(s.earliest, s.latest, today, fy),
    updatedAt: (org ? row.i.updatedAt : row.ratifiedWrittenAt!).toISOString(),
  };
}

async function viewsOf(db: Db, reader: Reader, rows: Row[], now: Date) {
  const settings = await getSettings(db);
  const today = todayIn(settings.timeZone, now);
  if (reader === 'org') return rows.map((r) => toView(settings, today, r));
  const states = rows.map((r) => r.ratifiedState!);
  const readable = await readableItemIds(db, [...new Set(states.flatMap((s) => s.dependsOn))]);
  const shows = await launchesShown(db, states);
  return rows.map((r) => toView(settings, today, { ...r, ratifiedState: shows(r.ratifiedState!) }, readable));
}

/**
 * The launched releases among those these states ship: a stakeholder reads an item shipped as soon as its
 * release launched. Only the releases the states name are read (not every launch there ever was).
 */
/** What following launches reads of a state (and all shownItemsShipping fetches of one). */
export type ShippingState = Pick<TRoadmapItemState, 'status' | 'earliest' | 'latest' | 'releaseIds'>;

export async function launchesShown(db: Db, states: readonly ShippingState[]) {
  const ids = [...new Set(states.flatMap((s) => s.releaseIds))];
  const launched = ids.length
    ? await db
        .select({
          id: releases.id,
          title: releases.title,
          status: releases.status,
          targetDate: releases.targetDate,
          launchedOn: releases.launchedOn,
        })
        .from(releases)
        .where(and(eq(releases.status, 'launched'), anyOf(releases.id, ids)))
    : [];
  const byId = new Map(launched.map((r) => [r.id, r]));
  return <S extends ShippingState>(s: S) =>
    withLaunches(
      s,
      s.releaseIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    );
}

export interface RoadmapFilter {
  limit: number;
  cursor?: string;
  q?: string;
  areaId?: string;
  status?: TRoadmapStatus;
  visibility?: 'internal' | 'stakeholders';
  pending?: 'true' | 'false';
  releaseId?: string;
  theme?: string;
}

/** The whole roadmap a reader sees, a page at a time: the list's usual query, prepared once (issue 19). */
function unfilteredList(db: Db, reader: Reader) {
  const name = `roadmap_items_${reader}`;
  return preparedOn(db, name, (d, as) => {
    const { q, state, visible } = selectItems(d, reader);
    return q
      .where(and(visible))
      .orderBy(asc(areas.name), sql`${state}->>'earliest'`, asc(roadmapItems.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(as);
  });
}

export async function listRoadmapItems(db: Db, f: RoadmapFilter, now: Date, reader: Reader = 'org') {
  const offset = decodeCursor(f.cursor) ?? 0;
  const { q, state, visible } = selectItems(db, reader);
  const pendingSql = sql`${roadmapItems.ratifiedVersion} is distinct from ${roadmapItems.version}`;
  const where: (SQL | undefined)[] = [
    visible,
    f.areaId ? sql`${state}->>'areaId' = ${f.areaId}` : undefined,
    f.status ? sql`${state}->>'status' = ${f.status}` : undefined,
    f.visibility ? sql`${state}->>'visibility' = ${f.visibility}` : undefined,
    // A stakeholder's items are ratified by definition: none is pending.
    f.pending === 'true'
      ? reader === 'org'
        ? pendingSql
        : sql`false`
      : f.pending === 'false' && reader === 'org'
        ? sql`not (${pendingSql})`
        : undefined,
    f.releaseId ? sql`${state}->'releaseIds' @> ${JSON.stringify([f.releaseId])}::jsonb` : undefined,
    f.theme ? sql`${state}->'themes' @> ${JSON.stringify([f.theme])}::jsonb` : undefined,
    f.q
      ? sql`(${state}->>'title' ilike ${containsPattern(f.q)} or ${state}->>'summary' ilike ${containsPattern(f.q)})`
      : undefined,
  ];
  const order = [asc(areas.name), sql`${state}->>'earliest'`, asc(roadmapItems.id)];
  const [, ...filters] = where;
  const rows = filters.some(Boolean)
    ? await q
        .where(and(...where))
        .orderBy(...order)
        .limit(f.limit + 1)
        .offset(offset)
    : await unfilteredList(db, reader).execute({ limit: f.limit + 1, offset });
  const page = pageOf(rows, f.limit, offset);
  return { items: await viewsOf(db, reader, page.items, now), nextCursor: page.nextCursor };
}

export async function getRoadmapItem(
  db: Db,
  id: string,
  now: Date,
  reader: Reader = 'org',
): Promise<RoadmapItemView | null> {
  const { q, visible } = selectItems(db, reader);
  const rows = await q.where(and(eq(roadmapItems.id, id), visible));
  return rows.length ? (await viewsOf(db, reader, rows, now))[0]! : null;
}
