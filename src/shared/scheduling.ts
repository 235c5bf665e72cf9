/*
 * The vocabulary of scheduled actions: the kinds there are, the states a row goes through and what happens to one
 * that comes due during downtime. The database column types and services/scheduling.ts (each kind's payload
 * schema, scheduling) read it; it is plain data so the db layer may import it.
 */

/** Every kind of scheduled action; services/scheduling.ts gives each its payload schema (checked at compile time). */
export const ACTION_KINDS = [
  'ritual.reminder',
  'ritual.artifact_check',
  'cadence.replan',
  'weekly_update.remind',
  'weekly_update.publish',
  'release.deadline_warning',
  'release.post_launch',
  'insights.triage',
  'insights.digest',
  'insights.retrain',
  'decision.review_due',
  'roadmap.republish_check',
  'status.share_update',
  'survey.launch_awareness',
  'survey.pm_pulse',
  'broadcast.release',
  'webhook.gate_check',
  'quality.polish_check',
] as const;
export type TActionKind = (typeof ACTION_KINDS)[number];

/** pending until claimed; then done, missed (late past its grace under skip_if_late) or failed (out of retries). */
export const ACTION_STATUSES = ['pending', 'done', 'missed', 'failed', 'cancelled'] as const;
export type TActionStatus = (typeof ACTION_STATUSES)[number];

/** run_late: run once on return after downtime; skip_if_late: past the grace, record it as missed. */
export const LATE_POLICIES = ['run_late', 'skip_if_late'] as const;
export type TLatePolicy = (typeof LATE_POLICIES)[number];
