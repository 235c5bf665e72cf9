import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { betRoadmapItems, bets, people, pods, roadmapItems } from '../../db/schema/index.ts';
import { placeBet } from '../../domain/velocity/bets.ts';
import {
  CHANGE_KINDS,
  type TBet,
  type TBetInput,
  type TBetPatch,
  type TBetProfile,
  type TBetQuery,
} from '../../shared/bets.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { briefsOf } from './briefs.ts';

/** A bet as the API returns it, before the route adds the caller's permissions. */
export type BetView = Omit<TBet, 'permissions'>;

function selectBets(db: Db) {
  return db
    .select({
      bet: bets,
      podName: pods.name,
      ownerName: people.name,
    })
    .from(bets)
    .leftJoin(pods, eq(pods.id, bets.podId))
    .innerJoin(people, eq(people.id, bets.ownerId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectBets>['where']>>[number];

async function toViews(db: Db, rows: Selected[]): Promise<BetView[]> {
  const ids = rows.map((r) => r.bet.id);
  if (ids.length === 0) return [];
  const links = await db
    .select({ betId: betRoadmapItems.betId, id: roadmapItems.id, state: roadmapItems.state })
    .from(betRoadmapItems)
    .innerJoin(roadmapItems, eq(roadmapItems.id, betRoadmapItems.itemId))
    .where(inArray(betRoadmapItems.betId, ids));
  const briefs = await briefsOf(db, ids);
  return rows.map(({ bet: b, podName, ownerName }) => ({
    id: b.id,
    title: b.title,
    summary: b.summary,
    pod: b.podId && podName !== null ? { id: b.podId, name: podName } : null,
    owner: { id: b.ownerId, name: ownerName },
    status: b.status,
    profile: b.profile,
    placement: placeBet(b.profile),
    roadmapItems: links
      .filter((l) => l.betId === b.id)
      .map((l) => ({ id: l.id, title: l.state.title }))
      .sort((x, y) => x.title.localeCompare(y.title)),
    briefs: briefs.filter((x) => x.betId === b.id),
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  }));
}

/** Bets, newest first, of one pod and/or one status. */
export async function listBets(
  db: Db,
  q: TBetQuery,
): Promise<{ items: BetView[]; nextCursor: string | null }> {
  const offset = decodeCursor(q.cursor) ?? 0;
  const rows = await selectBets(db)
    .where(
      and(q.podId ? eq(bets.podId, q.podId) : undefined, q.status ? eq(bets.status, q.status) : undefined),
    )
    .orderBy(desc(bets.createdAt), asc(bets.id))
    .limit(q.limit + 1)
    .offset(offset);
  const page = pageOf(rows, q.limit, offset);
  return { items: await toViews(db, page.items), nextCursor: page.nextCursor };
}

export async function getBet(db: Db, id: string): Promise<BetView | null> {
  return (await toViews(db, await selectBets(db).where(eq(bets.id, id))))[0] ?? null;
}

/** One answer per kind of change, in a fixed order: the same profile is stored the same way. */
const normalProfile = (p: TBetProfile): TBetProfile => ({
  ...p,
  change: CHANGE_KINDS.filter((k) => p.change.includes(k)),
});

/** The pod, the owner (an active person) and the roadmap items a write names must exist. */
async function checkLinks(tx: Db, input: TBetPatch): Promise<void> {
  const errors: FieldError[] = [];
  if (input.podId) {
    const [pod] = await tx.select({ id: pods.id }).from(pods).where(eq(pods.id, input.podId));
    if (!pod) errors.push({ path: 'podId', message: 'is not a known pod' });
  }
  if (input.ownerId) {
    const [owner] = await tx.select().from(people).where(eq(people.id, input.ownerId));
    if (!owner) errors.push({ path: 'ownerId', message: 'is not a known person' });
    else if (!owner.active) errors.push({ path: 'ownerId', message: `${owner.name} is no longer active` });
  }
  const itemIds = input.roadmapItemIds ?? [];
  if (itemIds.length) {
    const found = new Set(
      (
        await tx.select({ id: roadmapItems.id }).from(roadmapItems).where(inArray(roadmapItems.id, itemIds))
      ).map((r) => r.id),
    );
    itemIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `roadmapItemIds.${i}`, message: 'is not a roadmap item' });
    });
  }
  if (errors.length) throw invalid(errors);
}

async function linkItems(tx: Db, betId: string, itemIds: string[]): Promise<void> {
  await tx.delete(betRoadmapItems).where(eq(betRoadmapItems.betId, betId));
  const unique = [...new Set(itemIds)];
  if (unique.length) await tx.insert(betRoadmapItems).values(unique.map((itemId) => ({ betId, itemId })));
}

/** What the audit log compares: the bet's fields and its links, with the cluster the profile gives. */
const snapshot = (v: BetView) => ({
  title: v.title,
  summary: v.summary,
  podId: v.pod?.id ?? null,
  ownerId: v.owner.id,
  status: v.status,
  profile: v.profile,
  cluster: v.placement.cluster,
  roadmapItemIds: v.roadmapItems.map((i) => i.id).sort(),
});

export async function createBet(o: { db: Db; actor: Actor; input: TBetInput; now: Date }): Promise<BetView> {
  return o.db.transaction(async (tx) => {
    await checkLinks(tx, o.input);
    const { roadmapItemIds, ...fields } = o.input;
    const [row] = await tx
      .insert(bets)
      .values({
        ...fields,
        summary: fields.summary ?? '',
        profile: normalProfile(fields.profile),
        createdBy: o.actor.label,
        createdAt: o.now,
        updatedAt: o.now,
      })
      .returning({ id: bets.id });
    await linkItems(tx, row!.id, roadmapItemIds ?? []);
    const view = (await getBet(tx, row!.id))!;
    await recordAudit(tx, {
      actor: o.actor,
      action: 'bet.create',
      entityType: 'bet',
      entityId: view.id,
      change: snapshot(view),
    });
    return view;
  });
}

/** Changes a bet; `roadmapItemIds` replaces its links. */
export async function updateBet(o: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TBetPatch;
  now: Date;
}): Promise<BetView> {
  return o.db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: bets.id }).from(bets).where(eq(bets.id, o.id)).for('update');
    if (!locked) throw notFound('bet');
    const before = (await getBet(tx, o.id))!;
    await checkLinks(tx, o.patch);
    const { roadmapItemIds, ...fields } = o.patch;
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (fields.profile) set.profile = normalProfile(fields.profile);
    if (Object.keys(set).length) await tx.update(bets).set(set).where(eq(bets.id, o.id));
    if (roadmapItemIds) await linkItems(tx, o.id, roadmapItemIds);
    const after = (await getBet(tx, o.id))!;
    const change = diffFields(snapshot(before), snapshot(after));
    if (Object.keys(change).length === 0) return before;
    await tx.update(bets).set({ updatedAt: o.now }).where(eq(bets.id, o.id));
    await recordAudit(tx, {
      actor: o.actor,
      action: 'bet.update',
      entityType: 'bet',
      entityId: o.id,
      change,
    });
    return { ...after, updatedAt: o.now.toISOString() };
  });
}
