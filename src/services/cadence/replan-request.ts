import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { scheduledActions } from '../../db/schema/index.ts';
import { scheduleAction } from '../scheduling.ts';

/** Asking for a re-plan (settings call it) apart from doing one (replan.ts), which reads the settings. */
export const stepKey = (run: string, after: string | null) => `cadence.replan:${run}:${after ?? 'start'}`;

/**
 * After a save of the settings that move occurrences (time zone, holidays, work week, deadlines): every ritual's
 * window and the open weekly-update cycles are planned again in the background. A run still going is cancelled:
 * the new one plans every ritual against the new settings. Due a second after the save, so the write's nudge
 * queues it at its instant (jobs' queueUpcoming) rather than at the next per-minute tick.
 */
export async function requestReplan(tx: Db, now: Date): Promise<void> {
  await tx
    .update(scheduledActions)
    .set({ status: 'cancelled' })
    .where(and(eq(scheduledActions.kind, 'cadence.replan'), eq(scheduledActions.status, 'pending')));
  // Unique even for two saves in one millisecond: a done or cancelled key is never scheduled again.
  const run = `${now.toISOString()}/${randomUUID().slice(0, 8)}`;
  await scheduleAction(tx, {
    kind: 'cadence.replan',
    key: stepKey(run, null),
    dueAt: new Date(now.getTime() + 1000),
    latePolicy: 'run_late',
    payload: { run, after: null },
  });
}
