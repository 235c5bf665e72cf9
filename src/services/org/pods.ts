import { and, asc, eq, ilike, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, people, podMembers, podRotation, pods } from '../../db/schema/index.ts';
import { podCompositionErrors, podWarnings } from '../../domain/org/pods.ts';
import { isoWeekKey, todayIn } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TPodInput, TPodPatch, TPodWarning } from '../../shared/org.ts';
import type { TPodRole } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { decodeCursor, pageOf } from '../paging.ts';
import { checkPeopleRefs } from './people.ts';
import { getSettings } from './settings.ts';

export interface PodView {
  id: string;
  slug: string;
  name: string;
  areaId: string | null;
  areaName: string | null;
  /** For the policy (the area's PM may edit the pod); not part of the API's pod. */
  areaOwnerId: string | null;
  mission: string;
  slackChannel: string | null;
  members: { personId: string; name: string; email: string; role: TPodRole }[];
  rotation: { week: string; personId: string; name: string }[];
  warnings: TPodWarning[];
}

type PodRow = Omit<PodView, 'members' | 'rotation' | 'warnings'>;

function selectPods(db: Db) {
  return db
    .select({
      id: pods.id,
      slug: pods.slug,
      name: pods.name,
      areaId: pods.areaId,
      areaName: areas.name,
      areaOwnerId: areas.ownerPmId,
      mission: pods.mission,
      slackChannel: pods.slackChannel,
    })
    .from(pods)
    .leftJoin(areas, eq(areas.id, pods.areaId));
}

async function toViews(db: Db, rows: PodRow[], now: Date): Promise<PodView[]> {
  if (rows.length === 0) return [];
  const podIds = rows.map((r) => r.id);
  const settings = await getSettings(db);
  const thisWeek = isoWeekKey(todayIn(settings.timeZone, now));
  const members = await db
    .select({
      podId: podMembers.podId,
      role: podMembers.role,
      person: { id: people.id, name: people.name, email: people.email, active: people.active },
    })
    .from(podMembers)
    .innerJoin(people, eq(people.id, podMembers.personId))
    .where(inArray(podMembers.podId, podIds))
    .orderBy(asc(people.name));
  const personIds = [...new Set(members.map((m) => m.person.id))];
  const elsewhere = personIds.length
    ? await db
        .select({ personId: podMembers.personId, podId: podMembers.podId, podName: pods.name })
        .from(podMembers)
        .innerJoin(pods, eq(pods.id, podMembers.podId))
        .where(inArray(podMembers.personId, personIds))
    : [];
  const rotation = await db
    .select({
      podId: podRotation.podId,
      week: podRotation.week,
      personId: podRotation.personId,
      name: people.name,
    })
    .from(podRotation)
    .innerJoin(people, eq(people.id, podRotation.personId))
    .where(inArray(podRotation.podId, podIds))
    .orderBy(asc(podRotation.week));
  return rows.map((pod) => {
    const mine = members.filter((m) => m.podId === pod.id);
    const facts = mine.map((m) => ({
      personId: m.person.id,
      name: m.person.name,
      role: m.role,
      active: m.person.active,
      otherPods: elsewhere
        .filter((e) => e.personId === m.person.id && e.podId !== pod.id)
        .map((e) => e.podName),
    }));
    const podRotationRows = rotation.filter((r) => r.podId === pod.id);
    return {
      ...pod,
      members: mine.map((m) => ({
        personId: m.person.id,
        name: m.person.name,
        email: m.person.email,
        role: m.role,
      })),
      rotation: podRotationRows.map(({ week, personId, name }) => ({ week, personId, name })),
      warnings: podWarnings(
        facts,
        settings.pods,
        podRotationRows.some((r) => r.week === thisWeek),
      ),
    };
  });
}

export async function listPods(db: Db, opts: { q?: string; limit: number; cursor?: string; now: Date }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await selectPods(db)
    .where(pattern ? or(ilike(pods.name, pattern), ilike(pods.slug, pattern)) : undefined)
    .orderBy(asc(pods.name), asc(pods.id))
    .limit(opts.limit + 1)
    .offset(offset);
  const page = pageOf(rows, opts.limit, offset);
  return { items: await toViews(db, page.items, opts.now), nextCursor: page.nextCursor };
}

export async function getPod(db: Db, id: string, now: Date): Promise<PodView | null> {
  return (await toViews(db, await selectPods(db).where(eq(pods.id, id)), now))[0] ?? null;
}

async function validatePodInput(db: Db, input: TPodPatch) {
  const errors: { path: string; message: string }[] = [];
  if (input.areaId) {
    const [area] = await db.select({ id: areas.id }).from(areas).where(eq(areas.id, input.areaId));
    if (!area) errors.push({ path: 'areaId', message: 'is not a known area' });
  }
  const refs = [
    ...(input.members ?? []).map((m, i) => ({ path: `members.${i}.personId`, id: m.personId })),
    ...(input.rotation ?? []).map((r, i) => ({ path: `rotation.${i}.personId`, id: r.personId })),
  ];
  errors.push(...(await checkPeopleRefs(db, refs)).errors);
  if (input.members) errors.push(...podCompositionErrors(input.members, (await getSettings(db)).pods));
  const weeks = new Set<string>();
  (input.rotation ?? []).forEach((r, i) => {
    if (weeks.has(r.week))
      errors.push({ path: `rotation.${i}.week`, message: 'has two people for the same week' });
    weeks.add(r.week);
  });
  if (errors.length) throw invalid(errors);
}

async function assertSlugFree(db: Db, slug: string, exceptId?: string) {
  const [existing] = await db
    .select({ id: pods.id })
    .from(pods)
    .where(and(eq(pods.slug, slug), exceptId ? ne(pods.id, exceptId) : undefined));
  if (existing) {
    throw new AppError('conflict', `a pod with slug ${slug} already exists`, [
      { path: 'slug', message: 'is already used by another pod' },
    ]);
  }
}

async function writeMembersAndRotation(tx: Db, podId: string, input: TPodPatch) {
  if (input.members) {
    await tx.delete(podMembers).where(eq(podMembers.podId, podId));
    if (input.members.length) await tx.insert(podMembers).values(input.members.map((m) => ({ podId, ...m })));
  }
  if (input.rotation) {
    await tx.delete(podRotation).where(eq(podRotation.podId, podId));
    if (input.rotation.length)
      await tx.insert(podRotation).values(input.rotation.map((r) => ({ podId, ...r })));
  }
}

function snapshot(view: PodView) {
  return {
    slug: view.slug,
    name: view.name,
    areaId: view.areaId,
    mission: view.mission,
    slackChannel: view.slackChannel,
    members: view.members.map((m) => ({ personId: m.personId, role: m.role })),
    rotation: view.rotation.map((r) => ({ week: r.week, personId: r.personId })),
  };
}

export async function createPod(opts: {
  db: Db;
  actor: Actor;
  input: TPodInput;
  now: Date;
}): Promise<PodView> {
  return opts.db.transaction(async (tx) => {
    await validatePodInput(tx, opts.input);
    await assertSlugFree(tx, opts.input.slug);
    const { members: _m, rotation: _r, ...fields } = opts.input;
    const [row] = await tx.insert(pods).values(fields).returning({ id: pods.id });
    if (!row) throw new Error('insert returned nothing');
    await writeMembersAndRotation(tx, row.id, opts.input);
    const view = (await getPod(tx, row.id, opts.now))!;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pod.create',
      entityType: 'pod',
      entityId: row.id,
      change: snapshot(view),
    });
    return view;
  });
}

export async function updatePod(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TPodPatch;
  now: Date;
}): Promise<PodView> {
  return opts.db.transaction(async (tx) => {
    const before = await getPod(tx, opts.id, opts.now);
    if (!before) throw notFound('pod');
    await validatePodInput(tx, opts.patch);
    if (opts.patch.slug) await assertSlugFree(tx, opts.patch.slug, opts.id);
    const { members: _m, rotation: _r, ...fields } = opts.patch;
    if (Object.keys(fields).length)
      await tx
        .update(pods)
        .set({ ...fields, updatedAt: opts.now })
        .where(eq(pods.id, opts.id));
    await writeMembersAndRotation(tx, opts.id, opts.patch);
    const after = (await getPod(tx, opts.id, opts.now))!;
    const change = diffFields(snapshot(before), snapshot(after));
    if (Object.keys(change).length) {
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'pod.update',
        entityType: 'pod',
        entityId: opts.id,
        change,
      });
    }
    return after;
  });
}

export async function deletePod(opts: { db: Db; actor: Actor; id: string; now: Date }): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const before = await getPod(tx, opts.id, opts.now);
    if (!before) throw notFound('pod');
    await tx.delete(pods).where(eq(pods.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'pod.delete',
      entityType: 'pod',
      entityId: opts.id,
      change: { deleted: snapshot(before) },
    });
  });
}
