import { z } from 'zod';
import { ZId, ZIsoWeek, ZListOf, ZPermissions, ZSlug } from './common.ts';
import { ZPodContractSummary } from './contracts.ts';
import { ZFunction, ZPodRole, ZRole } from './roles.ts';

const ZEmail = z
  .email({ message: 'must be an email address like ana@example.com' })
  .max(254)
  .transform((s) => s.toLowerCase());
export const ZSlackUserId = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,20}$/, 'must be a Slack user id like U024BE7LH')
  .nullable();
const ZName = z.string().trim().min(1).max(120);
const ZRoles = z
  .array(ZRole)
  .min(1, 'needs at least one role')
  .refine((r) => new Set(r).size === r.length, 'must not repeat a role');

// ---- people
export const ZPersonInput = z.strictObject({
  name: ZName,
  email: ZEmail,
  function: ZFunction,
  roles: ZRoles,
  slackId: ZSlackUserId.optional(),
  active: z.boolean().optional(),
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
});
export const ZPersonPatch = ZPersonInput.partial().extend({
  /** Required to change one's own password. */
  currentPassword: z.string().min(1).max(200).optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;
export type TPersonPatch = z.infer<typeof ZPersonPatch>;

export const ZPerson = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  function: ZFunction,
  roles: z.array(ZRole),
  slackId: z.string().nullable(),
  active: z.boolean(),
  canSignIn: z.boolean(),
  areaIds: z.array(ZId),
  podIds: z.array(ZId),
  permissions: ZPermissions,
});
export type TPerson = z.infer<typeof ZPerson>;
export const ZPersonList = ZListOf(ZPerson);

// ---- areas
export const ZAreaInput = z.strictObject({
  slug: ZSlug,
  name: ZName,
  description: z.string().max(2000).optional(),
  ownerPmId: ZId.nullable().optional(),
  engLeadId: ZId.nullable().optional(),
  activeUsers: z.number().int().min(0).max(1_000_000_000).optional(),
});
export const ZAreaPatch = ZAreaInput.partial();
export type TAreaInput = z.infer<typeof ZAreaInput>;
export type TAreaPatch = z.infer<typeof ZAreaPatch>;

export const ZArea = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  ownerPmId: ZId.nullable(),
  ownerPmName: z.string().nullable(),
  engLeadId: ZId.nullable(),
  engLeadName: z.string().nullable(),
  activeUsers: z.number().int(),
  permissions: ZPermissions,
});
export type TArea = z.infer<typeof ZArea>;
export const ZAreaList = ZListOf(ZArea);

// ---- pods
export const ZPodMemberInput = z.strictObject({ personId: ZId, role: ZPodRole });
export const ZRotationInput = z.strictObject({ week: ZIsoWeek, personId: ZId });

export const ZPodInput = z.strictObject({
  slug: ZSlug,
  name: ZName,
  areaId: ZId.nullable().optional(),
  mission: z.string().max(2000).optional(),
  slackChannel: z
    .string()
    .regex(/^#[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a Slack channel like #pod-billing')
    .nullable()
    .optional(),
  members: z.array(ZPodMemberInput).max(50).optional(),
  /** Production-engineering rotation: who takes the pod's inbound bugs in a given week. */
  rotation: z.array(ZRotationInput).max(104).optional(),
});
export const ZPodPatch = ZPodInput.partial();
export type TPodInput = z.infer<typeof ZPodInput>;
export type TPodPatch = z.infer<typeof ZPodPatch>;

export const ZPodWarning = z.object({
  code: z.enum(['composition', 'multi_pod', 'inactive_member', 'no_rotation']),
  message: z.string(),
});
export type TPodWarning = z.infer<typeof ZPodWarning>;

export const ZPod = z.object({
  id: ZId,
  slug: z.string(),
  name: z.string(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  mission: z.string(),
  slackChannel: z.string().nullable(),
  members: z.array(z.object({ personId: ZId, name: z.string(), email: z.string(), role: ZPodRole })),
  rotation: z.array(z.object({ week: z.string(), personId: ZId, name: z.string() })),
  warnings: z.array(ZPodWarning),
  /** Its strategy contract's state (issue 15); null for a reader who may not read the contract. */
  contract: ZPodContractSummary.nullable(),
  permissions: ZPermissions,
});
export type TPod = z.infer<typeof ZPod>;
export const ZPodList = ZListOf(ZPod);

// ---- RACI
const ZRaciCell = z.string().trim().min(1).max(200);
export const ZRaciEntry = z.strictObject({
  activity: z.string().trim().min(1).max(200),
  responsible: ZRaciCell,
  accountable: ZRaciCell,
  consulted: z.array(ZRaciCell).max(20),
  informed: z.array(ZRaciCell).max(20),
});
export type TRaciEntry = z.infer<typeof ZRaciEntry>;
export const ZRaciInput = z.strictObject({
  items: z
    .array(ZRaciEntry)
    .max(100)
    .refine((items) => new Set(items.map((i) => i.activity.toLowerCase())).size === items.length, {
      message: 'must not list an activity twice',
    }),
});
export const ZRaci = z.object({ items: z.array(ZRaciEntry), permissions: z.object({ update: z.boolean() }) });
export type TRaci = z.infer<typeof ZRaci>;

// ---- the signed-in user
export const ZMe = z.object({
  id: ZId,
  name: z.string(),
  email: z.string(),
  function: ZFunction,
  roles: z.array(ZRole),
  ownedAreaIds: z.array(ZId),
  can: z.object({
    createPerson: z.boolean(),
    createArea: z.boolean(),
    createPod: z.boolean(),
    updateSettings: z.boolean(),
    updateRaci: z.boolean(),
    readAudit: z.boolean(),
    manageRituals: z.boolean(),
    readDeliveries: z.boolean(),
    manageChannels: z.boolean(),
    /** Outbound webhooks (issue 18): Product Ops and the admin. */
    manageWebhooks: z.boolean(),
    /** The status-request count (the product org), and importing the Slack exports it counts (Product Ops and up). */
    readStatusRequests: z.boolean(),
    importStatusPings: z.boolean(),
    /** Velocity per pod and the trade-off menu (the product org). */
    readVelocity: z.boolean(),
    /** Bets and experiment briefs (issue 15): the product org's. */
    readBets: z.boolean(),
    /** The metrics page (issue 16): the product org's. */
    readMetrics: z.boolean(),
  }),
});
export type TMe = z.infer<typeof ZMe>;
/** GET /me: who is signed in, and the server's instant for this request (ISO): the web app sets its clock by it. */
export const ZMeReply = ZMe.extend({ now: z.string() });
export type TMeReply = z.infer<typeof ZMeReply>;
export const ZSignInReply = z.object({ user: ZMe });
export type TSignInReply = z.infer<typeof ZSignInReply>;

/** An API token as its owner sees it later: never the secret, only its prefix. */
export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ items: z.array(ZApiToken) });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;
/** A new token: the secret is in this reply and nowhere else. */
export const ZCreatedApiToken = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

export const ZSignIn = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, 'is required').max(200),
});

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: ZId.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  change: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export const ZAuditList = ZListOf(ZAuditEntry);
export const ZAuditQuery = z.strictObject({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export { ZEmail };
