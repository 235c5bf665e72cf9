import { type AnyColumn, and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import {
  areas,
  people,
  releases,
  roadmapItemRatifications,
  roadmapItems,
  roadmapItemVersions,
} from '../../db/schema/index.ts';
import { diffRoadmap } from '../../domain/roadmap/changes.ts';
import { withLaunches } from '../../domain/roadmap/follow-release.ts';
import { horizonOf, quartersText, rangeText } from '../../domain/roadmap/quarters.ts';
import { todayIn } from '../../shared/calendar.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type {
  TRoadmapItemInput,
  TRoadmapItemPatch,
  TRoadmapItemState,
  TRoadmapStatus,
} from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { containsPattern, decodeCursor, pageOf } from '../paging.ts';

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

const ratified = alias(roadmapItemVersions, 'ratified');
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
    .leftJoin(
      ratified,
      and(eq(ratified.itemId, roadmapItems.id), eq(ratified.version, roadmapItems.ratifiedVersion)),
    )
    .innerJoin(
      areas,
      reader === 'org' ? eq(areas.id, roadmapItems.areaId) : eq(areas.id, sql`(${state}->>'areaId')::uuid`),
    )
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .$dynamic();
  return { q, state, visible: reader === 'org' ? undefined : sql`${state}->>'visibility' = 'stakeholders'` };
}
type Row = Awaited<ReturnType<ReturnType<typeof selectItems>['q']['execute']>>[number];

function toView(
  settings: TSettings,
  today: string,
  row: Row,
  readable?: ReadonlySet<string>,
): RoadmapItemView {
  const org = !readable;
  const s = org
    ? row.state
    : { ...row.ratifiedState!, dependsOn: row.ratifiedState!.dependsOn.filter((d) => readable.has(d)) };
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

/** `column = any(ids)` with the ids as one array parameter (a roadmap state's ids are uuids: the schema says so). */
const anyOf = (column: AnyColumn, ids: readonly string[]) => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/**
 * The items a stakeholder may read at all: ratified, and ratified as shown to stakeholders; with `among`, only
 * those of these ids (what one item's dependencies need, without reading the whole roadmap).
 */
export async function readableItemIds(db: Db, among?: readonly string[]): Promise<Set<string>> {
  if (among && !among.length) return new Set();
  const rows = await db
    .select({ id: roadmapItems.id })
    .from(roadmapItems)
    .innerJoin(
      ratified,
      and(eq(ratified.itemId, roadmapItems.id), eq(ratified.version, roadmapItems.ratifiedVersion)),
    )
    .where(
      and(
        sql`${ratified.state}->>'visibility' = 'stakeholders'`,
        among ? anyOf(roadmapItems.id, among) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.id));
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

/** What following launches reads of a state (and all shownItemsShipping fetches of one). */
type ShippingState = Pick<TRoadmapItemState, 'status' | 'earliest' | 'latest' | 'releaseIds'>;

/**
 * The launched releases among those these states ship: a stakeholder reads an item shipped as soon as its
 * release launched. Only the releases the states name are read (not every launch there ever was).
 */
async function launchesShown(db: Db, states: readonly ShippingState[]) {
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
  return preparedOn(db, name, (d) => {
    const { q, state, visible } = selectItems(d, reader);
    return q
      .where(and(visible))
      .orderBy(asc(areas.name), sql`${state}->>'earliest'`, asc(roadmapItems.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(name);
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

/** References an item's state makes: its area, the items it depends on (never itself, never a cycle), releases, themes. */
async function checkRefs(tx: Db, id: string | null, s: TRoadmapItemState, settings: TSettings) {
  const errors: FieldError[] = [];
  if (!(await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, s.areaId)))[0])
    errors.push({ path: 'areaId', message: 'no such area' });
  if (id && s.dependsOn.includes(id))
    errors.push({ path: 'dependsOn', message: 'an item cannot depend on itself' });
  const deps = s.dependsOn.length
    ? await tx.select({ id: roadmapItems.id }).from(roadmapItems).where(inArray(roadmapItems.id, s.dependsOn))
    : [];
  const missingDeps = s.dependsOn.filter((d) => !deps.some((x) => x.id === d));
  if (missingDeps.length)
    errors.push({ path: 'dependsOn', message: `no such roadmap item: ${missingDeps.join(', ')}` });
  if (id && !errors.length && (await createsCycle(tx, id, s.dependsOn)))
    errors.push({ path: 'dependsOn', message: 'would make a dependency cycle' });
  const rel = s.releaseIds.length
    ? await tx.select({ id: releases.id }).from(releases).where(inArray(releases.id, s.releaseIds))
    : [];
  const missingRel = s.releaseIds.filter((r) => !rel.some((x) => x.id === r));
  if (missingRel.length)
    errors.push({ path: 'releaseIds', message: `no such release: ${missingRel.join(', ')}` });
  const known = new Set(settings.insights.themes.map((t) => t.key));
  const unknown = s.themes.filter((t) => !known.has(t));
  if (unknown.length)
    errors.push({ path: 'themes', message: `not a theme of the taxonomy: ${unknown.join(', ')}` });
  if (errors.length) throw invalid(errors);
}

/** Walks what the new dependencies depend on: reaching `id` again means a cycle. */
async function createsCycle(tx: Db, id: string, dependsOn: readonly string[]): Promise<boolean> {
  const all = await tx.select({ id: roadmapItems.id, state: roadmapItems.state }).from(roadmapItems);
  const edges = new Map(all.map((r) => [r.id, r.state.dependsOn]));
  const seen = new Set<string>();
  const stack = [...dependsOn];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === id) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return false;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

function stateOf(input: TRoadmapItemInput): TRoadmapItemState {
  return {
    title: input.title,
    summary: input.summary,
    customerNote: input.customerNote ?? '',
    areaId: input.areaId,
    status: input.status ?? 'planned',
    confidence: input.confidence,
    earliest: input.earliest,
    latest: input.latest,
    visibility: input.visibility ?? 'stakeholders',
    dependsOn: unique(input.dependsOn ?? []),
    releaseIds: unique(input.releaseIds ?? []),
    themes: unique(input.themes ?? []),
  };
}

/** `now` lets the demo and tests place changes in the past (a change made two weeks ago). */
export async function createRoadmapItem(o: { db: Db; actor: Actor; input: TRoadmapItemInput; now: Date }) {
  const id = await o.db.transaction(async (tx) => {
    const state = stateOf(o.input);
    await checkRefs(tx, null, state, await getSettings(tx));
    const at = o.now;
    const [row] = await tx
      .insert(roadmapItems)
      .values({ areaId: state.areaId, state, createdAt: at, updatedAt: at })
      .returning({ id: roadmapItems.id });
    await writeVersion(tx, {
      itemId: row!.id,
      version: 1,
      state,
      note: o.input.note ?? '',
      actor: o.actor,
      at,
    });
    await recordAudit(tx, {
      actor: o.actor,
      action: 'roadmap_item.create',
      entityType: 'roadmap_item',
      entityId: row!.id,
      change: state,
    });
    return row!.id;
  });
  return (await getRoadmapItem(o.db, id, o.now))!;
}

export async function writeVersion(
  tx: Db,
  v: {
    itemId: string;
    version: number;
    state: TRoadmapItemState;
    note: string;
    actor: Actor;
    at: Date;
    kind?: 'edit' | 'revert';
  },
) {
  await tx.insert(roadmapItemVersions).values({
    itemId: v.itemId,
    version: v.version,
    state: v.state,
    kind: v.kind ?? 'edit',
    note: v.note,
    changedById: v.actor.personId,
    changedBy: v.actor.label,
    changedAt: v.at,
  });
}

/** A change is a new version; a patch that changes nothing writes nothing. */
export async function updateRoadmapItem(o: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TRoadmapItemPatch;
  now: Date;
}) {
  await o.db.transaction(async (tx) => {
    const [row] = await tx.select().from(roadmapItems).where(eq(roadmapItems.id, o.id)).for('update');
    if (!row) throw notFound('roadmap item');
    const { note, ...patch } = o.patch;
    const next: TRoadmapItemState = { ...row.state, ...stripUndefined(patch) };
    for (const key of ['dependsOn', 'releaseIds', 'themes'] as const) next[key] = unique(next[key]);
    if (next.earliest > next.latest)
      throw invalid([
        { path: o.patch.latest ? 'latest' : 'earliest', message: 'latest must be on or after earliest' },
      ]);
    const changed = diffFields(row.state, next);
    if (Object.keys(changed).length === 0) return;
    await checkRefs(tx, o.id, next, await getSettings(tx));
    const at = o.now;
    const version = row.version + 1;
    await tx
      .update(roadmapItems)
      .set({ state: next, areaId: next.areaId, version, updatedAt: at })
      .where(eq(roadmapItems.id, o.id));
    await writeVersion(tx, { itemId: o.id, version, state: next, note: note ?? '', actor: o.actor, at });
    await recordAudit(tx, {
      actor: o.actor,
      action: 'roadmap_item.update',
      entityType: 'roadmap_item',
      entityId: o.id,
      change: changed,
    });
  });
  return (await getRoadmapItem(o.db, o.id, o.now))!;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

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
  const shownAt = readable ? await ratificationTimes(db, id) : undefined;
  const versions = shownAt
    ? all
        .filter((v) => shownAt.has(v.version) && v.state.visibility === 'stakeholders')
        .map((v) => ({ ...v, note: '', kind: 'edit' as const, state: withoutHidden(v.state, readable!) }))
    : all;
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
        changedAt: (shownAt?.get(v.version) ?? v.changedAt).toISOString(),
        state: v.state,
        changes,
        ratified: item.ratifiedVersion === v.version,
      };
    })
    .reverse();
}

/** A state as a stakeholder may read it: dependencies only on items they can read. */
const withoutHidden = (s: TRoadmapItemState, readable: ReadonlySet<string>): TRoadmapItemState => ({
  ...s,
  dependsOn: s.dependsOn.filter((d) => readable.has(d)),
});

/** Makes `version` what stakeholders read from `at` on. */
export async function markRatified(tx: Db, itemId: string, version: number, at: Date): Promise<string> {
  await tx.update(roadmapItems).set({ ratifiedVersion: version }).where(eq(roadmapItems.id, itemId));
  const [row] = await tx
    .insert(roadmapItemRatifications)
    .values({ itemId, version, at })
    .returning({ id: roadmapItemRatifications.id });
  return row!.id;
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
  if (reader === 'stakeholder')
    return new Map([...(await ratifiedStates(db, reader))].map(([id, s]) => [id, s.title]));
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
  // Only the fields a stakeholder's "when" reads, not two whole state documents an item (issue 19).
  const rows = await db
    .select({
      id: roadmapItems.id,
      workingReleaseIds: sql<string[]>`${roadmapItems.state}->'releaseIds'`,
      ratified: sql<ShippingState>`jsonb_build_object('status', ${ratified.state}->'status', 'earliest', ${ratified.state}->'earliest', 'latest', ${ratified.state}->'latest', 'releaseIds', ${ratified.state}->'releaseIds')`,
    })
    .from(roadmapItems)
    .innerJoin(
      ratified,
      and(eq(ratified.itemId, roadmapItems.id), eq(ratified.version, roadmapItems.ratifiedVersion)),
    )
    .where(
      and(
        sql`${ratified.state}->>'visibility' = 'stakeholders'`,
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
  const shown = rows.filter((r) => r.state.visibility === 'stakeholders');
  const readable = new Set(shown.map((r) => r.id));
  // "What changed" compares two instants: launches are read as they stand now in both, so only reviews move it.
  const shows = await launchesShown(
    db,
    shown.map((r) => r.state),
  );
  return new Map(shown.map((r) => [r.id, shows(withoutHidden(r.state, readable))]));
}
