import { and, arrayOverlaps, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { occurrenceAttendance, people, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { type OccurrenceFacts, ritualAdoption } from '../../domain/cadence/adoption.ts';
import type { TAttendees } from '../../shared/cadence.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { cancelAction } from '../scheduling.ts';
import { artifactCheckKey, reminderKey } from './occurrences.ts';

/** The people a ritual expects: by role, by function, or named. Inactive people are not expected. */
export async function expectedAttendees(db: Db, attendees: TAttendees) {
  const conditions = [
    attendees.roles.length ? arrayOverlaps(people.roles, attendees.roles) : undefined,
    attendees.functions.length ? inArray(people.function, attendees.functions) : undefined,
    attendees.personIds.length ? inArray(people.id, attendees.personIds) : undefined,
  ].filter((c) => c !== undefined);
  if (!conditions.length) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.active, true), or(...conditions)));
}

export interface OccurrenceRecordInput {
  status?: 'scheduled' | 'held' | 'cancelled';
  attendance?: { personId: string; present: boolean }[];
  artifactProducedAt?: string | null;
  artifactRef?: string | null;
  notes?: string;
}

export async function getOccurrenceDetail(db: Db, id: string) {
  const [row] = await db
    .select({ o: ritualOccurrences, r: rituals })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(eq(ritualOccurrences.id, id));
  if (!row) return null;
  const recorded = await db
    .select({
      personId: occurrenceAttendance.personId,
      present: occurrenceAttendance.present,
      name: people.name,
    })
    .from(occurrenceAttendance)
    .innerJoin(people, eq(people.id, occurrenceAttendance.personId))
    .where(eq(occurrenceAttendance.occurrenceId, id));
  const expected = await expectedAttendees(db, row.r.attendees);
  const byId = new Map(recorded.map((r) => [r.personId, r]));
  const attendance = [
    ...expected.map((p) => ({ personId: p.id, name: p.name, present: byId.get(p.id)?.present ?? null })),
    ...recorded
      .filter((r) => !expected.some((p) => p.id === r.personId))
      .map((r) => ({ personId: r.personId, name: r.name, present: r.present })),
  ];
  return {
    id: row.o.id,
    ritualId: row.r.id,
    ritualName: row.r.name,
    ritualSlug: row.r.slug,
    ownerRole: row.r.ownerRole,
    ownerPersonId: row.r.ownerPersonId,
    outputArtifact: row.r.outputArtifact,
    key: row.o.key,
    localDate: row.o.localDate,
    startsAt: row.o.startsAt.toISOString(),
    endsAt: row.o.endsAt.toISOString(),
    status: row.o.status,
    shiftedFrom: row.o.shiftedFrom,
    holiday: row.o.holiday,
    artifactDueAt: row.o.artifactDueAt.toISOString(),
    artifactProducedAt: row.o.artifactProducedAt?.toISOString() ?? null,
    artifactRef: row.o.artifactRef,
    notes: row.o.notes,
    attendance,
  };
}

/** Records what happened at an occurrence: attendance, its artifact, notes, or a cancellation. */
export async function recordOccurrence(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: OccurrenceRecordInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const before = await getOccurrenceDetail(tx, opts.id);
    if (!before) throw notFound('occurrence');
    const { attendance, artifactProducedAt, ...rest } = opts.input;
    if (attendance?.length) {
      const known = await tx
        .select({ id: people.id })
        .from(people)
        .where(
          inArray(
            people.id,
            attendance.map((a) => a.personId),
          ),
        );
      const errors = attendance.flatMap((a, i) =>
        known.some((k) => k.id === a.personId)
          ? []
          : [{ path: `attendance.${i}.personId`, message: 'is not a known person' }],
      );
      if (errors.length) throw invalid(errors);
      for (const a of attendance) {
        await tx
          .insert(occurrenceAttendance)
          .values({ occurrenceId: opts.id, ...a })
          .onConflictDoUpdate({
            target: [occurrenceAttendance.occurrenceId, occurrenceAttendance.personId],
            set: { present: a.present },
          });
      }
    }
    const set = {
      ...rest,
      ...(artifactProducedAt !== undefined
        ? { artifactProducedAt: artifactProducedAt ? new Date(artifactProducedAt) : null }
        : {}),
      updatedAt: opts.now,
    };
    await tx.update(ritualOccurrences).set(set).where(eq(ritualOccurrences.id, opts.id));
    if (opts.input.status === 'cancelled') {
      await cancelAction(tx, reminderKey(opts.id));
      await cancelAction(tx, artifactCheckKey(opts.id));
    }
    const after = (await getOccurrenceDetail(tx, opts.id))!;
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'occurrence.record',
      entityType: 'occurrence',
      entityId: opts.id,
      change: diffFields(before, after),
    });
    return after;
  });
}

/** Every occurrence that starts in from..to with what adoption judges: its attendance and artifact facts. */
export async function occurrenceFacts(db: Db, opts: { from: Date; to: Date }) {
  const rows = await db
    .select({ o: ritualOccurrences, r: rituals })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(and(gte(ritualOccurrences.startsAt, opts.from), lt(ritualOccurrences.startsAt, opts.to)));
  const ids = rows.map((r) => r.o.id);
  const counts = ids.length
    ? await db
        .select({
          id: occurrenceAttendance.occurrenceId,
          total: sql<number>`count(*)::int`,
          present: sql<number>`count(*) filter (where ${occurrenceAttendance.present})::int`,
        })
        .from(occurrenceAttendance)
        .where(inArray(occurrenceAttendance.occurrenceId, ids))
        .groupBy(occurrenceAttendance.occurrenceId)
    : [];
  const expectedByRitual = new Map<string, number>();
  for (const { r } of rows)
    if (!expectedByRitual.has(r.id))
      expectedByRitual.set(r.id, (await expectedAttendees(db, r.attendees)).length);
  return rows.map(({ o, r }) => {
    const c = counts.find((x) => x.id === o.id);
    const facts: OccurrenceFacts = {
      ritualId: r.id,
      startsAt: o.startsAt.toISOString(),
      status: o.status,
      // Once attendance is taken, the people recorded are the expected ones; before, the ritual's attendee list.
      expectedAttendees: c ? c.total : (expectedByRitual.get(r.id) ?? 0),
      presentAttendees: c ? c.present : 0,
      artifactDueAt: o.artifactDueAt.toISOString(),
      artifactProducedAt: o.artifactProducedAt?.toISOString() ?? null,
    };
    return { id: o.id, localDate: o.localDate, ritual: { id: r.id, name: r.name, slug: r.slug }, facts };
  });
}

/** Ritual adoption over a window: the pack's metric (attendance share and artifact on time), per ritual and overall. */
export async function adoptionBetween(db: Db, opts: { from: Date; to: Date; now: Date }) {
  const settings = await getSettings(db);
  const occurrences = await occurrenceFacts(db, opts);
  const facts = occurrences.map((o) => o.facts);
  const result = ritualAdoption(facts, {
    attendanceSharePct: settings.thresholds.ritualAttendanceSharePct,
    from: opts.from.toISOString(),
    to: opts.to.toISOString(),
    now: opts.now.toISOString(),
  });
  const names = new Map(
    occurrences.map(({ ritual }) => [ritual.id, { name: ritual.name, slug: ritual.slug }]),
  );
  return {
    target: settings.thresholds.ritualAdoptionPct,
    overall: result.overall,
    perRitual: Object.entries(result.perRitual).map(([ritualId, a]) => ({
      ritualId,
      ...names.get(ritualId)!,
      ...a,
    })),
  };
}
