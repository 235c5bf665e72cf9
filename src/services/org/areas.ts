import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { areas, people } from '../../db/schema/index.ts';
import { todayIn } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TAreaInput, TAreaPatch } from '../../shared/org.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { keepUsersOfMonth } from '../quality/burden.ts';
import { checkPeopleRefs } from './people.ts';
import { getSettings } from './settings.ts';

export interface AreaView {
  id: string;
  slug: string;
  name: string;
  description: string;
  ownerPmId: string | null;
  ownerPmName: string | null;
  engLeadId: string | null;
  engLeadName: string | null;
  activeUsers: number;
}

const owner = alias(people, 'owner');
const lead = alias(people, 'lead');

function selectAreas(db: Db) {
  return db
    .select({
      id: areas.id,
      slug: areas.slug,
      name: areas.name,
      description: areas.description,
      ownerPmId: areas.ownerPmId,
      ownerPmName: owner.name,
      engLeadId: areas.engLeadId,
      engLeadName: lead.name,
      activeUsers: areas.activeUsers,
    })
    .from(areas)
    .leftJoin(owner, eq(owner.id, areas.ownerPmId))
    .leftJoin(lead, eq(lead.id, areas.engLeadId));
}

export async function listAreas(db: Db, opts: { q?: string; limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const name = pattern ? 'areas_list_q' : 'areas_list';
  const q = sql.placeholder('pattern');
  const rows = await preparedOn(db, name, (d, as) =>
    selectAreas(d)
      .where(pattern ? or(ilike(areas.name, q), ilike(areas.slug, q)) : undefined)
      .orderBy(asc(areas.name), asc(areas.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(as),
  ).execute({ pattern, limit: opts.limit + 1, offset });
  return pageOf<AreaView>(rows, opts.limit, offset);
}

/** Who owns an area (its PM), or null when there is no such area: what area-scoped policies need. */
export async function areaOwnerOf(db: Db, id: string): Promise<{ ownerPmId: string | null } | null> {
  const [row] = await db.select({ ownerPmId: areas.ownerPmId }).from(areas).where(eq(areas.id, id));
  return row ?? null;
}

export async function getArea(db: Db, id: string): Promise<AreaView | null> {
  const [row] = await selectAreas(db).where(eq(areas.id, id));
  return row ?? null;
}

async function checkAreaRefs(db: Db, input: TAreaPatch) {
  const { errors } = await checkPeopleRefs(db, [
    { path: 'ownerPmId', id: input.ownerPmId, roles: ['pm', 'head_of_product'], label: 'a PM' },
    { path: 'engLeadId', id: input.engLeadId, roles: ['eng_lead', 'engineer'], label: 'an engineer' },
  ]);
  if (errors.length) throw invalid(errors);
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string) {
  const [existing] = await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, slug));
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `an area with slug ${slug} already exists`, [
      { path: 'slug', message: 'is already used by another area' },
    ]);
  }
}

export async function createArea(opts: { db: Db; actor: Actor; input: TAreaInput }): Promise<AreaView> {
  return opts.db.transaction(async (tx) => {
    await checkAreaRefs(tx, opts.input);
    await assertSlugFree(tx, opts.input.slug);
    const [row] = await tx.insert(areas).values(opts.input).returning({ id: areas.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'area.create',
      entityType: 'area',
      entityId: row.id,
      change: opts.input,
    });
    return (await getArea(tx, row.id))!;
  });
}

export async function updateArea(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TAreaPatch;
  now: Date;
}): Promise<AreaView> {
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(areas).where(eq(areas.id, opts.id));
    if (!before) throw notFound('area');
    await checkAreaRefs(tx, opts.patch);
    if (opts.patch.slug) await assertSlugFree(tx, opts.patch.slug, opts.id);
    const [after] = await tx
      .update(areas)
      .set({ ...opts.patch, updatedAt: opts.now })
      .where(eq(areas.id, opts.id))
      .returning();
    if (!after) throw notFound('area');
    const { updatedAt: _a, ...b } = before;
    const { updatedAt: _b, ...a } = after;
    const change = diffFields(b, a);
    // A count entered on the area is this month's in the history its operational burden reads.
    if ('activeUsers' in change) {
      const month = todayIn((await getSettings(tx)).timeZone, opts.now).slice(0, 7);
      await keepUsersOfMonth(tx, {
        areaId: opts.id,
        month,
        users: a.activeUsers,
        by: opts.actor.label,
        now: opts.now,
      });
    }
    if (Object.keys(change).length > 0) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'area.update',
        entityType: 'area',
        entityId: opts.id,
        change,
      });
    }
    return (await getArea(tx, opts.id))!;
  });
}

export async function deleteArea(opts: { db: Db; actor: Actor; id: string }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(areas).where(eq(areas.id, opts.id)).returning();
    if (!row) throw notFound('area');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'area.delete',
      entityType: 'area',
      entityId: opts.id,
      change: { deleted: row },
    });
  });
}
