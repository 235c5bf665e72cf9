import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rituals, updateCycles } from '../../db/schema/index.ts';
import {
  type CycleInstants,
  cycleInstants,
  DEFAULT_CYCLE_HOLIDAY_POLICY,
} from '../../domain/updates/cycle.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Context } from '../context.ts';
import { getSettings } from '../org/settings.ts';
import { cancelAction, scheduleAction } from '../scheduling.ts';

export type CycleRow = typeof updateCycles.$inferSelect;

/** The ritual whose occurrence the weekly update is: its holiday policy moves the cycle's deadlines too. */
export const WEEKLY_UPDATE_RITUAL = 'weekly-product-update';

/** The cycle's instants on the org's business calendar (the same holidays and rule as the ritual's occurrence). */
async function plannedInstants(tx: Db, week: string, settings: TSettings): Promise<CycleInstants> {
  const [ritual] = await tx
    .select({ policy: rituals.holidayPolicy })
    .from(rituals)
    .where(eq(rituals.slug, WEEKLY_UPDATE_RITUAL));
  return cycleInstants(week, settings, ritual?.policy ?? DEFAULT_CYCLE_HOLIDAY_POLICY);
}

const remindKey = (week: string, minutes: number) => `weekly_update.remind:${week}:${minutes}`;
const publishKey = (week: string) => `weekly_update.publish:${week}`;

/**
 * Reminders before the due time and the automatic publication, as actions (each runs once). A reminder whose
 * moment is gone is not scheduled (or is cancelled when the cycle moved); a skipped week schedules nothing.
 */
async function scheduleCycleActions(
  tx: Db,
  cycle: CycleRow,
  opts: { skipped: boolean; reminderMinutes: readonly number[]; now: Date; publishLate: boolean },
) {
  for (const minutes of opts.reminderMinutes) {
    const dueAt = new Date(cycle.dueAt.getTime() - minutes * 60_000);
    if (opts.skipped || dueAt.getTime() <= opts.now.getTime()) {
      await cancelAction(tx, remindKey(cycle.week, minutes));
      continue;
    }
    await scheduleAction(tx, {
      kind: 'weekly_update.remind',
      key: remindKey(cycle.week, minutes),
      dueAt,
      latePolicy: 'skip_if_late',
      graceSeconds: Math.min(3600, minutes * 30),
      payload: { week: cycle.week },
    });
  }
  // Publication must happen even after downtime: late, but once.
  if (opts.skipped || (!opts.publishLate && cycle.publishAt.getTime() <= opts.now.getTime())) {
    await cancelAction(tx, publishKey(cycle.week));
    return;
  }
  await scheduleAction(tx, {
    kind: 'weekly_update.publish',
    key: publishKey(cycle.week),
    dueAt: cycle.publishAt,
    latePolicy: 'run_late',
    payload: { week: cycle.week },
  });
}

/**
 * The cycle of an ISO week, opened on first use: its due and publish instants are fixed in the org's time zone
 * and business calendar then, and its reminders and auto-publication are scheduled.
 */
export async function ensureCycle(tx: Db, week: string, now: Date, settings?: TSettings): Promise<CycleRow> {
  const [existing] = await tx.select().from(updateCycles).where(eq(updateCycles.week, week));
  if (existing) return existing;
  settings ??= await getSettings(tx);
  const instants = await plannedInstants(tx, week, settings);
  const [row] = await tx
    .insert(updateCycles)
    .values({ week, dueAt: new Date(instants.dueAt), publishAt: new Date(instants.publishAt) })
    .onConflictDoNothing()
    .returning();
  if (!row) return (await tx.select().from(updateCycles).where(eq(updateCycles.week, week)))[0]!;
  // A cycle opened after its instants (a late submission for a past week) schedules nothing: those moments are
  // gone, and publication is then on demand. Downtime is different: actions scheduled earlier still run late.
  await scheduleCycleActions(tx, row, {
    skipped: instants.skipped,
    reminderMinutes: settings.deadlines.weeklyUpdateReminderMinutes,
    now,
    publishLate: false,
  });
  return row;
}

/**
 * A page's cycle: read as it is, or opened (as `ensureCycle`) with the settings the request already read, before
 * its transaction starts (a read through the Context inside it would wait for it on PGlite).
 */
export async function openCycle(ctx: Context, week: string): Promise<CycleRow> {
  const [existing] = await ctx.db.select().from(updateCycles).where(eq(updateCycles.week, week));
  if (existing) return existing;
  const settings = await ctx.settings();
  return ctx.db.transaction((tx) => ensureCycle(tx, week, ctx.now, settings));
}

/**
 * Cycles not yet published whose publication is still ahead follow a change of settings (holidays, work week,
 * time zone, deadlines) or of the ritual's holiday policy, as the ritual's occurrences do.
 */
export async function replanOpenCycles(db: Db, now: Date): Promise<void> {
  const open = await db
    .select({ week: updateCycles.week })
    .from(updateCycles)
    .where(and(isNull(updateCycles.publishedAt), gt(updateCycles.publishAt, now)));
  for (const { week } of open) {
    await db.transaction(async (tx) => {
      const settings = await getSettings(tx);
      const instants = await plannedInstants(tx, week, settings);
      const [row] = await tx
        .update(updateCycles)
        .set({ dueAt: new Date(instants.dueAt), publishAt: new Date(instants.publishAt) })
        .where(and(eq(updateCycles.week, week), isNull(updateCycles.publishedAt)))
        .returning();
      if (!row) return;
      await scheduleCycleActions(tx, row, {
        skipped: instants.skipped,
        reminderMinutes: settings.deadlines.weeklyUpdateReminderMinutes,
        now,
        publishLate: true,
      });
    });
  }
}

/** The local date of the cycle's publication: the date in the artifact's title. */
export async function publicationDate(db: Db, cycle: CycleRow): Promise<string> {
  const { timeZone } = await getSettings(db);
  return todayIn(timeZone, cycle.publishAt);
}
