import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  areas,
  releases,
  roadmapItemRatifications,
  roadmapItems,
  roadmapItemVersions,
} from '../../db/schema/index.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { TRoadmapItemInput, TRoadmapItemPatch, TRoadmapItemState } from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { getRoadmapItem } from './item-reads.ts';

/**
 * Writing roadmap items: create and update (each change a new version, its references checked, audited), a
 * version row, and marking a version ratified.
 */

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

/** Makes `version` what stakeholders read from `at` on. */
export async function markRatified(tx: Db, itemId: string, version: number, at: Date): Promise<string> {
  await tx.update(roadmapItems).set({ ratifiedVersion: version }).where(eq(roadmapItems.id, itemId));
  const [row] = await tx
    .insert(roadmapItemRatifications)
    .values({ itemId, version, at })
    .returning({ id: roadmapItemRatifications.id });
  return row!.id;
}
