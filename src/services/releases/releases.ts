import { and, asc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { areas, enablementBundles, people, releases, releaseTierEvents } from '../../db/schema/index.ts';
import { businessDaysBefore } from '../../domain/cadence/business-days.ts';
import { describeTier, suggestTier } from '../../domain/releases/attributes.ts';
import { tierReviewOf, tierReviewReason } from '../../domain/releases/retier.ts';
import { todayIn } from '../../shared/calendar.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { TReleaseInput, TReleasePatch, TReleaseStatus, TReleaseView } from '../../shared/releases.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { checkPeopleRefs } from '../org/people.ts';
import { getSettings } from '../org/settings.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { followReleaseInRoadmap, linkRelease, roadmapItemExists } from '../roadmap/follow-release.ts';
import { followShares } from '../slack/shares.ts';
import { emitReleaseStatus } from '../webhooks/events.ts';
import { nextTier, notifyRetier, staleNote } from './retier.ts';
import { replanRelease, tierRule } from './schedule.ts';

/** The release shape is the shared schema's (ZReleaseView): one definition for services, API and web. */
export type ReleaseView = TReleaseView;

const pm = alias(people, 'pm_owner');
const eng = alias(people, 'eng_owner');

function selectReleases(db: Db) {
  return db
    .select({
      r: releases,
      areaName: areas.name,
      areaOwnerId: areas.ownerPmId,
      pmName: pm.name,
      engName: eng.name,
      distributedOn: enablementBundles.distributedOn,
      publishedOn: enablementBundles.publishedOn,
    })
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId))
    .leftJoin(pm, eq(pm.id, releases.pmOwnerId))
    .leftJoin(eng, eq(eng.id, releases.engOwnerId))
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReleases>['execute']>>[number];

function deadlines(settings: TSettings, tier: number | null, launch: string) {
  const rule = tierRule(settings, tier);
  if (!rule || rule.bundle === 'none') return { distributeBy: null, publishBy: null };
  const back = (n: number) => businessDaysBefore(launch, n, settings.workWeek, settings.holidays);
  return { distributeBy: back(rule.distributeBusinessDays), publishBy: back(rule.publishBusinessDays) };
}

function tierReviewLine(settings: TSettings, r: Row['r']): string | null {
  const review = tierReviewOf(r, settings.releaseAttributes);
  return review ? tierReviewReason(review) : null;
}

const toView = (settings: TSettings, { r, ...j }: Row): ReleaseView => ({
  id: r.id,
  title: r.title,
  areaId: r.areaId,
  areaName: j.areaName,
  areaOwnerId: j.areaOwnerId,
  pmOwnerId: r.pmOwnerId,
  pmOwnerName: j.pmName,
  engOwnerId: r.engOwnerId,
  engOwnerName: j.engName,
  tier: r.tier as ReleaseView['tier'],
  targetDate: r.targetDate,
  status: r.status,
  attributes: r.attributes,
  suggestedTier: r.suggestedTier,
  suggestedReason: r.suggestedReason,
  tierReason: r.tierReason,
  tierReview: tierReviewLine(settings, r),
  launchedOn: r.launchedOn,
  distributedOn: j.distributedOn,
  publishedOn: j.publishedOn,
  ...deadlines(settings, r.tier, r.targetDate),
});

export interface ReleaseFilter {
  limit: number;
  cursor?: string;
  q?: string;
  from?: string;
  to?: string;
  areaId?: string;
  status?: TReleaseStatus;
  tier?: number;
}

const FILTERS = ['q', 'from', 'to', 'areaId', 'status', 'tier'] as const;
const p = (name: (typeof FILTERS)[number]) => sql.placeholder(name);

/** The list's query for one set of filters, with the filters' values and the page as placeholders. */
function releaseListQuery(db: Db, used: ReadonlySet<string>) {
  const where: (SQL | undefined)[] = [
    used.has('q') ? ilike(releases.title, p('q')) : undefined,
    used.has('from') ? gte(releases.targetDate, p('from')) : undefined,
    used.has('to') ? lte(releases.targetDate, p('to')) : undefined,
    used.has('areaId') ? eq(releases.areaId, p('areaId')) : undefined,
    used.has('status') ? eq(releases.status, p('status')) : undefined,
    used.has('tier') ? eq(releases.tier, p('tier')) : undefined,
  ];
  return selectReleases(db)
    .where(and(...where))
    .orderBy(asc(releases.targetDate), asc(releases.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'));
}

export async function listReleases(db: Db, opts: ReleaseFilter) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const values: Record<string, unknown> = {
    q: opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
    from: opts.from,
    to: opts.to,
    areaId: opts.areaId,
    status: opts.status,
    tier: opts.tier,
  };
  // As before: a filter given as '' or 0 filters nothing.
  const used = new Set(FILTERS.filter((f) => Boolean(values[f])));
  // One prepared statement per combination of filters (at most 64), built on first use.
  const name = `releases_list_${FILTERS.map((f) => (used.has(f) ? 1 : 0)).join('')}`;
  const rows = await preparedOn(db, name, (d, as) => releaseListQuery(d, used).prepare(as)).execute({
    ...values,
    limit: opts.limit + 1,
    offset,
  });
  const page = pageOf(rows, opts.limit, offset);
  const settings = await getSettings(db);
  return { items: page.items.map((row) => toView(settings, row)), nextCursor: page.nextCursor };
}

/** What deciding who may read a release needs, and nothing else: one prepared statement, no settings, no dates. */
export interface ReleaseBrief {
  id: string;
  status: TReleaseStatus;
  areaOwnerId: string | null;
  pmOwnerId: string | null;
}

export async function getReleaseBrief(db: Db, id: string): Promise<ReleaseBrief | null> {
  const [row] = await preparedOn(db, 'release_brief', (d, name) =>
    d
      .select({
        id: releases.id,
        status: releases.status,
        areaOwnerId: areas.ownerPmId,
        pmOwnerId: releases.pmOwnerId,
      })
      .from(releases)
      .leftJoin(areas, eq(areas.id, releases.areaId))
      .where(eq(releases.id, sql.placeholder('id')))
      .prepare(name),
  ).execute({ id });
  return row ?? null;
}

export async function getRelease(db: Db, id: string): Promise<ReleaseView | null> {
  return (await getReleaseAsOf(db, id))?.release ?? null;
}

/** A release and when its row last changed, in one read (the status card says "as of"). */
export async function getReleaseAsOf(
  db: Db,
  id: string,
): Promise<{ release: ReleaseView; updatedAt: Date } | null> {
  const [row] = await selectReleases(db).where(eq(releases.id, id));
  return row ? { release: toView(await getSettings(db), row), updatedAt: row.r.updatedAt } : null;
}

async function checkRefs(db: Db, input: TReleasePatch, errors: FieldError[]) {
  errors.push(
    ...(
      await checkPeopleRefs(db, [
        { path: 'pmOwnerId', id: input.pmOwnerId, roles: ['pm', 'head_of_product'], label: 'a PM' },
        { path: 'engOwnerId', id: input.engOwnerId },
      ])
    ).errors,
  );
  if (input.areaId && !(await db.select().from(areas).where(eq(areas.id, input.areaId)))[0])
    errors.push({ path: 'areaId', message: 'is not a known area' });
  if (input.roadmapItemId && !(await roadmapItemExists(db, input.roadmapItemId)))
    errors.push({ path: 'roadmapItemId', message: 'is not a known roadmap item' });
}

/** After a write: the linked roadmap item (if one was named) lists the release, and every item shipping it follows. */
async function linkAndFollow(tx: Db, actor: Actor, releaseId: string, itemId: string | undefined, now: Date) {
  if (itemId) await linkRelease(tx, { actor, itemId, releaseId, now });
  await followReleaseInRoadmap(tx, releaseId, now);
}

/** go / hold / delay are outcomes of a recorded go/no-go decision, never a bare status edit. */
const DECIDED_STATUSES: readonly TReleaseStatus[] = ['go', 'hold', 'delay'];

/** Where a status may move by edit; rolled back only follows a launch. */
const NEXT_STATUS: Record<TReleaseStatus, readonly TReleaseStatus[]> = {
  planned: ['in_readiness', 'launched'],
  in_readiness: ['planned', 'launched'],
  go: ['planned', 'in_readiness', 'launched'],
  hold: ['planned', 'in_readiness'],
  delay: ['planned', 'in_readiness'],
  launched: ['rolled_back'],
  rolled_back: ['planned', 'in_readiness'],
};

function checkStatus(from: TReleaseStatus | null, to: TReleaseStatus | undefined, errors: FieldError[]) {
  if (!to || to === from) return;
  if (DECIDED_STATUSES.includes(to)) {
    errors.push({
      path: 'status',
      message: `${to} is set by a go/no-go decision: POST /api/v1/releases/{id}/decisions with a reason`,
    });
  } else if (from && !NEXT_STATUS[from].includes(to)) {
    errors.push({ path: 'status', message: `cannot move from ${from} to ${to}` });
  }
}

interface TierFields {
  attributes: string[];
  suggestedTier: number;
  suggestedReason: string;
  decidedBy: string[];
}

/** The suggestion from the attributes (settings' tier table); null when an attribute is unknown. */
function suggestionFields(
  settings: TSettings,
  attributes: string[],
  errors: FieldError[],
): TierFields | null {
  const known = new Set(settings.releaseAttributes.map((a) => a.key));
  attributes.forEach((a, i) => {
    if (!known.has(a))
      errors.push({
        path: `attributes.${i}`,
        message: `is not a release attribute (known: ${[...known].join(', ')})`,
      });
  });
  if (errors.some((e) => e.path.startsWith('attributes'))) return null;
  const s = suggestTier(attributes, settings.releaseAttributes);
  return {
    attributes: [...new Set(attributes)],
    suggestedTier: s.tier,
    suggestedReason: s.reason,
    decidedBy: s.decidedBy,
  };
}

/** Assigning below the suggestion needs the PM's reason. */
function requireReason(
  s: TierFields,
  next: { tier?: number | null; tierReason?: string | null },
  errors: FieldError[],
): void {
  if (!s.attributes.length || !next.tier || next.tier >= s.suggestedTier || next.tierReason?.trim()) return;
  errors.push({
    path: 'tierReason',
    message: `is required: ${describeTier(next.tier as 1 | 2 | 3)} is below the suggested ${describeTier(s.suggestedTier as 1 | 2 | 3)} (${s.decidedBy.join(', ')})`,
  });
}

const stored = ({ decidedBy: _, ...s }: TierFields) => s;

/** Every change of suggestion, tier or reason is kept (a re-tier with a reason alone is one); returns the event's id. */
async function recordTierEvent(
  tx: Db,
  actor: Actor,
  before: ReleaseView | null,
  after: ReleaseView,
  note: string | null = after.tierReason,
): Promise<string | null> {
  const suggestionMoved =
    before?.suggestedTier !== after.suggestedTier ||
    JSON.stringify(before?.attributes) !== JSON.stringify(after.attributes);
  const reasonMoved = before !== null && before.tierReason !== after.tierReason;
  if (!suggestionMoved && !reasonMoved && before?.tier === after.tier) return null;
  const [row] = await tx
    .insert(releaseTierEvents)
    .values({
      releaseId: after.id,
      by: actor.label,
      attributes: after.attributes,
      suggestedTier: after.suggestedTier ?? 1,
      suggestedReason: after.suggestedReason ?? '',
      assignedTier: after.tier,
      note,
    })
    .returning({ id: releaseTierEvents.id });
  return row!.id;
}

export async function createRelease(opts: { db: Db; actor: Actor; input: TReleaseInput; now: Date }) {
  return opts.db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const errors: FieldError[] = [];
    await checkRefs(tx, opts.input, errors);
    checkStatus(null, opts.input.status, errors);
    const tier = suggestionFields(settings, opts.input.attributes ?? [], errors);
    if (tier) requireReason(tier, opts.input, errors);
    if (errors.length || !tier) throw invalid(errors);
    const launchedOn = opts.input.status === 'launched' ? todayIn(settings.timeZone, opts.now) : null;
    const { roadmapItemId, ...input } = opts.input;
    const [row] = await tx
      .insert(releases)
      .values({ ...input, ...stored(tier), launchedOn })
      .returning({ id: releases.id });
    const after = (await getRelease(tx, row!.id))!;
    await recordTierEvent(tx, opts.actor, null, after);
    await replanRelease(tx, after.id, opts.now);
    await linkAndFollow(tx, opts.actor, after.id, roadmapItemId, opts.now);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.create',
      entityType: 'release',
      entityId: after.id,
      change: opts.input,
    });
    return (await getRelease(tx, row!.id))!;
  });
}

/** The tier history's entry for an update; a reason that stopped counting says so, and the PM hears it. */
async function recordTierChange(
  tx: Db,
  actor: Actor,
  before: ReleaseView,
  after: ReleaseView,
  stale: boolean,
) {
  if (!stale) {
    await recordTierEvent(tx, actor, before, after);
    return;
  }
  const eventId = await recordTierEvent(tx, actor, before, after, staleNote(before, after));
  if (eventId) await notifyRetier(tx, after, eventId);
}

export async function updateRelease(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TReleasePatch;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const before = await getRelease(tx, opts.id);
    if (!before) throw notFound('release');
    const settings = await getSettings(tx);
    const errors: FieldError[] = [];
    await checkRefs(tx, opts.patch, errors);
    checkStatus(before.status, opts.patch.status, errors);
    const tier = suggestionFields(settings, opts.patch.attributes ?? before.attributes, errors);
    const next = tier ? nextTier(before, opts.patch, tier.suggestedTier) : null;
    // Only a request that assigns the tier or gives a reason is held to it; otherwise the gate asks for a re-tier.
    const assigns = opts.patch.tier !== undefined || opts.patch.tierReason !== undefined;
    if (tier && next && assigns) requireReason(tier, next, errors);
    if (errors.length || !tier || !next) throw invalid(errors);
    const launching = opts.patch.status === 'launched' && before.status !== 'launched';
    const { roadmapItemId, ...patch } = opts.patch;
    await tx
      .update(releases)
      .set({
        ...patch,
        ...stored(tier),
        tierReason: next.tierReason,
        ...(launching ? { launchedOn: todayIn(settings.timeZone, opts.now) } : {}),
        updatedAt: opts.now,
      })
      .where(eq(releases.id, opts.id));
    const after = (await getRelease(tx, opts.id))!;
    await recordTierChange(tx, opts.actor, before, after, next.stale);
    await emitReleaseStatus(tx, before.status, after, opts.now);
    await replanRelease(tx, opts.id, opts.now);
    await linkAndFollow(tx, opts.actor, opts.id, roadmapItemId, opts.now);
    await followShares(tx, 'release', opts.id, opts.now);
    const change = diffFields(before, after);
    if (Object.keys(change).length)
      await recordAudit(tx, {
        actor: opts.actor,
        action: launching ? 'release.launch' : 'release.update',
        entityType: 'release',
        entityId: opts.id,
        change,
      });
    return after;
  });
}

export async function deleteRelease(opts: { db: Db; actor: Actor; id: string; now: Date }) {
  await opts.db.transaction(async (tx) => {
    const before = await getRelease(tx, opts.id);
    if (!before) throw notFound('release');
    await replanRelease(tx, opts.id, opts.now, { removing: true });
    await tx.delete(releases).where(eq(releases.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.delete',
      entityType: 'release',
      entityId: opts.id,
      change: { deleted: before },
    });
  });
}

export async function tierHistory(db: Db, releaseId: string) {
  const rows = await db
    .select()
    .from(releaseTierEvents)
    .where(eq(releaseTierEvents.releaseId, releaseId))
    .orderBy(asc(releaseTierEvents.at));
  return rows.map((e) => ({
    at: e.at.toISOString(),
    by: e.by,
    attributes: e.attributes,
    suggestedTier: e.suggestedTier,
    suggestedReason: e.suggestedReason,
    assignedTier: e.assignedTier,
    note: e.note,
  }));
}
