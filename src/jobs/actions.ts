import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { scheduledActions } from '../db/schema/index.ts';

export type ActionRow = typeof scheduledActions.$inferSelect;
export type ActionHandler = (ctx: { tx: Db; action: ActionRow; now: Date }) => Promise<void>;

export interface ScheduleActionInput {
  kind: string;
  /** Unique: scheduling the same key again moves a pending action instead of adding one. */
  key: string;
  dueAt: Date;
  latePolicy: 'run_late' | 'skip_if_late';
  graceSeconds?: number;
  payload: Record<string, unknown>;
}

/** Writes (or moves) an action inside the caller's transaction; done and missed actions are never revived. */
export async function scheduleAction(tx: Db, input: ScheduleActionInput): Promise<void> {
  await tx
    .insert(scheduledActions)
    .values({ ...input, graceSeconds: input.graceSeconds ?? 900 })
    .onConflictDoUpdate({
      target: scheduledActions.key,
      set: { dueAt: input.dueAt, payload: input.payload, latePolicy: input.latePolicy },
      setWhere: eq(scheduledActions.status, 'pending'),
    });
}

/** Drops a pending action (its cause went away: an occurrence skipped, a ritual deleted). */
export async function cancelAction(tx: Db, key: string): Promise<void> {
  await tx.execute(
    sql`update scheduled_actions set status = 'cancelled' where key = ${key} and status = 'pending'`,
  );
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Runs every due action once. Each is claimed with FOR UPDATE SKIP LOCKED and its effect runs in the same
 * transaction that marks it done: with several instances, one runs it; if the effect fails, nothing of it stays.
 */
export async function runDueActions(opts: {
  db: Db;
  handlers: Record<string, ActionHandler>;
  instance: string;
  limit?: number;
  onError?: (action: ActionRow, err: unknown) => void;
}): Promise<{ ran: number; missed: number; failed: number }> {
  const out = { ran: 0, missed: 0, failed: 0 };
  for (let i = 0; i < (opts.limit ?? 100); i++) {
    let claimed: ActionRow | null = null;
    try {
      const outcome = await opts.db.transaction(async (tx) => {
        const rows = rowsOf<{ id: string }>(
          await tx.execute(sql`select id from scheduled_actions where status = 'pending' and due_at <= now()
                               order by due_at limit 1 for update skip locked`),
        );
        if (!rows[0]) return 'none' as const;
        const [action] = await tx.select().from(scheduledActions).where(eq(scheduledActions.id, rows[0].id));
        claimed = action!;
        const now = new Date();
        const late = now.getTime() - claimed.dueAt.getTime() > claimed.graceSeconds * 1000;
        if (late && claimed.latePolicy === 'skip_if_late') {
          await tx
            .update(scheduledActions)
            .set({ status: 'missed', ranAt: now, ranBy: opts.instance })
            .where(eq(scheduledActions.id, claimed.id));
          return 'missed' as const;
        }
        const handler = opts.handlers[claimed.kind];
        if (!handler) throw new Error(`no handler for action kind ${claimed.kind}`);
        await handler({ tx, action: claimed, now });
        await tx
          .update(scheduledActions)
          .set({ status: 'done', ranAt: now, ranBy: opts.instance, attempts: claimed.attempts + 1 })
          .where(eq(scheduledActions.id, claimed.id));
        return 'ran' as const;
      });
      if (outcome === 'none') break;
      out[outcome] += 1;
    } catch (err) {
      if (!claimed) throw err;
      out.failed += 1;
      opts.onError?.(claimed, err);
      await recordFailure(opts.db, claimed, err);
    }
  }
  return out;
}

/** A failed effect is retried with backoff, then left as failed and visible; it is never silently dropped. */
async function recordFailure(db: Db, action: ActionRow, err: unknown): Promise<void> {
  const attempts = action.attempts + 1;
  const failed = attempts >= 5;
  await db
    .update(scheduledActions)
    .set({
      attempts,
      lastError: err instanceof Error ? err.message : String(err),
      status: failed ? 'failed' : 'pending',
      dueAt: failed ? action.dueAt : new Date(Date.now() + 30_000 * 2 ** (attempts - 1)),
    })
    .where(eq(scheduledActions.id, action.id));
}
