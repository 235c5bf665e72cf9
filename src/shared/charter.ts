import { z } from 'zod';
import { ZId, ZText } from './common.ts';
import { METRIC_KEYS } from './metrics.ts';

/**
 * Issue 16 (C8): the Product Ops charter (pack §1), the ranked top frictions (pack §0) and the quarterly
 * Planning/QBR artifact that snapshots them (pack §3).
 */

const ZLine = z.string().trim().min(1, 'must not be empty').max(500);
const ZLines = (max: number) => z.array(ZLine).max(max);

export const ZCharterContent = z.strictObject({
  mission: ZText(2000).min(1, 'say what Product Ops is for'),
  primaryCustomers: ZText(2000),
  /** What we own. */
  scope: ZLines(30),
  nonGoals: ZLines(30),
  /** "Product Ops informs decisions; PMs keep decision rights." */
  decisionRights: ZText(2000),
  intake: ZText(2000),
  prioritization: ZText(2000),
  slas: ZLines(20),
  successMetrics: ZLines(20),
});
export type TCharterContent = z.infer<typeof ZCharterContent>;

export const ZCharter = z.object({
  content: ZCharterContent,
  /** True until Product Ops saves a first version: the pack's text is shown. */
  isDefault: z.boolean(),
  version: z.number().int().nullable(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  permissions: z.object({ update: z.boolean() }),
});
export type TCharter = z.infer<typeof ZCharter>;

export const ZCharterVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      savedAt: z.string(),
      savedBy: z.string(),
      /** The sections this save changed, in words. */
      changed: z.array(z.string()),
    }),
  ),
});

/** Evidence a friction points at: an insight theme, a success metric, a release. */
export const EVIDENCE_KINDS = ['theme', 'metric', 'release'] as const;
export type TEvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_LABELS: Record<TEvidenceKind, string> = {
  theme: 'Insight theme',
  metric: 'Metric',
  release: 'Release',
};

export const ZEvidenceLink = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('theme'), ref: ZText(100).min(1, 'name the theme') }),
  z.strictObject({ kind: z.literal('metric'), ref: z.enum(METRIC_KEYS) }),
  z.strictObject({ kind: z.literal('release'), ref: ZId }),
]);
export type TEvidenceLink = z.infer<typeof ZEvidenceLink>;

export const ZFrictionInput = z.strictObject({
  title: ZText(200).min(1, 'say what the friction is'),
  description: ZText(4000).optional(),
  /** What shows the friction is real: survey figures, pings counted, quotes. */
  evidence: ZText(4000).optional(),
  evidenceLinks: z.array(ZEvidenceLink).max(20).optional(),
  /** The rituals that address it ("every ritual must map to a friction point"). */
  ritualIds: z.array(ZId).max(20).optional(),
  /** The artifacts that address it, in words ("Weekly Product Update"). */
  artifacts: ZLines(20).optional(),
});
export type TFrictionInput = z.infer<typeof ZFrictionInput>;

export const ZFrictionPatch = ZFrictionInput.partial().extend({
  /** true retires it (kept for the record, out of the ranking); false brings it back at the bottom. */
  retired: z.boolean().optional(),
});
export type TFrictionPatch = z.infer<typeof ZFrictionPatch>;

export const ZFrictionRanking = z.strictObject({
  /** Every active friction's id, highest rank first. */
  ids: z.array(ZId).min(1).max(50),
});

const ZNamed = z.object({ id: z.string(), name: z.string() });

export const ZFriction = z.object({
  id: z.string(),
  /** 1 is the worst; null once retired. */
  rank: z.number().int().nullable(),
  title: z.string(),
  description: z.string(),
  evidence: z.string(),
  evidenceLinks: z.array(
    z.object({
      kind: z.enum(EVIDENCE_KINDS),
      ref: z.string(),
      label: z.string(),
      href: z.string().nullable(),
    }),
  ),
  rituals: z.array(ZNamed),
  artifacts: z.array(z.string()),
  retiredAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type TFriction = z.infer<typeof ZFriction>;

export const ZFrictionList = z.object({
  items: z.array(ZFriction),
  retired: z.array(ZFriction),
  /** Active rituals no active friction names: "every ritual must map to a friction point" (pack §8). */
  unmappedRituals: z.array(ZNamed),
  warning: z.string().nullable(),
  permissions: z.object({ update: z.boolean() }),
});
export type TFrictionList = z.infer<typeof ZFrictionList>;

/** A fiscal quarter's key: "2026-Q4" (the fiscal year, named by the calendar year it ends in). */
export const ZQuarterKey = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q4');
export const ZQuarterParams = z.object({ quarter: ZQuarterKey });
export const ZQuarterVersionParams = z.object({
  quarter: ZQuarterKey,
  version: z.coerce.number().int().min(1, 'must be a version number (1 or more)'),
});

export const ZQbrPriority = z.strictObject({
  text: ZLine,
  roadmapItemId: ZId.optional(),
});

export const ZQbrRetro = z.strictObject({
  worked: ZLines(30),
  didNot: ZLines(30),
  prune: ZLines(30),
});
export type TQbrRetro = z.infer<typeof ZQbrRetro>;

export const ZQbrPublishInput = z.strictObject({
  priorities: z.array(ZQbrPriority).max(20),
  retrospective: ZQbrRetro,
});
export type TQbrPublishInput = z.infer<typeof ZQbrPublishInput>;

export const ZQbrMetric = z.object({
  key: z.enum(METRIC_KEYS),
  label: z.string(),
  current: z.string(),
  target: z.string(),
  meets: z.boolean().nullable(),
});

/** What a QBR version holds: the plan, the retrospective, the figures and the frictions as of publishing. */
export const ZQbrContent = z.object({
  quarter: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  priorities: z.array(
    z.object({ text: z.string(), roadmapItem: z.object({ id: z.string(), title: z.string() }).nullable() }),
  ),
  retrospective: ZQbrRetro,
  /** "The 13 weeks to 31 Dec 2026". */
  metricsWindow: z.string(),
  metrics: z.array(ZQbrMetric),
  frictions: z.array(ZFriction),
  unmappedRituals: z.array(ZNamed),
});
export type TQbrContent = z.infer<typeof ZQbrContent>;

export const ZQbrVersion = z.object({
  quarter: z.string(),
  version: z.number().int(),
  title: z.string(),
  markdown: z.string(),
  content: ZQbrContent,
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type TQbrVersion = z.infer<typeof ZQbrVersion>;

export const ZQbr = z.object({
  quarter: z.string(),
  label: z.string(),
  /** What publishing now would hold (text prefilled from the latest version). */
  draft: ZQbrContent,
  latest: ZQbrVersion.nullable(),
  permissions: z.object({ publish: z.boolean() }),
});
export type TQbr = z.infer<typeof ZQbr>;

export const ZQbrVersionList = z.object({
  items: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      publishedAt: z.string(),
      publishedBy: z.string(),
    }),
  ),
});

export const ZQbrIndex = z.object({
  /** The quarter holding today, in the org's fiscal year. */
  current: z.string(),
  items: z.array(
    z.object({ quarter: z.string(), version: z.number().int(), title: z.string(), publishedAt: z.string() }),
  ),
});
