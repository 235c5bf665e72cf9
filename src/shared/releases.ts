import { z } from 'zod';
import { ZDate, ZId, ZPermissions } from './common.ts';
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
const ZText = (max: number) => z.string().trim().max(max);

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

// Responses. Each mirrors what its service returns; the response serializer checks it on every reply.

/** A row of the settings' tier table: an attribute and the tier it implies. */
export const ZAttributeRule = z.object({ key: z.string(), label: z.string(), tier: ZTier });
export type TAttributeRule = z.infer<typeof ZAttributeRule>;

export const ZTierSuggestion = z.object({
  tier: ZTier,
  /** The attributes that imply the suggested tier. */
  decidedBy: z.array(z.string()),
  reason: z.string(),
  /** The org's attribute table (settings). */
  attributes: z.array(ZAttributeRule),
});
export type TTierSuggestion = z.infer<typeof ZTierSuggestion>;

export const DEADLINE_STATUSES = ['not_required', 'done', 'done_late', 'open', 'missed'] as const;
export type TDeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const ZDeadline = z.object({
  kind: z.enum(['distribute', 'publish']),
  due: z.string().nullable(),
  status: z.enum(DEADLINE_STATUSES),
  doneOn: z.string().nullable(),
  businessDaysLeft: z.number().int().nullable(),
});
export type TDeadline = z.infer<typeof ZDeadline>;

/** A tier's bundle deadlines for one launch date, as of `today` (org work week and holidays). */
export const ZLeadTime = z.object({
  tier: ZTier,
  launch: z.string(),
  today: z.string(),
  /** Null when the tier needs no bundle. */
  distributeBy: z.string().nullable(),
  publishBy: z.string().nullable(),
  /** Always [distribute, publish]. */
  deadlines: z.array(ZDeadline),
  /** No deadline is missed or done late. */
  canMeet: z.boolean(),
  /** One plain sentence per late or missed deadline. */
  late: z.array(z.string()),
  earliestCompliantLaunch: z.string(),
});
export type TLeadTime = z.infer<typeof ZLeadTime>;

export const ZCoverage = z.object({
  from: z.string(),
  to: z.string(),
  bucket: z.enum(['week', 'month']),
  /** The target share, in percent (settings). */
  target: z.number(),
  covered: z.number().int(),
  total: z.number().int(),
  /** null when nothing launched: no data is not 0 %. */
  pct: z.number().nullable(),
  trend: z.array(
    z.object({
      period: z.string(),
      covered: z.number().int(),
      total: z.number().int(),
      pct: z.number().nullable(),
    }),
  ),
  releases: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      tier: z.union([z.literal(2), z.literal(3)]),
      launchDate: z.string(),
      publishedOn: z.string().nullable(),
      covered: z.boolean(),
    }),
  ),
});
export type TCoverage = z.infer<typeof ZCoverage>;

/** A Day 14 retro's improvement to the enablement process, owned by Product Ops. */
export const ZActionItem = z.object({
  id: ZId,
  releaseId: ZId,
  title: z.string(),
  ownerId: ZId.nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(ACTION_ITEM_STATUSES),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});
export type TActionItem = z.infer<typeof ZActionItem>;
export const ZActionItemList = z.object({
  items: z.array(ZActionItem.extend({ releaseTitle: z.string() })),
});
export type TActionItemList = z.infer<typeof ZActionItemList>;

export const BUNDLE_STAGES = ['distribution', 'publication'] as const;
export const ZBundleVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  stage: z.enum(BUNDLE_STAGES),
  publishedAt: z.string(),
  publishedBy: z.string(),
});
export type TBundleVersion = z.infer<typeof ZBundleVersion>;

/** One distributed or published bundle version as it was sent: immutable, so served with an ETag. */
export const ZBundleArtifact = z.object({
  releaseId: z.string(),
  version: z.number().int(),
  stage: z.enum(BUNDLE_STAGES),
  title: z.string(),
  publishedAt: z.string(),
  targetDate: z.string(),
  sections: z.partialRecord(z.enum(BUNDLE_SECTION_KEYS), z.string()),
  markdown: z.string(),
});
export type TBundleArtifact = z.infer<typeof ZBundleArtifact>;

/** The draft, its checklist for the release's tier, and every distributed or published version (newest first). */
export const ZBundle = z.object({
  sections: z.partialRecord(z.enum(BUNDLE_SECTION_KEYS), z.string()),
  /** All nine sections, in template order. */
  checklist: z.array(
    z.object({
      key: z.enum(BUNDLE_SECTION_KEYS),
      heading: z.string(),
      required: z.boolean(),
      done: z.boolean(),
    }),
  ),
  markdown: z.string(),
  distributedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  versions: z.array(ZBundleVersion),
});
export type TBundle = z.infer<typeof ZBundle>;

/** A distribution or publication of the bundle: its version and the local date it counts for. */
export const ZBundleRelease = z.object({
  version: z.number().int(),
  stage: z.enum(BUNDLE_STAGES),
  on: z.string(),
});
export type TBundleRelease = z.infer<typeof ZBundleRelease>;

export const ZSignOff = z.object({
  kind: z.enum(SIGN_OFF_INPUT_KINDS),
  label: z.string(),
  personId: ZId.nullable(),
  by: z.string(),
  note: z.string(),
  /** false: "not ready, because…" the note. */
  ready: z.boolean(),
  at: z.string(),
});
export type TSignOff = z.infer<typeof ZSignOff>;
export const ZSignOffList = z.array(ZSignOff);

export const ZReleaseDecision = z.object({
  id: ZId,
  decision: z.enum(DECISIONS),
  reason: z.string(),
  by: z.string(),
  personId: ZId.nullable(),
  newTargetDate: z.string().nullable(),
  at: z.string(),
});
export type TReleaseDecision = z.infer<typeof ZReleaseDecision>;
/** Newest first. */
export const ZReleaseDecisionList = z.array(ZReleaseDecision);

/** Ready to ship, or each unmet requirement: what a CI/CD pipeline asks before deploying. */
export const ZGate = z.object({
  releaseId: ZId,
  ready: z.boolean(),
  checks: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** True too when failing under an active override: `reasons` still say what fails. */
      ok: z.boolean(),
      reasons: z.array(z.string()),
      /** Who let it through and until when; `reason` is left out for stakeholders. */
      overridden: z
        .object({ by: z.string(), reason: z.string().optional(), expiresAt: z.string() })
        .optional(),
    }),
  ),
  /** What blocks: failing checks nobody overrode. */
  reasons: z.array(z.string()),
  /** One line per failing check an override lets through ("… overridden by … until …: why"). */
  overridden: z.array(z.string()),
  title: z.string(),
  today: z.string(),
});
export type TGate = z.infer<typeof ZGate>;

/** The longest a gate override may last: a gate let through for good is no gate. */
export const MAX_OVERRIDE_DAYS = 30;

/** The Head of Product lets one failing gate check through until an instant, saying why. */
export const ZGateOverrideInput = z.strictObject({
  checkId: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'must be a gate check id, like sign_offs'),
  reason: z.string().trim().min(1, 'say why the release may ship without it').max(500),
  expiresAt: z.iso.datetime({
    offset: true,
    message: 'must be an ISO 8601 instant like 2026-12-12T23:59:59Z',
  }),
});
export type TGateOverrideInput = z.infer<typeof ZGateOverrideInput>;
export const ZGateOverrideParams = z.object({ id: ZId, overrideId: ZId });

export const ZGateOverride = z.object({
  id: ZId,
  checkId: z.string(),
  checkLabel: z.string(),
  reason: z.string(),
  by: z.string(),
  personId: ZId.nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** Not revoked and not yet at its end, when read. */
  active: z.boolean(),
});
export type TGateOverride = z.infer<typeof ZGateOverride>;

export const ZPostLaunchCheck = z.object({
  id: ZId,
  kind: z.enum(POST_LAUNCH_KINDS),
  dueOn: z.string(),
  questions: z.array(z.object({ key: z.string(), label: z.string() })),
  answers: z.record(z.string(), z.string()),
  completedAt: z.string().nullable(),
  completedBy: z.string().nullable(),
});
export type TPostLaunchCheck = z.infer<typeof ZPostLaunchCheck>;
export const ZPostLaunch = z.object({ checks: z.array(ZPostLaunchCheck), actionItems: z.array(ZActionItem) });
export type TPostLaunch = z.infer<typeof ZPostLaunch>;

/** A change of the suggested or assigned tier (release_tier_events). */
export const ZTierEvent = z.object({
  at: z.string(),
  by: z.string(),
  attributes: z.array(z.string()),
  suggestedTier: z.number().int(),
  suggestedReason: z.string(),
  assignedTier: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type TTierEvent = z.infer<typeof ZTierEvent>;

/** What a readiness confirmation is for: the sign-offs, and the post-launch check-ins. */
export const READINESS_PARTS = [...SIGN_OFF_INPUT_KINDS, 'post_launch'] as const;
export type TReadinessPart = (typeof READINESS_PARTS)[number];

/** Everything about one release: lead time, bundle, readiness, decisions, gate, post-launch. */
export const ZReleaseDetail = z.object({
  release: ZReleaseView.extend({ when: ZStakeholderWhen }),
  permissions: ZPermissions.extend({
    /** Distribute and publish the bundle (Product Ops and up). */
    enablement: z.boolean(),
    /** Which readiness parts this caller may confirm. */
    confirm: z.record(z.enum(READINESS_PARTS), z.boolean()),
    /** Override failing gate checks and revoke overrides (the Head of Product). */
    override: z.boolean(),
  }),
  /** Null without a tier. */
  leadTime: ZLeadTime.nullable(),
  bundle: ZBundle,
  signOffs: ZSignOffList,
  decisions: ZReleaseDecisionList,
  gate: ZGate,
  /** The gate's overrides, active and past, newest first (none for stakeholders). */
  overrides: z.array(ZGateOverride),
  postLaunch: ZPostLaunch,
  tierHistory: z.array(ZTierEvent),
  readinessCheck: z.object({ occurrenceId: ZId, startsAt: z.string(), status: z.string() }).nullable(),
  attributes: z.array(ZAttributeRule),
});
export type TReleaseDetail = z.infer<typeof ZReleaseDetail>;

export const READINESS_LINK_KINDS = ['support', 'sales'] as const;
/** What a one-click readiness link confirms (public: the token is the credential). */
export const ZReadinessLink = z.object({
  title: z.string(),
  targetDate: z.string(),
  kind: z.enum(READINESS_LINK_KINDS),
  person: z.string(),
  confirmedAt: z.string().nullable(),
});
export type TReadinessLink = z.infer<typeof ZReadinessLink>;
export const ZReadinessConfirmation = z.object({
  releaseId: ZId,
  title: z.string(),
  targetDate: z.string(),
  kind: z.enum(READINESS_LINK_KINDS),
  person: z.string(),
  confirmed: z.boolean(),
});
export type TReadinessConfirmation = z.infer<typeof ZReadinessConfirmation>;
