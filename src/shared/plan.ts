import { z } from 'zod';
import { ZDate, ZId } from './common.ts';

/**
 * Issue 16 (C8): the 30/60/90 implementation plan (pack §7) as a tracked plan: three timeboxes, their
 * deliverables (checked by the records where they can be, ticked by Product Ops otherwise) and the week 4 / 8 / 12
 * retrospectives (pack §7 "Iteration Loop").
 */

/** Deliverables the records can check; each names the records behind its figure. */
export const PLAN_CHECKS = [
  'weekly_update_on_time',
  'tier23_enablement_used',
  'enablement_all_tier23',
  'roadmap_review_running',
  'roadmap_review_attendance',
  'decision_log_in_use',
  'roadmap_view_published',
  'insights_triage',
  'insights_review_held',
  'post_launch_capture',
  'retro_recorded',
] as const;
export const ZPlanCheck = z.enum(PLAN_CHECKS);
export type TPlanCheck = z.infer<typeof ZPlanCheck>;

/** What the check counts, in words (shown beside the deliverable). */
export const PLAN_CHECK_LABELS: Record<TPlanCheck, string> = {
  weekly_update_on_time: 'Every Weekly Product Update of the timebox on time, at least 4 weeks',
  tier23_enablement_used: 'At least one Tier 2/3 release with its bundle published before launch',
  enablement_all_tier23: 'Every Tier 2/3 launch of the timebox with its bundle published before launch',
  roadmap_review_running: 'At least 2 Roadmap Reviews held with their artifact',
  roadmap_review_attendance: 'Roadmap Review attendance above 80%',
  decision_log_in_use: 'At least one decision recorded in the decision log',
  roadmap_view_published: 'The stakeholder roadmap view published at least once',
  insights_triage: 'Insight themes routed by the weekly triage, with dispositions recorded',
  insights_review_held: 'A Monthly Insights Review held with its artifact',
  post_launch_capture: 'Every Tier 2/3 post-launch check-in due in the timebox completed',
  retro_recorded: 'The timebox’s retrospective recorded with actions and owners',
};

export const PLAN_STATES = ['done', 'not_yet', 'missed'] as const;
export type TPlanState = (typeof PLAN_STATES)[number];
export const PLAN_STATE_LABELS: Record<TPlanState, string> = {
  done: 'Done',
  not_yet: 'Not yet',
  missed: 'Missed',
};

/** The retrospectives of pack §7's iteration loop, by week of the plan. */
export const RETRO_WEEKS = [4, 8, 12] as const;
export type TRetroWeek = (typeof RETRO_WEEKS)[number];

const ZLine = z.string().trim().min(1).max(500);
const ZLines = z.array(ZLine).max(20);

export const ZPlanStart = z.strictObject({
  /** The plan's day 1 (org-local date); default: today. */
  startOn: ZDate.optional(),
});

export const ZTimeboxParams = z.object({ n: z.coerce.number().int().min(1).max(3) });

export const ZTimeboxPatch = z.strictObject({
  goal: z.string().trim().min(1).max(500).optional(),
  scope: z.string().trim().min(1).max(1000).optional(),
  pilotArea: z.string().trim().max(500).optional(),
  pilotAreaId: ZId.nullable().optional(),
  metrics: ZLines.optional(),
  risks: ZLines.optional(),
});
export type TTimeboxPatch = z.infer<typeof ZTimeboxPatch>;

export const ZTick = z.strictObject({
  done: z.boolean(),
  /** Why it is done (or not any more): required, kept with who and when. */
  note: z.string().trim().min(1, 'is required: say why').max(1000),
});
export type TTick = z.infer<typeof ZTick>;

export const ZRetroParams = z.object({
  week: z.coerce
    .number()
    .int()
    .refine((w) => (RETRO_WEEKS as readonly number[]).includes(w), 'must be 4, 8 or 12'),
});

export const ZRetroAction = z.strictObject({
  title: ZLine,
  ownerId: ZId,
  dueOn: ZDate.nullable().optional(),
});

export const ZRetroInput = z.strictObject({
  working: z.string().trim().min(1).max(4000),
  overhead: z.string().trim().min(1).max(4000),
  adjust: z.string().trim().min(1).max(4000),
  actions: z.array(ZRetroAction).min(1, 'needs at least one action with an owner').max(20),
});
export type TRetroInput = z.infer<typeof ZRetroInput>;

export const ZPlanRecord = z.object({
  label: z.string(),
  href: z.string().nullable(),
  date: z.string(),
  counted: z.boolean(),
  detail: z.string(),
});
export type TPlanRecord = z.infer<typeof ZPlanRecord>;

export const ZDeliverable = z.object({
  id: ZId,
  title: z.string(),
  check: ZPlanCheck.nullable(),
  checkLabel: z.string().nullable(),
  state: z.enum(PLAN_STATES),
  stateLabel: z.string(),
  /** The figure in words ("3 of 4 weeks on time"), or the manual tick's note. */
  figure: z.string(),
  records: z.array(ZPlanRecord),
  /** A manual deliverable's last tick or untick. */
  tick: z
    .object({ done: z.boolean(), note: z.string(), byName: z.string().nullable(), at: z.string() })
    .nullable(),
});
export type TDeliverable = z.infer<typeof ZDeliverable>;

export const ZRetroView = z.object({
  week: z.number().int(),
  title: z.string(),
  occurrenceId: ZId.nullable(),
  startsAt: z.string().nullable(),
  facilitatorId: ZId.nullable(),
  facilitatorName: z.string().nullable(),
  recorded: z
    .object({
      working: z.string(),
      overhead: z.string(),
      adjust: z.string(),
      actions: z.array(
        z.object({
          title: z.string(),
          ownerId: ZId,
          ownerName: z.string(),
          dueOn: z.string().nullable(),
        }),
      ),
      byName: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
});
export type TRetroView = z.infer<typeof ZRetroView>;

export const ZTimebox = z.object({
  n: z.number().int(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  running: z.boolean(),
  goal: z.string(),
  scope: z.string(),
  pilotArea: z.string(),
  pilotAreaId: ZId.nullable(),
  pilotAreaName: z.string().nullable(),
  metrics: z.array(z.string()),
  risks: z.array(z.string()),
  deliverables: z.array(ZDeliverable),
  done: z.number().int(),
  total: z.number().int(),
});
export type TTimebox = z.infer<typeof ZTimebox>;

export const ZPlan = z.object({
  started: z.boolean(),
  startOn: z.string().nullable(),
  today: z.string(),
  /** The org's time zone: the retrospectives' times are read in it. */
  timeZone: z.string(),
  /** Day of the plan today (1 = its first day); null before it starts. */
  day: z.number().int().nullable(),
  timeboxes: z.array(ZTimebox),
  retros: z.array(ZRetroView),
  permissions: z.object({ update: z.boolean(), recordRetro: z.boolean() }),
});
export type TPlan = z.infer<typeof ZPlan>;
