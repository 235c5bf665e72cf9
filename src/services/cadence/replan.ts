import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rituals, scheduledActions } from '../../db/schema/index.ts';
import { type ActionHandler, scheduleAction } from '../scheduling.ts';
import { replanOpenCycles } from '../updates/cycles.ts';
import { syncRitualOccurrences } from './occurrences.ts';
import { stepKey } from './replan-request.ts';

/**
 * Rituals re-planned per step: each step is one transaction, and the action runner lets other work in between
 * steps, so a settings save never holds the database (or, on PGlite, the event loop) for all of them at once.
 */
export const REPLAN_BATCH = 20;

/** A later save asked for a run of its own (requestReplan cancelled every pending step before it). */
async function superseded(tx: Db, key: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: scheduledActions.id })
    .from(scheduledActions)
    .where(
      and(
        eq(scheduledActions.kind, 'cadence.replan'),
        eq(scheduledActions.status, 'pending'),
        ne(scheduledActions.key, key),
      ),
    )
    .limit(1);
  return other !== undefined;
}

/** One step: the open cycles first, then the next rituals by id; a full batch schedules the step after it. */
export const replanStep: ActionHandler<'cadence.replan'> = async ({ tx, action, payload, now }) => {
  if (payload.after === null) await replanOpenCycles(tx, now);
  const batch = await tx
    .select({ id: rituals.id })
    .from(rituals)
    .where(payload.after === null ? undefined : gt(rituals.id, payload.after))
    .orderBy(asc(rituals.id))
    .limit(REPLAN_BATCH);
  for (const r of batch) await syncRitualOccurrences(tx, r.id, { now });
  const last = batch.at(-1)?.id;
  if (batch.length < REPLAN_BATCH || !last || (await superseded(tx, action.key))) return;
  await scheduleAction(tx, {
    kind: 'cadence.replan',
    key: stepKey(payload.run, last),
    dueAt: now,
    latePolicy: 'run_late',
    payload: { run: payload.run, after: last },
  });
};
