import { z } from 'zod';
import { ZDate, ZId, ZText } from './common.ts';

const ZThemeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a theme key from the insights taxonomy');

/** A decision log entry (pack §4 template): every field of the template is required. */
export const ZDecisionLogInput = z.strictObject({
  decidedOn: ZDate.optional(),
  title: z.string().trim().min(1, 'say what was decided').max(300),
  context: ZText(4000).min(1, 'say what led to it'),
  options: z
    .array(z.string().trim().min(1).max(500))
    .min(1, 'list the options considered (at least the one chosen)')
    .max(10),
  rationale: ZText(4000).min(1, 'say why'),
  ownerId: ZId,
  reviewDate: ZDate,
  roadmapItemIds: z.array(ZId).max(20).optional(),
  releaseIds: z.array(ZId).max(20).optional(),
  themes: z.array(ZThemeKey).max(20).optional(),
  /** Recorded during this Roadmap Review (its cadence occurrence). */
  occurrenceId: ZId.optional(),
});
export type TDecisionLogInput = z.infer<typeof ZDecisionLogInput>;

/** Revisit: keep it (with the next review date) or replace it with a new decision that supersedes it. */
export const ZRevisitInput = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('kept'),
    note: ZText(2000).min(1, 'say why it still holds'),
    nextReviewDate: ZDate,
  }),
  z.strictObject({
    outcome: z.literal('superseded'),
    note: ZText(2000).min(1, 'say what changed'),
    replacement: ZDecisionLogInput,
  }),
]);
export type TRevisitInput = z.infer<typeof ZRevisitInput>;

export const DECISION_STATUSES = ['active', 'superseded'] as const;
export const DECISION_EVENT_KINDS = [
  'recorded',
  'revisited',
  'superseded',
  'supersedes',
  'review_reminded',
] as const;
export const ZDecisionEvent = z.object({
  kind: z.enum(DECISION_EVENT_KINDS),
  note: z.string(),
  nextReviewDate: z.string().nullable(),
  relatedDecisionId: ZId.nullable(),
  relatedNumber: z.number().int().nullable(),
  by: z.string(),
  at: z.string(),
});

export const ZDecisionLogEntry = z.object({
  id: ZId,
  number: z.number().int(),
  decidedOn: z.string(),
  title: z.string(),
  context: z.string(),
  options: z.array(z.string()),
  rationale: z.string(),
  ownerId: ZId,
  ownerName: z.string(),
  reviewDate: z.string(),
  nextReviewDate: z.string(),
  /** The review date has arrived and nobody has revisited it yet. */
  reviewDue: z.boolean(),
  status: z.enum(DECISION_STATUSES),
  supersedes: z.object({ id: ZId, number: z.number().int(), title: z.string() }).nullable(),
  supersededBy: z.object({ id: ZId, number: z.number().int(), title: z.string() }).nullable(),
  roadmapItems: z.array(z.object({ id: ZId, title: z.string() })),
  releases: z.array(z.object({ id: ZId, title: z.string() })),
  themes: z.array(z.object({ key: z.string(), label: z.string() })),
  occurrenceId: ZId.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  history: z.array(ZDecisionEvent),
  permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TDecisionLogEntry = z.infer<typeof ZDecisionLogEntry>;
export const ZDecisionLogList = z.object({
  items: z.array(ZDecisionLogEntry),
  nextCursor: z.string().nullable(),
});

export const ZDecisionLogQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  /** Words found in the decision, its context, options or rationale. */
  q: z.string().trim().max(200).optional(),
  ownerId: ZId.optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  /** Only those whose review date has arrived. */
  due: z.enum(['true', 'false']).optional(),
  roadmapItemId: ZId.optional(),
  releaseId: ZId.optional(),
  theme: z.string().max(40).optional(),
  areaId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TDecisionLogQuery = z.infer<typeof ZDecisionLogQuery>;
