import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { scheduledActions } from '../db/schema/index.ts';
import type { TActionKind, TLatePolicy } from '../shared/scheduling.ts';
import { STATUS_SUBJECTS } from '../shared/status.ts';

/**
 * Every kind of scheduled action and the payload it carries. A kind is scheduled by its service and run by the
 * handler jobs/ registers for it; the payload is checked against this schema before the handler sees it.
 */
export const ACTION_PAYLOADS = {
  'ritual.reminder': z.strictObject({ occurrenceId: z.string() }),
  'ritual.artifact_check': z.strictObject({ occurrenceId: z.string() }),
  'cadence.replan': z.strictObject({ run: z.string(), after: z.string().nullable() }),
  'weekly_update.remind': z.strictObject({ week: z.string() }),
  'weekly_update.publish': z.strictObject({ week: z.string() }),
  'release.deadline_warning': z.strictObject({
    releaseId: z.string(),
    deadline: z.enum(['distribute', 'publish']),
    due: z.string(),
  }),
  'release.post_launch': z.strictObject({ checkId: z.string() }),
  'insights.triage': z.strictObject({ week: z.string() }),
  'insights.digest': z.strictObject({ month: z.string() }),
  'insights.retrain': z.strictObject({}),
  'decision.review_due': z.strictObject({ decisionId: z.string(), reviewDate: z.string() }),
  'roadmap.republish_check': z.strictObject({ reviewId: z.string() }),
  'status.share_update': z.strictObject({ subject: z.enum(STATUS_SUBJECTS), id: z.string() }),
  'survey.launch_awareness': z.strictObject({ releaseId: z.string() }),
  'survey.pm_pulse': z.strictObject({ quarter: z.string() }),
  'broadcast.release': z.strictObject({ broadcastId: z.string() }),
  'webhook.gate_check': z.strictObject({ releaseId: z.string() }),
  'quality.polish_check': z.strictObject({}),
} as const satisfies { [K in TActionKind]: z.ZodType };

/** The kinds (shared/scheduling.ts: the database column is typed by them); the catalog above has each, no more. */
export type ActionKind = TActionKind;
export type ActionPayload<K extends ActionKind> = z.infer<(typeof ACTION_PAYLOADS)[K]>;
export type ActionRow = typeof scheduledActions.$inferSelect;

export interface ActionContext<K extends ActionKind> {
  tx: Db;
  action: ActionRow;
  payload: ActionPayload<K>;
  /** The instant the runner claimed the action (its clock's). */
  now: Date;
}
export type ActionHandler<K extends ActionKind> = (ctx: ActionContext<K>) => Promise<void>;
/** One handler per kind: the runner's table is checked against the catalog at compile time. */
export type ActionHandlers = { [K in ActionKind]: ActionHandler<K> };

export interface ScheduleActionInput<K extends ActionKind> {
  kind: K;
  /** Unique: scheduling the same key again moves a pending action instead of adding one. */
  key: string;
  dueAt: Date;
  latePolicy: TLatePolicy;
  graceSeconds?: number;
  payload: ActionPayload<K>;
}

/** A row's kind is typed, but the database holds text: a kind from an older or newer build is refused at run time. */
export const isActionKind = (kind: string): kind is ActionKind => Object.hasOwn(ACTION_PAYLOADS, kind);

/** Writes (or moves) an action inside the caller's transaction; done and missed actions are never revived. */
export async function scheduleAction<K extends ActionKind>(
  tx: Db,
  input: ScheduleActionInput<K>,
): Promise<void> {
  const payload = ACTION_PAYLOADS[input.kind].parse(input.payload) as Record<string, unknown>;
  await tx
    .insert(scheduledActions)
    .values({ ...input, payload, graceSeconds: input.graceSeconds ?? 900 })
    .onConflictDoUpdate({
      target: scheduledActions.key,
      set: { dueAt: input.dueAt, payload, latePolicy: input.latePolicy },
      setWhere: eq(scheduledActions.status, 'pending'),
    });
}

/** Drops a pending action (its cause went away: an occurrence skipped, a ritual deleted). */
export async function cancelAction(tx: Db, key: string): Promise<void> {
  await tx.execute(
    sql`update scheduled_actions set status = 'cancelled' where key = ${key} and status = 'pending'`,
  );
}
