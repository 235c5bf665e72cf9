import { Temporal } from '@js-temporal/polyfill';
import { and, asc, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { occurrenceAttendance, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { plannedOccurrences } from '../../domain/cadence/occurrences.ts';
import type { TOccurrence, TSchedule } from '../../shared/cadence.ts';
import { todayIn } from '../../shared/calendar.ts';
import { getSettings } from '../org/settings.ts';
import { cancelAction, scheduleAction } from '../scheduling.ts';

/** How far ahead occurrences (and their reminders) exist as rows; the daily plan job keeps the window moving. */
export const PLAN_DAYS_AHEAD = 62;
const PLAN_DAYS_BEHIND = 7;

type OccurrenceRow = typeof ritualOccurrences.$inferSelect;

export const reminderKey = (occurrenceId: string) => `ritual.reminder:${occurrenceId}`;
export const artifactCheckKey = (occurrenceId: string) => `ritual.artifact_check:${occurrenceId}`;

function window(timeZone: string, now: Date) {
  const today = Temporal.PlainDate.from(todayIn(timeZone, now));
  return {
    from: today.subtract({ days: PLAN_DAYS_BEHIND }).toString(),
    to: today.add({ days: PLAN_DAYS_AHEAD }).toString(),
  };
}

/** An occurrence someone has recorded something on is history: schedule changes never rewrite or delete it. */
async function touchedIds(tx: Db, rows: OccurrenceRow[]): Promise<Set<string>> {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return new Set();
  const attended = await tx
    .selectDistinct({ id: occurrenceAttendance.occurrenceId })
    .from(occurrenceAttendance)
    .where(inArray(occurrenceAttendance.occurrenceId, ids));
  const touched = new Set(attended.map((a) => a.id));
  for (const r of rows)
    if (r.artifactProducedAt || r.status === 'held' || r.status === 'cancelled' || r.notes) touched.add(r.id);
  return touched;
}

export async function scheduleOccurrenceActions(
  tx: Db,
  ritual: typeof rituals.$inferSelect,
  occ: OccurrenceRow,
) {
  if (occ.status !== 'scheduled' || !ritual.active) {
    await cancelAction(tx, reminderKey(occ.id));
    await cancelAction(tx, artifactCheckKey(occ.id));
    return;
  }
  if (ritual.reminderMinutes !== null) {
    const dueAt = new Date(occ.startsAt.getTime() - ritual.reminderMinutes * 60_000);
    // A reminder after the meeting started is useless: skip it if the server was down at the time.
    await scheduleAction(tx, {
      kind: 'ritual.reminder',
      key: reminderKey(occ.id),
      dueAt,
      latePolicy: 'skip_if_late',
      graceSeconds: Math.max(60, ritual.reminderMinutes * 30),
      payload: { occurrenceId: occ.id },
    });
  } else {
    await cancelAction(tx, reminderKey(occ.id));
  }
  // The overdue-artifact check still matters after downtime: run it late rather than never.
  await scheduleAction(tx, {
    kind: 'ritual.artifact_check',
    key: artifactCheckKey(occ.id),
    dueAt: occ.artifactDueAt,
    latePolicy: 'run_late',
    payload: { occurrenceId: occ.id },
  });
}

/**
 * Makes the ritual's occurrence rows in the planning window match its schedule, the org's time zone and
 * holidays, and (re)schedules their reminders. Untouched rows follow the schedule; touched ones stay as recorded.
 */
export async function syncRitualOccurrences(
  tx: Db,
  ritualId: string,
  opts: { removing?: boolean; now: Date },
): Promise<void> {
  const now = opts.now;
  const [ritual] = await tx.select().from(rituals).where(eq(rituals.id, ritualId));
  if (!ritual) return;
  const settings = await getSettings(tx);
  const { from, to } = window(settings.timeZone, now);
  const planned =
    opts.removing || !ritual.active || ['per_release', 'one_off'].includes(ritual.schedule.kind)
      ? []
      : plannedOccurrences({
          schedule: ritual.schedule as TSchedule,
          durationMinutes: ritual.durationMinutes,
          timeZone: settings.timeZone,
          from,
          to,
          holidays: settings.holidays,
          workWeek: settings.workWeek,
          holidayPolicy: ritual.holidayPolicy,
        });
  // Calendar keys are dates; per-release keys are release ids and are left to the release that made them.
  const existing = (
    await tx
      .select()
      .from(ritualOccurrences)
      .where(
        and(
          eq(ritualOccurrences.ritualId, ritualId),
          gte(ritualOccurrences.key, from),
          lte(ritualOccurrences.key, to),
        ),
      )
  ).filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.key));
  const touched = await touchedIds(tx, existing);
  const byKey = new Map(existing.map((r) => [r.key, r]));
  for (const p of planned) {
    const values = {
      localDate: p.localDate,
      startsAt: new Date(p.startsAt),
      endsAt: new Date(p.endsAt),
      status: p.status,
      shiftedFrom: p.shiftedFrom,
      holiday: p.holiday,
      artifactDueAt: new Date(new Date(p.startsAt).getTime() + ritual.artifactDueHours * 3_600_000),
    };
    const current = byKey.get(p.key);
    byKey.delete(p.key);
    if (current && touched.has(current.id)) continue;
    const [row] = current
      ? await tx
          .update(ritualOccurrences)
          .set({ ...values, updatedAt: now })
          .where(eq(ritualOccurrences.id, current.id))
          .returning()
      : await tx
          .insert(ritualOccurrences)
          .values({ ritualId, key: p.key, ...values })
          .returning();
    if (row && row.startsAt.getTime() > now.getTime() - 86_400_000)
      await scheduleOccurrenceActions(tx, ritual, row);
  }
  for (const stale of byKey.values()) {
    if (touched.has(stale.id)) continue;
    await cancelAction(tx, reminderKey(stale.id));
    await cancelAction(tx, artifactCheckKey(stale.id));
    await tx.delete(ritualOccurrences).where(eq(ritualOccurrences.id, stale.id));
  }
}

/** Lets requests waiting on the event loop in between rituals: on PGlite a chain of queries never yields. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The daily plan (and the start-up catch-up): every ritual's window moves, one transaction each. */
export async function planAhead(db: Db, now: Date): Promise<void> {
  const all = await db.select({ id: rituals.id }).from(rituals);
  for (const r of all) {
    await db.transaction((tx) => syncRitualOccurrences(tx, r.id, { now }));
    await breathe();
  }
}

/** One occurrence on the calendar: the shared schema's shape (ZOccurrence). */
export type CalendarEntry = TOccurrence;

export async function listOccurrences(
  db: Db,
  opts: { from: Date; to: Date; ritualId?: string },
): Promise<CalendarEntry[]> {
  const rows = await db
    .select({
      o: ritualOccurrences,
      r: {
        slug: rituals.slug,
        name: rituals.name,
        outputArtifact: rituals.outputArtifact,
        ownerRole: rituals.ownerRole,
      },
    })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(
      and(
        gte(ritualOccurrences.startsAt, opts.from),
        lt(ritualOccurrences.startsAt, opts.to),
        opts.ritualId ? eq(ritualOccurrences.ritualId, opts.ritualId) : undefined,
      ),
    )
    .orderBy(asc(ritualOccurrences.startsAt));
  return rows.map(({ o, r }) => ({
    id: o.id,
    ritualId: o.ritualId,
    ritualSlug: r.slug,
    ritualName: r.name,
    outputArtifact: r.outputArtifact,
    ownerRole: r.ownerRole,
    key: o.key,
    localDate: o.localDate,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    status: o.status,
    shiftedFrom: o.shiftedFrom,
    holiday: o.holiday,
    artifactDueAt: o.artifactDueAt.toISOString(),
    artifactProducedAt: o.artifactProducedAt?.toISOString() ?? null,
    artifactRef: o.artifactRef,
  }));
}
