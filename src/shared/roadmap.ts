import { z } from 'zod';
import { ZDate, ZId, ZText } from './common.ts';

export const ROADMAP_STATUSES = [
  'exploring',
  'planned',
  'in_progress',
  'shipped',
  'paused',
  'dropped',
] as const;
export type TRoadmapStatus = (typeof ROADMAP_STATUSES)[number];
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type TConfidence = (typeof CONFIDENCES)[number];
export const VISIBILITIES = ['internal', 'stakeholders'] as const;

/** Words for statuses and confidences, the same on the web, in the exports and in change lines. */
export const ROADMAP_STATUS_LABELS: Record<TRoadmapStatus, string> = {
  exploring: 'Exploring',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  paused: 'Paused',
  dropped: 'Dropped',
};
export const CONFIDENCE_LABELS: Record<TConfidence, string> = {
  low: 'Low confidence',
  medium: 'Medium confidence',
  high: 'High confidence',
};
export const AUDIENCES = ['sales', 'support', 'cs', 'exec'] as const;
export type TAudience = (typeof AUDIENCES)[number];

const ZThemeKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a theme key from the insights taxonomy');

/** What a version of an item holds: everything a change can touch (the area is part of it: items move areas). */
export const ZRoadmapItemState = z.object({
  title: z.string(),
  summary: z.string(),
  /** What Sales may tell customers; empty = say nothing beyond the summary. */
  customerNote: z.string(),
  areaId: ZId,
  status: z.enum(ROADMAP_STATUSES),
  confidence: z.enum(CONFIDENCES),
  earliest: z.string(),
  latest: z.string(),
  visibility: z.enum(VISIBILITIES),
  dependsOn: z.array(ZId),
  releaseIds: z.array(ZId),
  themes: z.array(z.string()),
});
export type TRoadmapItemState = z.infer<typeof ZRoadmapItemState>;

const ZRoadmapItemFields = z.strictObject({
  title: z.string().trim().min(1).max(200),
  summary: ZText(2000).min(1, 'say what it is in stakeholder language'),
  customerNote: ZText(2000).optional(),
  areaId: ZId,
  status: z.enum(ROADMAP_STATUSES).optional(),
  confidence: z.enum(CONFIDENCES),
  /** A range, never a single committed date: earliest ≤ latest. */
  earliest: ZDate,
  latest: ZDate,
  visibility: z.enum(VISIBILITIES).optional(),
  dependsOn: z.array(ZId).max(20).optional(),
  releaseIds: z.array(ZId).max(20).optional(),
  themes: z.array(ZThemeKey).max(20).optional(),
  /** Why it changed: shown in the history and the review agenda. */
  note: ZText(1000).optional(),
});
const rangeOrdered = (r: { earliest?: string; latest?: string }) =>
  !r.earliest || !r.latest || r.earliest <= r.latest;
export const ZRoadmapItemInput = ZRoadmapItemFields.refine(rangeOrdered, {
  path: ['latest'],
  message: 'must be on or after earliest',
});
export const ZRoadmapItemPatch = ZRoadmapItemFields.partial().refine(rangeOrdered, {
  path: ['latest'],
  message: 'must be on or after earliest',
});
export type TRoadmapItemInput = z.infer<typeof ZRoadmapItemInput>;
export type TRoadmapItemPatch = z.infer<typeof ZRoadmapItemPatch>;

export const ZRoadmapItem = ZRoadmapItemState.extend({
  id: ZId,
  areaName: z.string(),
  ownerPmId: ZId.nullable(),
  ownerPmName: z.string().nullable(),
  version: z.number().int(),
  ratifiedVersion: z.number().int().nullable(),
  /** The working state differs from what stakeholders see: it waits for the next review. */
  pending: z.boolean(),
  /** "Q4 2026" or "Q4 2026 – Q1 2027" (the org's fiscal quarters). */
  quarters: z.string(),
  /** "Early Dec – late Jan 2027": how stakeholders read the range. */
  rangeText: z.string(),
  horizon: z.enum(['past', 'current', 'next', 'later']),
  updatedAt: z.string(),
  permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TRoadmapItem = z.infer<typeof ZRoadmapItem>;
export const ZRoadmapItemList = z.object({ items: z.array(ZRoadmapItem), nextCursor: z.string().nullable() });

export const ZRoadmapListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(500),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  areaId: ZId.optional(),
  status: z.enum(ROADMAP_STATUSES).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  pending: z.enum(['true', 'false']).optional(),
  /** Items linked to this release, or to this insights theme. */
  releaseId: ZId.optional(),
  theme: z.string().max(40).optional(),
});

/** edit | revert (a change the Head of Product rejected, undone). */
export const ITEM_VERSION_KINDS = ['edit', 'revert'] as const;
export const ZItemVersion = z.object({
  version: z.number().int(),
  kind: z.enum(ITEM_VERSION_KINDS),
  note: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
  state: ZRoadmapItemState,
  /** What this version changed against the one before, in words. */
  changes: z.array(z.string()),
  ratified: z.boolean(),
});
export type TItemVersion = z.infer<typeof ZItemVersion>;
export const ZItemHistory = z.object({ items: z.array(ZItemVersion) });
export type TItemHistory = z.infer<typeof ZItemHistory>;

export const CHANGE_KINDS = [
  'added',
  'dropped',
  'moved_quarter',
  'slipped',
  'pulled_in',
  'status',
  'confidence',
  'dependency_added',
  'dependency_removed',
  'dependency_broken',
  'area',
  'visibility',
  'wording',
] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

export const ZRoadmapChange = z.object({
  itemId: ZId,
  title: z.string(),
  areaId: ZId,
  kind: z.enum(CHANGE_KINDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Slipped / pulled in: by how many days the range's end moved. */
  days: z.number().int().nullable(),
  /** Dependencies: the other item. */
  otherItemId: ZId.nullable(),
  text: z.string(),
});
export type TRoadmapChange = z.infer<typeof ZRoadmapChange>;

export const ZChangesQuery = z.strictObject({
  /** A date (YYYY-MM-DD, start of that day in the org's time zone) or "last-review". */
  since: z.union([ZDate, z.literal('last-review')]).default('last-review'),
});
export const ZChanges = z.object({
  since: z.string(),
  sinceLabel: z.string(),
  changes: z.array(ZRoadmapChange),
});
export type TChanges = z.infer<typeof ZChanges>;

/** One item as stakeholders see it (ratified state, ranges only). */
export const ZViewItem = z.object({
  id: ZId,
  title: z.string(),
  summary: z.string(),
  customerNote: z.string(),
  areaId: ZId,
  areaName: z.string(),
  status: z.enum(ROADMAP_STATUSES),
  confidence: z.enum(CONFIDENCES),
  earliest: z.string(),
  latest: z.string(),
  rangeText: z.string(),
  quarters: z.string(),
  dependsOn: z.array(z.object({ id: ZId, title: z.string() })),
  releases: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      tier: z.number().int().nullable(),
      status: z.string(),
      distributedOn: z.string().nullable(),
      publishedOn: z.string().nullable(),
      readiness: z.array(z.object({ kind: z.string(), done: z.boolean() })),
    }),
  ),
  themes: z.array(z.object({ key: z.string(), label: z.string(), volume: z.number().int() })),
});
export type TViewItem = z.infer<typeof ZViewItem>;

export const ZRoadmapView = z.object({
  orgName: z.string(),
  asOf: z.string(),
  quarters: z.array(z.object({ label: z.string(), start: z.string(), end: z.string() })),
  items: z.array(ZViewItem),
  decisions: z.array(
    z.object({ number: z.number().int(), title: z.string(), decidedOn: z.string(), rationale: z.string() }),
  ),
});
export type TRoadmapView = z.infer<typeof ZRoadmapView>;

export const ZViewQuery = z.strictObject({
  audience: z.enum(AUDIENCES).optional(),
  /** Omit for the latest published version; "draft" for what republishing now would publish. */
  version: z.union([z.coerce.number().int().min(1), z.literal('draft')]).optional(),
});
export const ZPublishedView = z.object({
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  view: ZRoadmapView,
  /** The audience's rendering (markdown), when one was asked for; the whole view otherwise. */
  markdown: z.string(),
});
export type TPublishedView = z.infer<typeof ZPublishedView>;
/** A published version of the stakeholder view. */
export const ZViewVersion = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  changes: z.array(z.string()),
});
export type TViewVersion = z.infer<typeof ZViewVersion>;
export const ZViewVersionList = z.object({ items: z.array(ZViewVersion) });
export type TViewVersionList = z.infer<typeof ZViewVersionList>;
export const ZExportQuery = ZViewQuery.extend({ format: z.enum(['md', 'html']).default('md') });

export const REVIEW_OUTCOMES = ['ratified', 'rejected'] as const;
export const ZAgendaSection = z.object({
  minutes: z.number().int(),
  title: z.string(),
  lines: z.array(z.string()),
});
export const ZReviewItem = z.object({
  itemId: ZId,
  title: z.string(),
  areaId: ZId,
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  changes: z.array(ZRoadmapChange),
  notes: z.array(z.object({ by: z.string(), at: z.string(), note: z.string() })),
  /** Has changes stakeholders have not seen: the Head of Product can ratify or reject them. */
  pending: z.boolean(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable(),
});
export const ZReview = z.object({
  id: ZId.nullable(),
  occurrenceId: ZId,
  localDate: z.string(),
  startsAt: z.string(),
  since: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  slaDueAt: z.string().nullable(),
  republishedAt: z.string().nullable(),
  viewVersion: z.number().int().nullable(),
  /** open (review not closed) | waiting (closed, not republished, in time) | met | late | overdue */
  sla: z.enum(['open', 'waiting', 'met', 'late', 'overdue']),
  agenda: z.array(ZAgendaSection),
  areas: z.array(
    z.object({
      areaId: ZId,
      areaName: z.string(),
      pmName: z.string().nullable(),
      minutes: z.number(),
      items: z.array(ZReviewItem),
    }),
  ),
  dueDecisions: z.array(
    z.object({ id: ZId, number: z.number().int(), title: z.string(), nextReviewDate: z.string() }),
  ),
  decisions: z.array(z.object({ id: ZId, number: z.number().int(), title: z.string() })),
  crossAreaThemes: z.array(z.object({ key: z.string(), label: z.string(), areas: z.array(z.string()) })),
  /** Action items with owners (pack: "dependency resolutions assigned"): follow-ups until their owner closes them. */
  actions: z.array(
    z.object({ id: ZId, title: z.string(), ownerName: z.string(), status: z.enum(['open', 'closed']) }),
  ),
  permissions: z.object({ ratify: z.boolean(), run: z.boolean(), republish: z.boolean() }),
});
export type TReview = z.infer<typeof ZReview>;
export const ZReviewList = z.object({
  items: z.array(
    ZReview.pick({
      id: true,
      occurrenceId: true,
      localDate: true,
      startsAt: true,
      closedAt: true,
      slaDueAt: true,
      republishedAt: true,
      sla: true,
      viewVersion: true,
    }),
  ),
});
export type TReviewList = z.infer<typeof ZReviewList>;
export const ZOccurrenceParams = z.object({ occurrenceId: ZId });
const ZOutcomeFields = z.strictObject({
  itemId: ZId,
  outcome: z.enum(REVIEW_OUTCOMES),
  note: ZText(1000).optional(),
});
/** A rejection needs its reason: the PM reads it in the message that says their changes were not ratified. */
export const ZOutcomeInput = ZOutcomeFields.refine(
  (o) => o.outcome !== 'rejected' || Boolean(o.note?.trim()),
  {
    path: ['note'],
    message: 'say why the changes are rejected (the PM reads it)',
  },
);
/** The preview asks before the reason is written: it shows where it goes. */
export const ZOutcomePreviewQuery = ZOutcomeFields;
export const ZReviewActionInput = z.strictObject({
  title: z.string().trim().min(1, 'say what needs doing').max(300),
  ownerId: ZId,
  /** The area it is about (for the follow-up lists), if one. */
  areaId: ZId.optional(),
});
export type TReviewActionInput = z.infer<typeof ZReviewActionInput>;
export const ZRepublishInput = z.strictObject({ note: ZText(1000).optional() });
export type TReviewSummary = TReviewList['items'][number];
