import type { Db } from '../../db/client.ts';
import { scheduleAction } from '../scheduling.ts';

export const POLISH_CHECK = 'quality.polish_check' as const;

/** Tickets arrive in bursts (an import's batches, an intake webhook, keyboard triage): one look per minute of them. */
const DEBOUNCE_MS = 60_000;

/**
 * After a write that can move the confused-customer figure (support tickets taken in, a kind or area corrected),
 * inside its transaction: the Polish Mode check (polish-watch.ts) runs shortly after, not at the next daily plan.
 * Every write in the same minute moves the same pending action, so a burst schedules one check. Here, apart from
 * polish-watch.ts, because the insights services call it and polish-watch reaches far (webhooks, delivery).
 */
export async function schedulePolishCheck(tx: Db, now: Date): Promise<void> {
  const bucket = Math.floor(now.getTime() / DEBOUNCE_MS);
  await scheduleAction(tx, {
    kind: POLISH_CHECK,
    key: `${POLISH_CHECK}:${bucket}`,
    dueAt: new Date((bucket + 1) * DEBOUNCE_MS),
    latePolicy: 'run_late',
    payload: {},
  });
}
