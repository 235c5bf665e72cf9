import { z } from 'zod';
import { ZId, ZPermissions } from './common.ts';
import { BUNDLE_SECTION_KEYS } from './release-vocabulary.ts';
import {
  ACTION_ITEM_STATUSES,
  DECISIONS,
  POST_LAUNCH_KINDS,
  SIGN_OFF_INPUT_KINDS,
  ZReleaseView,
  ZStakeholderWhen,
  ZTier,
} from './releases.ts';

/**
 * What the release routes answer beyond the release itself (releases.ts): the tier suggestion, lead times and
 * coverage, the enablement bundle, sign-offs, decisions, the gate and its overrides, post-launch check-ins, tier
 * events, the release's detail page, and readiness links. Each mirrors what its service returns; the response
 * serializer checks it on every reply.
 */

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
