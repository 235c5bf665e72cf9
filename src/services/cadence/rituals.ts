import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, rituals } from '../../db/schema/index.ts';
import {
  MAX_RITUALS,
  type TAttendees,
  type THolidayPolicy,
  type TRitualInput,
  type TRitualPatch,
  type TSchedule,
} from '../../shared/cadence.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TRole } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { checkPeopleRefs } from '../org/people.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { syncRitualOccurrences } from './occurrences.ts';

export interface RitualView {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  schedule: TSchedule;
  holidayPolicy: THolidayPolicy;
  durationMinutes: number;
  timeBox: string;
  ownerRole: TRole;
  ownerPersonId: string | null;
  ownerName: string | null;
  attendees: TAttendees;
  inputs: string[];
  agenda: { minutes: number; item: string }[];
  outputArtifact: string;
  artifactDueHours: number;
  reminderMinutes: number | null;
  active: boolean;
}

function selectRituals(db: Db) {
  return db
    .select({ ritual: rituals, ownerName: people.name })
    .from(rituals)
    .leftJoin(people, eq(people.id, rituals.ownerPersonId));
}

function toView(row: { ritual: typeof rituals.$inferSelect; ownerName: string | null }): RitualView {
  const { createdAt: _c, updatedAt: _u, ...r } = row.ritual;
  return {
    ...r,
    holidayPolicy: r.holidayPolicy,
    ownerRole: r.ownerRole,
    ownerName: row.ownerName,
  };
}

export async function listRituals(db: Db, opts: { q?: string; limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await selectRituals(db)
    .where(pattern ? or(ilike(rituals.name, pattern), ilike(rituals.slug, pattern)) : undefined)
    .orderBy(asc(rituals.name), asc(rituals.id))
    .limit(opts.limit + 1)
    .offset(offset);
  const page = pageOf(rows, opts.limit, offset);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function getRitual(db: Db, id: string): Promise<RitualView | null> {
  const [row] = await selectRituals(db).where(eq(rituals.id, id));
  return row ? toView(row) : null;
}

async function checkRefs(db: Db, input: TRitualPatch) {
  const { errors } = await checkPeopleRefs(db, [
    { path: 'ownerPersonId', id: input.ownerPersonId },
    ...(input.attendees?.personIds ?? []).map((id, i) => ({ path: `attendees.personIds.${i}`, id })),
  ]);
  if (errors.length) throw invalid(errors);
}

/** A cap, so that re-planning every ritual after a settings change stays a bounded job. */
async function assertRoomForOne(db: Db) {
  const [row] = await db.select({ n: count() }).from(rituals);
  if ((row?.n ?? 0) >= MAX_RITUALS) {
    throw new AppError('conflict', `the org already has ${MAX_RITUALS} rituals, the most it may have`, [
      { path: 'rituals', message: `at most ${MAX_RITUALS} per org: delete one you no longer hold first` },
    ]);
  }
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string) {
  const [existing] = await db.select({ id: rituals.id }).from(rituals).where(eq(rituals.slug, slug));
  if (existing && existing.id !== exceptId) {
    throw new AppError('conflict', `a ritual with slug ${slug} already exists`, [
      { path: 'slug', message: 'is already used by another ritual' },
    ]);
  }
}

const attendeesOf = (a: Partial<TAttendees> | undefined): TAttendees => ({
  roles: a?.roles ?? [],
  functions: a?.functions ?? [],
  personIds: a?.personIds ?? [],
});

function columnsOf(input: TRitualPatch) {
  return { ...input, ...(input.attendees ? { attendees: attendeesOf(input.attendees) } : {}) };
}

export async function createRitual(opts: {
  db: Db;
  actor: Actor;
  input: TRitualInput;
  now: Date;
}): Promise<RitualView> {
  return opts.db.transaction(async (tx) => {
    await checkRefs(tx, opts.input);
    await assertRoomForOne(tx);
    await assertSlugFree(tx, opts.input.slug);
    const [row] = await tx
      .insert(rituals)
      .values({
        ...opts.input,
        attendees: attendeesOf(opts.input.attendees),
        agenda: opts.input.agenda ?? [],
        reminderMinutes: opts.input.reminderMinutes ?? null,
      })
      .returning({ id: rituals.id });
    if (!row) throw new Error('insert returned nothing');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'ritual.create',
      entityType: 'ritual',
      entityId: row.id,
      change: opts.input,
    });
    await syncRitualOccurrences(tx, row.id, { now: opts.now });
    return (await getRitual(tx, row.id))!;
  });
}

export async function updateRitual(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TRitualPatch;
  now: Date;
}): Promise<RitualView> {
  return opts.db.transaction(async (tx) => {
    const before = await getRitual(tx, opts.id);
    if (!before) throw notFound('ritual');
    await checkRefs(tx, opts.patch);
    if (opts.patch.slug) await assertSlugFree(tx, opts.patch.slug, opts.id);
    await tx
      .update(rituals)
      .set({ ...columnsOf(opts.patch), updatedAt: opts.now })
      .where(eq(rituals.id, opts.id));
    const after = (await getRitual(tx, opts.id))!;
    const change = diffFields(before, after);
    if (Object.keys(change).length) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'ritual.update',
        entityType: 'ritual',
        entityId: opts.id,
        change,
      });
      await syncRitualOccurrences(tx, opts.id, { now: opts.now });
    }
    return after;
  });
}

export async function deleteRitual(opts: { db: Db; actor: Actor; id: string; now: Date }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const before = await getRitual(tx, opts.id);
    if (!before) throw notFound('ritual');
    await syncRitualOccurrences(tx, opts.id, { removing: true, now: opts.now });
    await tx.delete(rituals).where(eq(rituals.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'ritual.delete',
      entityType: 'ritual',
      entityId: opts.id,
      change: { deleted: before },
    });
  });
}

export async function findRitualBySlug(db: Db, slug: string): Promise<RitualView | null> {
  const [row] = await selectRituals(db).where(eq(rituals.slug, slug));
  return row ? toView(row) : null;
}
