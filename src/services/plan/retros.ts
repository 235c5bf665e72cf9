import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { frictions, people, planRetros, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import { placeOnBusinessDay } from '../../domain/cadence/occurrences.ts';
import { RETRO_PURPOSES } from '../../domain/plan/pack-plan.ts';
import { addDays, localInstant } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import { RETRO_WEEKS, type TRetroInput, type TRetroView, type TRetroWeek } from '../../shared/plan.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { scheduleOccurrenceActions } from '../cadence/occurrences.ts';
import { createRitual } from '../cadence/rituals.ts';
import { checkPeopleRefs } from '../org/people.ts';
import { getSettings } from '../org/settings.ts';

/** The ritual whose three occurrences are the plan's retrospectives (pack §7 "Iteration Loop"). */
export const RETRO_RITUAL = 'plan-retrospective';
const RETRO_TIME = '14:00';

export const retroKey = (week: TRetroWeek) => `plan-week-${week}`;
export const retroTitle = (week: number) => `Week ${week} retrospective`;
/** The artifact's address on the cadence calendar: the plan page's retro section. */
const retroRef = (week: number) => `/plan#retro-${week}`;

async function retroRitual(tx: Db, actor: Actor, now: Date) {
  const [existing] = await tx.select().from(rituals).where(eq(rituals.slug, RETRO_RITUAL));
  if (existing) return existing;
  // The one starting the plan facilitates, if they run Product Ops; otherwise nobody is named yet.
  const facilitator = actor.roles.includes('product_ops') ? actor.personId : null;
  const created = await createRitual({
    db: tx,
    actor,
    now,
    input: {
      slug: RETRO_RITUAL,
      name: '30/60/90 retrospective',
      purpose:
        'Pack §7 iteration loop: at weeks 4, 8 and 12, what is working, what is overhead, what to adjust.',
      schedule: { kind: 'one_off' },
      holidayPolicy: 'previous_business_day',
      durationMinutes: 60,
      ownerRole: 'product_ops',
      ownerPersonId: facilitator,
      attendees: { roles: ['product_ops', 'head_of_product', 'pm'], functions: [], personIds: [] },
      agenda: [
        { minutes: 15, item: 'What is working' },
        { minutes: 15, item: 'What is overhead' },
        { minutes: 20, item: 'What to adjust' },
        { minutes: 10, item: 'Actions, each with an owner' },
      ],
      outputArtifact: 'Retro: what is working, what is overhead, what to adjust, actions with owners',
      artifactDueHours: 48,
      reminderMinutes: 60,
    },
  });
  // The retros review the whole system against the top frictions (pack §7): they address every active one, so
  // starting the plan does not leave a ritual mapped to no friction.
  await tx
    .update(frictions)
    .set({ ritualIds: sql`array_append(${frictions.ritualIds}, ${created.id}::uuid)` })
    .where(isNull(frictions.retiredAt));
  const [row] = await tx.select().from(rituals).where(eq(rituals.id, created.id));
  return row!;
}

/**
 * Puts the week 4 / 8 / 12 retrospectives on the cadence calendar: the last business day of each week of the
 * plan, at 14:00 org time. Recorded ones stay as they are; the others follow a new start date.
 */
export async function scheduleRetros(tx: Db, o: { actor: Actor; startOn: string; now: Date }) {
  const settings = await getSettings(tx);
  const ritual = await retroRitual(tx, o.actor, o.now);
  for (const week of RETRO_WEEKS) {
    const nominal = addDays(o.startOn, week * 7 - 1);
    const day = placeOnBusinessDay(
      nominal,
      'previous_business_day',
      settings.workWeek,
      settings.holidays,
    ).date;
    const startsAt = localInstant(day, RETRO_TIME, settings.timeZone);
    const values = {
      localDate: day,
      startsAt,
      endsAt: new Date(startsAt.getTime() + ritual.durationMinutes * 60_000),
      shiftedFrom: day === nominal ? null : nominal,
      artifactDueAt: new Date(startsAt.getTime() + ritual.artifactDueHours * 3_600_000),
      notes: RETRO_PURPOSES[week],
      updatedAt: o.now,
    };
    const [current] = await tx
      .select()
      .from(ritualOccurrences)
      .where(and(eq(ritualOccurrences.ritualId, ritual.id), eq(ritualOccurrences.key, retroKey(week))));
    if (current?.artifactProducedAt) continue;
    const [occ] = current
      ? await tx.update(ritualOccurrences).set(values).where(eq(ritualOccurrences.id, current.id)).returning()
      : await tx
          .insert(ritualOccurrences)
          .values({ ritualId: ritual.id, key: retroKey(week), status: 'scheduled', ...values })
          .returning();
    if (occ && occ.startsAt.getTime() > o.now.getTime()) await scheduleOccurrenceActions(tx, ritual, occ);
  }
}

/** The three retrospectives with their occurrence, facilitator and what was recorded (owners by name). */
export async function listRetros(db: Db): Promise<TRetroView[]> {
  const occ = await db
    .select({ o: ritualOccurrences, ownerId: rituals.ownerPersonId, ownerName: people.name })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .leftJoin(people, eq(people.id, rituals.ownerPersonId))
    .where(eq(rituals.slug, RETRO_RITUAL));
  const recorded = await db.select().from(planRetros);
  const ids = new Set<string>();
  for (const r of recorded) {
    for (const a of r.actions) ids.add(a.ownerId);
    if (r.recordedBy) ids.add(r.recordedBy);
  }
  const names = new Map(
    ids.size
      ? (
          await db
            .select({ id: people.id, name: people.name })
            .from(people)
            .where(inArray(people.id, [...ids]))
        ).map((p) => [p.id, p.name])
      : [],
  );
  return RETRO_WEEKS.map((week) => {
    const o = occ.find((x) => x.o.key === retroKey(week));
    const r = recorded.find((x) => x.week === week);
    return {
      week,
      title: retroTitle(week),
      occurrenceId: o?.o.id ?? null,
      startsAt: o?.o.startsAt.toISOString() ?? null,
      facilitatorId: o?.ownerId ?? null,
      facilitatorName: o?.ownerName ?? null,
      recorded: r
        ? {
            working: r.working,
            overhead: r.overhead,
            adjust: r.adjust,
            actions: r.actions.map((a) => ({
              ...a,
              ownerName: names.get(a.ownerId) ?? 'Someone no longer here',
            })),
            byName: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
            at: r.recordedAt.toISOString(),
          }
        : null,
    };
  });
}

/** Who facilitates the retrospectives (the ritual's named owner): they may record them too. */
export async function retroFacilitator(db: Db): Promise<string | null> {
  const [r] = await db
    .select({ id: rituals.ownerPersonId })
    .from(rituals)
    .where(eq(rituals.slug, RETRO_RITUAL));
  return r?.id ?? null;
}

/**
 * Records (or corrects) a retrospective. Its occurrence is held and its artifact produced when first recorded,
 * so ritual adoption counts it like any other artifact.
 */
export async function recordRetro(o: {
  db: Db;
  actor: Actor;
  week: TRetroWeek;
  input: TRetroInput;
  now: Date;
}) {
  return o.db.transaction(async (tx) => {
    const { errors } = await checkPeopleRefs(
      tx,
      o.input.actions.map((a, i) => ({ path: `actions.${i}.ownerId`, id: a.ownerId })),
    );
    if (errors.length) throw invalid(errors);
    const [occ] = await tx
      .select({ o: ritualOccurrences })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(and(eq(rituals.slug, RETRO_RITUAL), eq(ritualOccurrences.key, retroKey(o.week))));
    if (!occ) throw notFound('retrospective (start the plan first)');
    if (occ.o.startsAt.getTime() > o.now.getTime())
      throw new AppError('conflict', `the ${retroTitle(o.week).toLowerCase()} has not happened yet`, [
        { path: 'params.week', message: 'has not happened yet' },
      ]);
    const values = {
      occurrenceId: occ.o.id,
      working: o.input.working,
      overhead: o.input.overhead,
      adjust: o.input.adjust,
      actions: o.input.actions.map((a) => ({ title: a.title, ownerId: a.ownerId, dueOn: a.dueOn ?? null })),
      recordedBy: o.actor.personId,
      recordedAt: o.now,
    };
    await tx
      .insert(planRetros)
      .values({ week: o.week, ...values })
      .onConflictDoUpdate({ target: planRetros.week, set: values });
    if (!occ.o.artifactProducedAt)
      await tx
        .update(ritualOccurrences)
        .set({ status: 'held', artifactProducedAt: o.now, artifactRef: retroRef(o.week), updatedAt: o.now })
        .where(eq(ritualOccurrences.id, occ.o.id));
    await recordAudit(tx, {
      actor: o.actor,
      action: 'plan.retro',
      entityType: 'plan_retro',
      entityId: String(o.week),
      change: o.input,
    });
  });
}
