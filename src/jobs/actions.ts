import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.ts';
import { scheduledActions } from '../db/schema/index.ts';
import {
  ACTION_PAYLOADS,
  type ActionContext,
  type ActionHandlers,
  type ActionKind,
  type ActionRow,
  isActionKind,
} from '../services/scheduling.ts';
import { inScope } from '../services/scope.ts';
import type { Clock } from '../shared/clock.ts';

/** Calls the kind's handler with its checked payload (a payload that does not match fails the action, visibly). */
async function runHandler(
  handlers: Partial<ActionHandlers>,
  ctx: Omit<ActionContext<ActionKind>, 'payload'>,
) {
  const kind = ctx.action.kind;
  // The column is typed by this build's kinds, but the database holds text: another build's kind has no handler.
  const handler = isActionKind(kind) ? handlers[kind] : undefined;
  if (!handler) throw new Error(`no handler for action kind ${kind}`);
  const payload = ACTION_PAYLOADS[kind].parse(ctx.action.payload);
  await (handler as (c: ActionContext<ActionKind>) => Promise<void>)({ ...ctx, payload });
}

/**
 * Runs every action due by the clock's now, once. Each is claimed with FOR UPDATE SKIP LOCKED and its effect
 * runs in the same transaction that marks it done: with several instances, one runs it; if the effect fails,
 * nothing of it stays.
 */
export async function runDueActions(opts: {
  db: Db;
  handlers: Partial<ActionHandlers>;
  clock: Clock;
  instance: string;
  limit?: number;
  onError?: (action: ActionRow, err: unknown) => void;
}): Promise<{ ran: number; missed: number; failed: number }> {
  const out = { ran: 0, missed: 0, failed: 0 };
  for (let i = 0; i < (opts.limit ?? 100); i++) {
    let claimed: ActionRow | null = null;
    const now = opts.clock.now();
    try {
      // One action, one scope: its handler's services read the settings once.
      const outcome = await inScope(() =>
        opts.db.transaction(async (tx) => {
          const rows = rowsOf<{ id: string }>(
            await tx.execute(sql`select id from scheduled_actions where status = 'pending'
                               and due_at <= ${now.toISOString()}::timestamptz
                               order by due_at limit 1 for update skip locked`),
          );
          if (!rows[0]) return 'none' as const;
          const [action] = await tx
            .select()
            .from(scheduledActions)
            .where(eq(scheduledActions.id, rows[0].id));
          claimed = action!;
          const late = now.getTime() - claimed.dueAt.getTime() > claimed.graceSeconds * 1000;
          if (late && claimed.latePolicy === 'skip_if_late') {
            await tx
              .update(scheduledActions)
              .set({ status: 'missed', ranAt: now, ranBy: opts.instance })
              .where(eq(scheduledActions.id, claimed.id));
            return 'missed' as const;
          }
          await runHandler(opts.handlers, { tx, action: claimed, now });
          await tx
            .update(scheduledActions)
            .set({ status: 'done', ranAt: now, ranBy: opts.instance, attempts: claimed.attempts + 1 })
            .where(eq(scheduledActions.id, claimed.id));
          return 'ran' as const;
        }),
      );
      if (outcome === 'none') break;
      out[outcome] += 1;
      // Requests get in between actions (a re-plan runs as a chain of them): on PGlite queries never yield.
      await new Promise<void>((resolve) => setImmediate(resolve));
    } catch (err) {
      if (!claimed) throw err;
      out.failed += 1;
      opts.onError?.(claimed, err);
      await recordFailure(opts.db, claimed, err, now);
    }
  }
  return out;
}

/** A failed effect is retried with backoff, then left as failed and visible; it is never silently dropped. */
async function recordFailure(db: Db, action: ActionRow, err: unknown, now: Date): Promise<void> {
  const attempts = action.attempts + 1;
  const failed = attempts >= 5;
  await db
    .update(scheduledActions)
    .set({
      attempts,
      lastError: err instanceof Error ? err.message : String(err),
      status: failed ? 'failed' : 'pending',
      dueAt: failed ? action.dueAt : new Date(now.getTime() + 30_000 * 2 ** (attempts - 1)),
    })
    .where(eq(scheduledActions.id, action.id));
}
