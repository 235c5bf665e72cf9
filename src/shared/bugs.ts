import { z } from 'zod';
import { ZId } from './common.ts';

/**
 * No bug backlog (issue 15, velocity framework): a bug is open or closed; one open longer than the org's
 * `thresholds.bugMaxOpenDays` gets a decision — fix now (with who) or won't fix (with why) — from its area's PM or
 * that week's production-engineering rotation. Bugs come from a source: a group of near-duplicate `bug` feedback
 * items ("insights"), or later a tracker (GitHub, Jira, Linear) by its own id.
 */
export const BUG_SOURCES = ['insights', 'github', 'jira', 'linear'] as const;
export const BUG_STATES = ['open', 'closed'] as const;
export const BUG_DISPOSITIONS = ['fix_now', 'wont_fix'] as const;
/** fixed: closed as done; wont_fix: the decision closed it; not_a_bug: its reports are no longer tagged bugs. */
export const BUG_CLOSED_REASONS = ['fixed', 'wont_fix', 'not_a_bug'] as const;
export type TBugSource = (typeof BUG_SOURCES)[number];
export type TBugState = (typeof BUG_STATES)[number];
export type TBugDisposition = (typeof BUG_DISPOSITIONS)[number];
export type TBugClosedReason = (typeof BUG_CLOSED_REASONS)[number];

/** What the target is: no bug backlog at all. */
export const BUG_BACKLOG_TARGET = 0;

/** The decision on a bug: fix now, by an active person; or won't fix, with why (it closes the bug). */
export const ZBugDecisionInput = z.discriminatedUnion(
  'decision',
  [
    z.strictObject({ decision: z.literal('fix_now'), assigneeId: ZId }),
    z.strictObject({
      decision: z.literal('wont_fix'),
      reason: z
        .string({ message: "say why it won't be fixed" })
        .trim()
        .min(1, "say why it won't be fixed")
        .max(2000),
    }),
  ],
  { message: 'must be fix_now or wont_fix' },
);
export type TBugDecisionInput = z.infer<typeof ZBugDecisionInput>;

export const ZBugListQuery = z.strictObject({
  areaId: ZId.optional(),
  /** open (the backlog), closed, or both when left out. */
  state: z.enum(BUG_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type TBugListQuery = z.infer<typeof ZBugListQuery>;

const ZAreaRef = z.object({ id: ZId, slug: z.string(), name: z.string() });

export const ZBug = z.object({
  id: ZId,
  source: z.enum(BUG_SOURCES),
  /** The source's own id: the near-duplicate group's key for "insights". */
  externalId: z.string(),
  area: ZAreaRef.nullable(),
  title: z.string(),
  /** The first report's day in the org's time zone. */
  openedOn: z.string(),
  /** Whole days from openedOn to today (org's zone); a closed bug's age stops on the day it closed. */
  ageDays: z.number().int(),
  reports: z.number().int(),
  lastReportedAt: z.string(),
  state: z.enum(BUG_STATES),
  closedAt: z.string().nullable(),
  closedReason: z.enum(BUG_CLOSED_REASONS).nullable(),
  closedBy: z.string().nullable(),
  disposition: z.enum(BUG_DISPOSITIONS).nullable(),
  assignee: z.object({ id: ZId, name: z.string() }).nullable(),
  wontFixReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Open longer than the limit. */
  overLimit: z.boolean(),
  /** Open longer than the limit with no decision: the PM and the rotation are asked. */
  awaitingDecision: z.boolean(),
  /** When its PM and rotation were asked (once). */
  promptedAt: z.string().nullable(),
  /** What the caller may do: decide (fix now / won't fix), close it as fixed. */
  permissions: z.object({ decide: z.boolean(), close: z.boolean() }),
});
export type TBug = z.infer<typeof ZBug>;

export const ZBugRule = z.object({
  maxOpenDays: z.number().int(),
  target: z.number().int(),
  today: z.string(),
  timeZone: z.string(),
});

export const ZBugList = ZBugRule.extend({
  bugs: z.array(ZBug),
  /** More bugs matched than `limit`: the oldest open ones come first. */
  truncated: z.boolean(),
});
export type TBugList = z.infer<typeof ZBugList>;

/** Who is asked to decide an area's bugs this week. */
export const ZBugDecider = z.object({ personId: ZId, name: z.string(), as: z.enum(['pm', 'rotation']) });

export const ZAreaBugBacklog = z.object({
  /** null: bugs no area owns yet (Product Ops gives them one). */
  area: ZAreaRef.nullable(),
  open: z.number().int(),
  oldestAgeDays: z.number().int().nullable(),
  overLimit: z.number().int(),
  awaitingDecision: z.number().int(),
  fixNow: z.number().int(),
  deciders: z.array(ZBugDecider),
});
export const ZBugBacklog = ZBugRule.extend({
  week: z.string(),
  areas: z.array(ZAreaBugBacklog),
});
export type TAreaBugBacklog = z.infer<typeof ZAreaBugBacklog>;
export type TBugBacklog = z.infer<typeof ZBugBacklog>;
