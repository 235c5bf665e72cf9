import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, releases } from '../../db/schema/index.ts';
import { invalid, notFound } from '../../server/errors.ts';
import type { RELEASE_STATUSES, TReleaseInput, TReleasePatch } from '../../shared/updates.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { checkPeopleRefs } from '../org/people.ts';
import { decodeCursor, pageOf } from '../paging.ts';

export interface ReleaseView {
  id: string;
  title: string;
  areaId: string | null;
  areaName: string | null;
  /** For the policy: the owning PM of the release's area may edit it. */
  areaOwnerId: string | null;
  pmOwnerId: string | null;
  engOwnerId: string | null;
  tier: number | null;
  targetDate: string;
  status: (typeof RELEASE_STATUSES)[number];
}

function selectReleases(db: Db) {
  return db
    .select({ r: releases, areaName: areas.name, areaOwnerId: areas.ownerPmId })
    .from(releases)
    .leftJoin(areas, eq(areas.id, releases.areaId));
}

const toView = (row: {
  r: typeof releases.$inferSelect;
  areaName: string | null;
  areaOwnerId: string | null;
}): ReleaseView => ({
  id: row.r.id,
  title: row.r.title,
  areaId: row.r.areaId,
  areaName: row.areaName,
  areaOwnerId: row.areaOwnerId,
  pmOwnerId: row.r.pmOwnerId,
  engOwnerId: row.r.engOwnerId,
  tier: row.r.tier,
  targetDate: row.r.targetDate,
  status: row.r.status as ReleaseView['status'],
});

export async function listReleases(db: Db, opts: { limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const rows = await selectReleases(db)
    .orderBy(asc(releases.targetDate), asc(releases.id))
    .limit(opts.limit + 1)
    .offset(offset);
  const page = pageOf(rows, opts.limit, offset);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function getRelease(db: Db, id: string): Promise<ReleaseView | null> {
  const [row] = await selectReleases(db).where(eq(releases.id, id));
  return row ? toView(row) : null;
}

async function checkRefs(db: Db, input: TReleasePatch) {
  const errors = (
    await checkPeopleRefs(db, [
      { path: 'pmOwnerId', id: input.pmOwnerId, roles: ['pm', 'head_of_product'], label: 'a PM' },
      { path: 'engOwnerId', id: input.engOwnerId },
    ])
  ).errors;
  if (input.areaId && !(await db.select().from(areas).where(eq(areas.id, input.areaId)))[0])
    errors.push({ path: 'areaId', message: 'is not a known area' });
  if (errors.length) throw invalid(errors);
}

export async function createRelease(opts: { db: Db; actor: Actor; input: TReleaseInput }) {
  return opts.db.transaction(async (tx) => {
    await checkRefs(tx, opts.input);
    const [row] = await tx.insert(releases).values(opts.input).returning({ id: releases.id });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.create',
      entityType: 'release',
      entityId: row!.id,
      change: opts.input,
    });
    return (await getRelease(tx, row!.id))!;
  });
}

export async function updateRelease(opts: { db: Db; actor: Actor; id: string; patch: TReleasePatch }) {
  return opts.db.transaction(async (tx) => {
    const before = await getRelease(tx, opts.id);
    if (!before) throw notFound('release');
    await checkRefs(tx, opts.patch);
    await tx
      .update(releases)
      .set({ ...opts.patch, updatedAt: new Date() })
      .where(eq(releases.id, opts.id));
    const after = (await getRelease(tx, opts.id))!;
    const change = diffFields(before, after);
    if (Object.keys(change).length)
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'release.update',
        entityType: 'release',
        entityId: opts.id,
        change,
      });
    return after;
  });
}

export async function deleteRelease(opts: { db: Db; actor: Actor; id: string }) {
  await opts.db.transaction(async (tx) => {
    const before = await getRelease(tx, opts.id);
    if (!before) throw notFound('release');
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
