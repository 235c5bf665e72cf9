import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { INSIGHT_KINDS } from './insights-taxonomy.ts';

const ZKey = z.string().trim().min(1).max(60);
const ZIsoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO date-time, e.g. 2026-11-20T14:00:00Z',
});

/** A group id is a PostgreSQL bigint (a hash): one beyond its range is no group, and no longer a 500. */
const inBigint = (v: string) => /^-?\d{1,19}$/.test(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n;

export const ZInsightFilter = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
  kind: z.enum(INSIGHT_KINDS).optional(),
  theme: ZKey.optional(),
  severity: ZKey.optional(),
  areaId: ZId.optional(),
  source: ZKey.optional(),
  groupId: z.string().refine(inBigint, 'must be a group id').optional(),
  reviewed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(200).optional(),
});
export type TInsightFilter = z.infer<typeof ZInsightFilter>;

export const ZInsightPatch = z
  .strictObject({
    kind: z.enum(INSIGHT_KINDS).optional(),
    theme: ZKey.nullable().optional(),
    severity: ZKey.optional(),
    areaId: ZId.nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'change at least one tag' });
export type TInsightPatch = z.infer<typeof ZInsightPatch>;

/** One item from a webhook, the web form or a Slack shortcut; the same fields the file importers produce. */
export const ZIntakeItem = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  title: z.string().trim().max(500).default(''),
  body: z.string().trim().max(20_000).default(''),
  occurredAt: ZIsoInstant.optional(),
  customer: z.string().trim().max(200).nullable().optional(),
  segment: z.string().trim().max(60).nullable().optional(),
  evidenceType: z.string().trim().max(60).nullable().optional(),
  severity: z.string().trim().max(60).nullable().optional(),
  kind: z.string().trim().max(60).nullable().optional(),
  url: z.url().max(2000).nullable().optional(),
});
export const ZIntakeInput = z
  .strictObject({ source: ZKey, items: z.array(ZIntakeItem).min(1).max(1000) })
  .superRefine((v, ctx) => {
    v.items.forEach((item, i) => {
      if (!item.title && !item.body)
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'body'],
          message: 'a title or a body is required',
        });
    });
  });
export type TIntakeInput = z.infer<typeof ZIntakeInput>;

export const ZThemesQuery = z.strictObject({
  from: ZDate.optional(),
  to: ZDate.optional(),
  days: z.coerce.number().int().min(1).max(366).default(30),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  areaId: ZId.optional(),
  kind: z.enum(INSIGHT_KINDS).optional(),
});
/** One theme's page takes the window only: its areas and kinds are part of what it shows. */
export const ZThemeWindowQuery = ZThemesQuery.pick({ from: true, to: true, days: true });

export const DISPOSITIONS = ['backlog', 'needs_research', 'already_addressed', 'wont_do'] as const;
export type TDisposition = (typeof DISPOSITIONS)[number];
export const ZDispositionInput = z
  .strictObject({ disposition: z.enum(DISPOSITIONS), rationale: z.string().trim().max(2000).optional() })
  .refine((d) => d.disposition !== 'wont_do' || (d.rationale ?? '').length > 0, {
    path: ['rationale'],
    message: "is required for won't do",
  });
export type TDispositionInput = z.infer<typeof ZDispositionInput>;

/** Product Ops gives a routed theme an owner: an area (its PM unless one is named) and/or a PM. */
export const ZRoutingAssignInput = z
  .strictObject({ areaId: ZId.optional(), ownerId: ZId.optional() })
  .refine((a) => a.areaId !== undefined || a.ownerId !== undefined, {
    path: ['areaId'],
    message: 'name an area or a PM (ownerId) to own the theme',
  });
export type TRoutingAssignInput = z.infer<typeof ZRoutingAssignInput>;

// Responses. Each mirrors what its service returns; the response serializer checks it on every reply.

/** One feedback item with its tags and how sure the tagger was of each. */
export const ZInsightItem = z.object({
  id: z.number().int(),
  source: z.string(),
  externalId: z.string(),
  title: z.string(),
  body: z.string(),
  customer: z.string().nullable(),
  segment: z.string().nullable(),
  evidenceType: z.string().nullable(),
  occurredAt: z.string(),
  kind: z.enum(INSIGHT_KINDS),
  kindConfidence: z.number(),
  theme: z.string().nullable(),
  themeConfidence: z.number(),
  severity: z.string(),
  severityConfidence: z.number(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  areaConfidence: z.number(),
  /** The tags a person set or confirmed ("kind", "theme", "severity", "area"); empty = not reviewed yet. */
  correctedTags: z.array(z.string()),
  /** Near-duplicates share it (the duplicate key, a 64-bit integer as a string). */
  groupId: z.string(),
});
export type TInsightItem = z.infer<typeof ZInsightItem>;
/** Newest first, keyset-paged: `nextBefore` is the `before` of the next page (null on the last). */
export const ZInsightList = z.object({
  items: z.array(ZInsightItem),
  nextBefore: z.number().int().nullable(),
});
export type TInsightList = z.infer<typeof ZInsightList>;
/** The corrected item and how many items took the correction (it and its untouched near-duplicates). */
export const ZInsightCorrection = z.object({ item: ZInsightItem, applied: z.number().int() });
export type TInsightCorrection = z.infer<typeof ZInsightCorrection>;

export const ZIntakeResult = z.object({
  importId: ZId,
  read: z.number().int(),
  inserted: z.number().int(),
  alreadyThere: z.number().int(),
  bad: z.number().int(),
  /** Bad rows with their line and reason (the first 200; `bad` counts them all). */
  errors: z.array(z.object({ line: z.number().int(), error: z.string() })),
});
export type TIntakeResult = z.infer<typeof ZIntakeResult>;

/** Local dates, both ends included. */
export const ZWindow = z.object({ from: z.string(), to: z.string() });
export type TWindow = z.infer<typeof ZWindow>;

const ZCounts = z.record(z.string(), z.number());
/** A theme's evidence over a window, from the daily counts. */
export const ZThemeSummary = z.object({
  theme: z.string(),
  label: z.string(),
  volume: z.number().int(),
  /** Volume weighted by severity. */
  score: z.number(),
  /** Volume in the window of the same length just before. */
  previous: z.number().int(),
  /** Change against the previous window, in percent; null when it had nothing. */
  trendPct: z.number().nullable(),
  severity: ZCounts,
  segments: ZCounts,
  areas: ZCounts,
  kinds: ZCounts,
});
export type TThemeSummary = z.infer<typeof ZThemeSummary>;

export const ZQuote = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  severity: z.string(),
  source: z.string(),
  customer: z.string().nullable(),
  occurredAt: z.string(),
  /** How many near-duplicates the quote stands for ("+N similar"). */
  duplicates: z.number().int(),
});
export type TQuote = z.infer<typeof ZQuote>;

export const ZTopThemes = z.object({
  window: ZWindow,
  themes: z.array(ZThemeSummary.extend({ quotes: z.array(ZQuote) })),
});
export type TTopThemes = z.infer<typeof ZTopThemes>;

export const ZThemeDetail = z.object({
  theme: z.string(),
  label: z.string(),
  window: ZWindow,
  /** Null when the theme has nothing in the window. */
  summary: ZThemeSummary.nullable(),
  /** Weekly volume by severity. */
  trend: z.array(z.object({ week: z.string(), severity: z.string(), items: z.number().int() })),
  quotes: z.array(ZQuote),
});
export type TThemeDetail = z.infer<typeof ZThemeDetail>;

/**
 * A routing's evidence as the triage stored it (the theme's summary, window and quotes at routing time). It is
 * stored JSON: a part that is missing reads as empty rather than failing the reply.
 */
export const ZRoutingEvidence = z.object({
  theme: z.string().default(''),
  label: z.string().default(''),
  volume: z.number().int().default(0),
  score: z.number().default(0),
  previous: z.number().int().default(0),
  trendPct: z.number().nullable().default(null),
  severity: ZCounts.default({}),
  segments: ZCounts.default({}),
  areas: ZCounts.default({}),
  kinds: ZCounts.default({}),
  window: ZWindow.optional(),
  quotes: z.array(ZQuote).default([]),
});

export const ZRouting = z.object({
  id: ZId,
  week: z.string(),
  theme: z.string(),
  /** 1 = the week's top theme. */
  rank: z.number().int(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  ownerId: ZId.nullable(),
  /** Nobody owns it (no area, or an area without a PM): Product Ops was asked to assign it. */
  needsOwner: z.boolean(),
  evidence: ZRoutingEvidence,
  /** The areas holding a real share of the theme, when more than one (flagged for the Roadmap Review). */
  crossArea: z.array(z.string()),
  routedAt: z.string(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  rationale: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  escalatedOccurrenceId: ZId.nullable(),
});
export type TRouting = z.infer<typeof ZRouting>;
export const ZRoutingList = z.object({ items: z.array(ZRouting) });
export type TRoutingList = z.infer<typeof ZRoutingList>;

export const ZTriageResult = z.object({
  week: z.string(),
  window: ZWindow,
  /** Themes routed by this run (a theme already routed that week is not routed twice). */
  routed: z.array(z.string()),
  routings: z.array(ZRouting),
});
export type TTriageResult = z.infer<typeof ZTriageResult>;

/** A digest theme: its evidence, quotes, who owns it and where its decision stands. */
export const ZDigestTheme = ZThemeSummary.extend({
  quotes: z.array(ZQuote),
  owner: z.string().nullable(),
  area: z.string().nullable(),
  decision: z.string(),
  rationale: z.string().nullable(),
});
export const ZDigestSummary = z.object({
  month: z.string(),
  version: z.number().int(),
  title: z.string(),
  publishedAt: z.string(),
});
export type TDigestSummary = z.infer<typeof ZDigestSummary>;
export const ZDigestList = z.object({ items: z.array(ZDigestSummary) });
export type TDigestList = z.infer<typeof ZDigestList>;
/** A month's digest (latest version): the markdown and the structured JSON it was rendered from. */
export const ZDigest = z.object({
  month: z.string(),
  version: z.number().int(),
  title: z.string(),
  markdown: z.string(),
  json: z.object({ month: z.string(), window: ZWindow, themes: z.array(ZDigestTheme) }),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type TDigest = z.infer<typeof ZDigest>;
export const ZPublishedDigest = z.object({
  month: z.string(),
  version: z.number().int(),
  title: z.string(),
  markdown: z.string(),
  themes: z.array(ZDigestTheme),
});
export type TPublishedDigest = z.infer<typeof ZPublishedDigest>;
