import { and, asc, desc, eq, exists, gte, inArray, lte, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  decisionEvents,
  decisions,
  people,
  releases,
  roadmapItems,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TDecisionLogEntry, TDecisionLogQuery } from '../../shared/decisions.ts';
import type { TSettings } from '../../shared/settings.ts';
import { getSettings } from '../org/settings.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import type { Reader } from '../roadmap/item-reads.ts';
import {
  projectLinks,
  ratified,
  readableItems,
  stakeholderTitles,
} from '../roadmap/stakeholder-projection.ts';

/** A decision log entry as services return it; routes add the caller's `permissions`. */
export type DecisionView = Omit<TDecisionLogEntry, 'permissions'>;

function selectDecisions(db: Db) {
  return db
    .select({ d: decisions, ownerName: people.name, occurrenceId: roadmapReviews.occurrenceId })
    .from(decisions)
    .innerJoin(people, eq(people.id, decisions.ownerId))
    .leftJoin(roadmapReviews, eq(roadmapReviews.id, decisions.reviewId));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectDecisions>['execute']>>[number];

const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];

/** What the entries of a page point at, each fetched once for the whole page. */
async function lookups(db: Db, rows: Row[], reader: Reader) {
  const ids = rows.map((r) => r.d.id);
  const events = await db
    .select()
    .from(decisionEvents)
    .where(inArray(decisionEvents.decisionId, ids))
    // One transaction gives its events one timestamp: "recorded" comes first among them.
    .orderBy(asc(decisionEvents.at), sql`${decisionEvents.kind} <> 'recorded'`, asc(decisionEvents.id));
  const relatedIds = unique([
    ...rows.flatMap((r) => [r.d.supersedesId, r.d.supersededById]),
    ...events.map((e) => e.relatedDecisionId),
  ]);
  const itemIds = unique(rows.flatMap((r) => r.d.roadmapItemIds));
  const releaseIds = unique(rows.flatMap((r) => r.d.releaseIds));
  const related = relatedIds.length
    ? await db
        .select({ id: decisions.id, number: decisions.number, title: decisions.title })
        .from(decisions)
        .where(inArray(decisions.id, relatedIds))
    : [];
  // A stakeholder reads the ratified titles of the items they may read, and nothing of the others.
  const items =
    reader === 'stakeholder'
      ? [...(await stakeholderTitles(db, itemIds))].map(([id, title]) => ({ id, title }))
      : itemIds.length
        ? await db
            .select({ id: roadmapItems.id, title: sql<string>`${roadmapItems.state}->>'title'` })
            .from(roadmapItems)
            .where(inArray(roadmapItems.id, itemIds))
        : [];
  const rels = releaseIds.length
    ? await db
        .select({ id: releases.id, title: releases.title })
        .from(releases)
        .where(inArray(releases.id, releaseIds))
    : [];
  return {
    events,
    related: new Map(related.map((d) => [d.id, d])),
    itemTitles: new Map(items.map((i) => [i.id, i.title])),
    reader,
    releaseTitles: new Map(rels.map((r) => [r.id, r.title])),
  };
}

function toView(row: Row, l: Awaited<ReturnType<typeof lookups>>, settings: TSettings, today: string) {
  const { d } = row;
  const themeLabels = new Map(settings.insights.themes.map((t) => [t.key, t.label]));
  const link = (id: string | null) => (id ? (l.related.get(id) ?? null) : null);
  const view: DecisionView = {
    id: d.id,
    number: d.number,
    decidedOn: d.decidedOn,
    title: d.title,
    context: d.context,
    options: d.options,
    rationale: d.rationale,
    ownerId: d.ownerId,
    ownerName: row.ownerName,
    reviewDate: d.reviewDate,
    nextReviewDate: d.nextReviewDate,
    reviewDue: d.status === 'active' && d.nextReviewDate <= today,
    status: d.status,
    supersedes: link(d.supersedesId),
    supersededBy: link(d.supersededById),
    // Items are never deleted (dropped instead); a deleted release keeps its link, named as such.
    roadmapItems:
      l.reader === 'org'
        ? d.roadmapItemIds.map((id) => ({ id, title: l.itemTitles.get(id) ?? '(unknown item)' }))
        : projectLinks(d.roadmapItemIds, l.itemTitles),
    releases: d.releaseIds.map((id) => ({ id, title: l.releaseTitles.get(id) ?? '(deleted release)' })),
    themes: d.themes.map((key) => ({ key, label: themeLabels.get(key) ?? key })),
    occurrenceId: row.occurrenceId,
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    history: l.events
      .filter((e) => e.decisionId === d.id)
      .map((e) => ({
        kind: e.kind,
        note: e.note,
        nextReviewDate: e.nextReviewDate,
        relatedDecisionId: e.relatedDecisionId,
        relatedNumber: link(e.relatedDecisionId)?.number ?? null,
        by: e.by,
        at: e.at.toISOString(),
      })),
  };
  return view;
}

async function present(
  db: Db,
  rows: Row[],
  now: Date,
  reader: Reader,
  settings?: TSettings,
): Promise<DecisionView[]> {
  if (!rows.length) return [];
  settings ??= await getSettings(db);
  const today = todayIn(settings.timeZone, now);
  const l = await lookups(db, rows, reader);
  return rows.map((row) => toView(row, l, settings, today));
}

export async function getDecision(
  db: Db,
  id: string,
  now: Date,
  reader: Reader = 'org',
): Promise<DecisionView | null> {
  const rows = await selectDecisions(db).where(eq(decisions.id, id));
  return (await present(db, rows, now, reader))[0] ?? null;
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every word must appear somewhere in the title, context, rationale or options (case aside). */
function searchWords(q: string | undefined): SQL[] {
  const words = (q ?? '').split(/\s+/).filter(Boolean);
  const text = sql`(${decisions.title} || ' ' || ${decisions.context} || ' ' || ${decisions.rationale} || ' ' || array_to_string(${decisions.options}, ' '))`;
  return words.map((w) => sql`${text} ilike ${likePattern(w)}`);
}

const isDue = (today: string) => and(eq(decisions.status, 'active'), lte(decisions.nextReviewDate, today))!;

/** Linked to a roadmap item or a release of the area. */
const inArea = (areaId: string, items: SQL) =>
  sql`(${items} or exists (select 1 from ${releases} where ${releases.id} = any(${decisions.releaseIds}) and ${releases.areaId} = ${areaId}))`;

/**
 * The roadmap filters (by item, by area through its items), as the reader may use them: a stakeholder's match only
 * items they may read, in the area their ratified version says, so a filter never hints at an internal item.
 */
function itemFilters(db: Db, q: TDecisionLogQuery, reader: Reader): (SQL | undefined)[] {
  const linked = sql`${roadmapItems.id} = any(${decisions.roadmapItemIds})`;
  if (reader === 'org')
    return [
      q.roadmapItemId ? sql`${q.roadmapItemId}::uuid = any(${decisions.roadmapItemIds})` : undefined,
      q.areaId
        ? inArea(
            q.areaId,
            sql`exists (select 1 from ${roadmapItems} where ${linked} and ${roadmapItems.areaId} = ${q.areaId})`,
          )
        : undefined,
    ];
  return [
    q.roadmapItemId
      ? exists(readableItems(db, and(linked, eq(roadmapItems.id, q.roadmapItemId))))
      : undefined,
    q.areaId
      ? inArea(
          q.areaId,
          exists(readableItems(db, and(linked, sql`${ratified.state}->>'areaId' = ${q.areaId}`))),
        )
      : undefined,
  ];
}

function filters(q: TDecisionLogQuery, today: string): (SQL | undefined)[] {
  return [
    ...searchWords(q.q),
    q.ownerId ? eq(decisions.ownerId, q.ownerId) : undefined,
    q.status ? eq(decisions.status, q.status) : undefined,
    q.due === 'true' ? isDue(today) : q.due === 'false' ? not(isDue(today)) : undefined,
    q.releaseId ? sql`${q.releaseId}::uuid = any(${decisions.releaseIds})` : undefined,
    q.theme ? sql`${q.theme} = any(${decisions.themes})` : undefined,
    q.from ? gte(decisions.decidedOn, q.from) : undefined,
    q.to ? lte(decisions.decidedOn, q.to) : undefined,
  ];
}

/** Newest decision first (by date, then number). */
export async function listDecisions(db: Db, q: TDecisionLogQuery, now: Date, reader: Reader = 'org') {
  const offset = decodeCursor(q.cursor) ?? 0;
  const settings = await getSettings(db);
  const rows = await selectDecisions(db)
    .where(and(...filters(q, todayIn(settings.timeZone, now)), ...itemFilters(db, q, reader)))
    .orderBy(desc(decisions.decidedOn), desc(decisions.number))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(rows, q.limit, offset);
  return { items: await present(db, page.items, now, reader, settings), nextCursor: page.nextCursor };
}

export interface DecisionRef {
  id: string;
  number: number;
  title: string;
  ownerName: string;
}

/** Active decisions whose review date is on or before the day: the Roadmap Review agenda's "due reviews". */
export async function dueDecisions(
  db: Db,
  onOrBefore: string,
): Promise<(DecisionRef & { nextReviewDate: string })[]> {
  return db
    .select({
      id: decisions.id,
      number: decisions.number,
      title: decisions.title,
      nextReviewDate: decisions.nextReviewDate,
      ownerName: people.name,
    })
    .from(decisions)
    .innerJoin(people, eq(people.id, decisions.ownerId))
    .where(isDue(onOrBefore))
    .orderBy(asc(decisions.nextReviewDate), asc(decisions.number));
}

/** The decisions recorded during one Roadmap Review. */
export async function decisionsOfReview(db: Db, reviewId: string): Promise<DecisionRef[]> {
  return db
    .select({ id: decisions.id, number: decisions.number, title: decisions.title, ownerName: people.name })
    .from(decisions)
    .innerJoin(people, eq(people.id, decisions.ownerId))
    .where(eq(decisions.reviewId, reviewId))
    .orderBy(asc(decisions.number));
}
