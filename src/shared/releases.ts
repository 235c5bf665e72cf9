import { z } from 'zod';
import { ZDate, ZId, ZPermissions, ZText } from './common.ts';
import { BUNDLE_SECTION_KEYS } from './release-vocabulary.ts';

export const RELEASE_STATUSES = [
  'planned',
  'in_readiness',
  'go',
  'hold',
  'delay',
  'launched',
  'rolled_back',
] as const;
export type TReleaseStatus = (typeof RELEASE_STATUSES)[number];
export const RELEASE_STATUS_LABELS: Record<TReleaseStatus, string> = {
  planned: 'Planned',
  in_readiness: 'In readiness',
  go: 'Go',
  hold: 'On hold',
  delay: 'Delayed',
  launched: 'Launched',
  rolled_back: 'Rolled back',
};

export const ZTier = z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' });
export type TTier = z.infer<typeof ZTier>;
const ZAttributeKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be an attribute key (snake_case)');

export const ZReleaseInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  areaId: ZId.nullable().optional(),
  pmOwnerId: ZId.nullable().optional(),
  engOwnerId: ZId.nullable().optional(),
  tier: ZTier.nullable().optional(),
  /** Required when the assigned tier is below the suggestion. */
  tierReason: ZText(1000).nullable().optional(),
  targetDate: ZDate,
  status: z.enum(RELEASE_STATUSES).optional(),
  attributes: z.array(ZAttributeKey).max(30).optional(),
  /** The roadmap item this release ships: the item lists it and follows its dates (one "when" for both). */
  roadmapItemId: ZId.optional(),
});
export const ZReleasePatch = ZReleaseInput.partial();
export type TReleaseInput = z.infer<typeof ZReleaseInput>;
export type TReleasePatch = z.infer<typeof ZReleasePatch>;

/** A release as the services read it: what every response shows, and the area owner the policy decides with. */
const ZReleaseFields = z.object({
  id: ZId,
  title: z.string(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  pmOwnerId: ZId.nullable(),
  pmOwnerName: z.string().nullable(),
  engOwnerId: ZId.nullable(),
  engOwnerName: z.string().nullable(),
  tier: ZTier.nullable(),
  targetDate: z.string(),
  status: z.enum(RELEASE_STATUSES),
  attributes: z.array(z.string()),
  suggestedTier: z.number().int().nullable(),
  suggestedReason: z.string().nullable(),
  tierReason: z.string().nullable(),
  /** Set while the tier must be re-assigned (the attributes now suggest more and no reason counts): why, in words. */
  tierReview: z.string().nullable(),
  launchedOn: z.string().nullable(),
  distributedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  /** The tier's bundle deadlines (null when no bundle is needed): computed by the server, so every client agrees. */
  distributeBy: z.string().nullable(),
  publishBy: z.string().nullable(),
});
export const ZReleaseView = ZReleaseFields.extend({
  /** For the policy: the owning PM of the release's area may edit it. */
  areaOwnerId: ZId.nullable(),
});
export type TReleaseView = z.infer<typeof ZReleaseView>;
/**
 * What stakeholders are told of the launch date: the day once announced (launched, bundle out, or in the weekly
 * update's next 2 weeks), else a range ("Early Jan – mid Feb 2027", the roadmap item's ratified range if linked).
 */
export const ZStakeholderWhen = z.object({ exact: z.boolean(), text: z.string() });
export type TStakeholderWhen = z.infer<typeof ZStakeholderWhen>;
/** One release in list/get/create/update responses, with what this caller may do to it. */
export const ZRelease = ZReleaseFields.extend({ permissions: ZPermissions, when: ZStakeholderWhen });
export type TRelease = z.infer<typeof ZRelease>;
export const ZReleaseList = z.object({ items: z.array(ZRelease), nextCursor: z.string().nullable() });

/** Strict: a parameter the API does not document is refused by name rather than silently ignored. */
export const ZReleaseListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  /** Words in the title, any case ("salesforce"). */
  q: z.string().trim().min(1).max(200).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  areaId: ZId.optional(),
  status: z.enum(RELEASE_STATUSES).optional(),
  tier: z.coerce.number().pipe(ZTier).optional(),
});

export const ZBundleInput = z.strictObject({
  sections: z.partialRecord(z.enum(BUNDLE_SECTION_KEYS), ZText(20_000)),
});
export type TBundleInput = z.infer<typeof ZBundleInput>;

export const SIGN_OFF_INPUT_KINDS = [
  'support',
  'sales',
  'eng_monitoring',
  'eng_rollback',
  'training',
] as const;
export const ZSignOffInput = z
  .strictObject({
    kind: z.enum(SIGN_OFF_INPUT_KINDS),
    note: ZText(2000).optional(),
    /** false: not ready, and the note says why (the gate shows it). */
    ready: z.boolean().default(true),
  })
  .refine((v) => v.ready || (v.note ?? '').trim().length > 0, {
    path: ['note'],
    message: 'say why you are not ready',
  });
export const ZSignOffParams = z.object({ id: ZId, kind: z.enum(SIGN_OFF_INPUT_KINDS) });

export const DECISIONS = ['ship', 'hold', 'delay'] as const;
export const ZDecisionInput = z
  .strictObject({
    decision: z.enum(DECISIONS),
    reason: z.string().trim().min(1, 'say why').max(2000),
    /** A delay moves the launch: everything is recomputed from the new date. */
    newTargetDate: ZDate.optional(),
  })
  .refine((d) => d.decision !== 'delay' || d.newTargetDate, {
    path: ['newTargetDate'],
    message: 'is required for a delay',
  })
  .refine((d) => d.decision === 'delay' || !d.newTargetDate, {
    path: ['newTargetDate'],
    message: 'only a delay moves the launch date',
  });
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const POST_LAUNCH_KINDS = ['day3', 'day14'] as const;
export const ZPostLaunchParams = z.object({ id: ZId, kind: z.enum(POST_LAUNCH_KINDS) });
export const ZPostLaunchInput = z.strictObject({
  answers: z.record(z.string().max(40), ZText(4000)),
  /** The retro's improvements to the enablement process: 1–3, owned by Product Ops. */
  actionItems: z.array(z.string().trim().min(1).max(300)).max(3).optional(),
});
export type TPostLaunchInput = z.infer<typeof ZPostLaunchInput>;

export const ACTION_ITEM_STATUSES = ['open', 'done'] as const;
export const ZActionItemPatch = z.strictObject({ status: z.enum(ACTION_ITEM_STATUSES) });

export const ZTierSuggestionInput = z.strictObject({ attributes: z.array(ZAttributeKey).max(30) });

export const ZLeadTimeQuery = z.strictObject({
  tier: z.coerce.number().pipe(ZTier),
  launch: ZDate,
  today: ZDate.optional(),
});

export const ZCoverageQuery = z.strictObject({
  from: ZDate.optional(),
  to: ZDate.optional(),
  bucket: z.enum(['week', 'month']).default('month'),
});
