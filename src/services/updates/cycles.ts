import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { updateCycles } from '../../db/schema/index.ts';
import { cycleInstants } from '../../domain/updates/cycle.ts';
import { todayIn } from '../../shared/calendar.ts';
import { getSettings } from '../org/settings.ts';
import { scheduleAction } from '../scheduling.ts';

export type CycleRow = typeof updateCycles.$inferSelect;

/**
 * The cycle of an ISO week, opened on first use: its due and publish instants are fixed in the org's time zone
 * then, and its reminders and auto-publication are scheduled as actions (each runs once).
 */
export async function ensureCycle(tx: Db, week: string, now: Date): Promise<CycleRow> {
  const [existing] = await tx.select().from(updateCycles).where(eq(updateCycles.week, week));
  if (existing) return existing;
  const settings = await getSettings(tx);
  const instants = cycleInstants(week, settings);
  const [row] = await tx
    .insert(updateCycles)
    .values({ week, dueAt: new Date(instants.dueAt), publishAt: new Date(instants.publishAt) })
    .onConflictDoNothing()
    .returning();
  const cycle = row ?? (await tx.select().from(updateCycles).where(eq(updateCycles.week, week)))[0]!;
  // A cycle opened after its instants (a late submission for a past week) schedules nothing: those moments are
  // gone, and publication is then on demand. Downtime is different: actions scheduled earlier still run late.
  for (const minutes of settings.deadlines.weeklyUpdateReminderMinutes) {
    if (cycle.dueAt.getTime() - minutes * 60_000 <= now.getTime()) continue;
    await scheduleAction(tx, {
      kind: 'weekly_update.remind',
      key: `weekly_update.remind:${week}:${minutes}`,
      dueAt: new Date(cycle.dueAt.getTime() - minutes * 60_000),
      latePolicy: 'skip_if_late',
      graceSeconds: Math.min(3600, minutes * 30),
      payload: { week },
    });
  }
  // Publication must happen even after downtime: late, but once.
  if (cycle.publishAt.getTime() <= now.getTime()) return cycle;
  await scheduleAction(tx, {
    kind: 'weekly_update.publish',
    key: `weekly_update.publish:${week}`,
    dueAt: cycle.publishAt,
    latePolicy: 'run_late',
    payload: { week },
  });
  return cycle;
}

/** The local date of the cycle's publication: the date in the artifact's title. */
export async function publicationDate(db: Db, cycle: CycleRow): Promise<string> {
  const { timeZone } = await getSettings(db);
  return todayIn(timeZone, cycle.publishAt);
}
