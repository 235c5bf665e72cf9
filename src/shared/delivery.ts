import { z } from 'zod';
import { ZId, ZListOf } from './common.ts';

/** Artifact kinds people and channels subscribe to. Later capabilities publish under these names. */
export const ARTIFACT_KIND_VALUES = [
  'weekly_update',
  'roadmap',
  'release',
  'insights_digest',
  'decision',
  'ritual',
] as const;
export type TArtifactKind = (typeof ARTIFACT_KIND_VALUES)[number];
export const ZArtifactKind = z.enum(ARTIFACT_KIND_VALUES);
export const VIAS = ['inbox', 'email', 'slack'] as const;
export const ZVia = z.enum(VIAS);
export type TVia = z.infer<typeof ZVia>;
/** Slack channels (webhook or bot) and email lists. */
export const CHANNEL_KINDS = ['slack', 'email_list'] as const;
export const ZTier = z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be 1, 2 or 3' });

const ZChannelFields = z.strictObject({
  kind: z.enum(CHANNEL_KINDS),
  name: z.string().trim().min(2).max(120),
  webhookUrl: z
    .url({ message: 'must be a URL like https://hooks.slack.com/services/…' })
    .nullable()
    .optional(),
  slackChannelId: z
    .string()
    .regex(/^[CGD][A-Z0-9]{6,20}$/, 'must be a Slack channel id like C024BE91L')
    .nullable()
    .optional(),
  email: z.email({ message: 'must be an email address' }).nullable().optional(),
});
/** Changes to a channel; the whole channel is checked again by the service after merging. */
export const ZChannelPatch = ZChannelFields.partial();
export type TChannelPatch = z.infer<typeof ZChannelPatch>;
export const ZChannelInput = ZChannelFields.superRefine((c, ctx) => {
  if (c.kind === 'slack' && !c.webhookUrl && !c.slackChannelId) {
    ctx.addIssue({
      code: 'custom',
      path: ['webhookUrl'],
      message: 'a Slack channel needs a webhook URL or a channel id (posted with the bot token)',
    });
  }
  if (c.kind === 'slack' && !/^#[a-z0-9][a-z0-9._-]*$/.test(c.name)) {
    ctx.addIssue({
      code: 'custom',
      path: ['name'],
      message: 'must be a Slack channel name like #product-updates',
    });
  }
  if (c.kind === 'email_list' && !c.email)
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'an email list needs its address' });
});
export type TChannelInput = z.infer<typeof ZChannelInput>;

export const ZChannel = z.object({
  id: ZId,
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  /** Webhook URLs are secrets: only their host is shown. */
  webhookHost: z.string().nullable(),
  slackChannelId: z.string().nullable(),
  email: z.string().nullable(),
  permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TChannel = z.infer<typeof ZChannel>;
export const ZChannelList = ZListOf(ZChannel);

const ZToleranceDays = z.number().int().min(0, 'must be 0 or more days').max(365, 'must be at most 365 days');
export const ZSubscriptionInput = z
  .strictObject({
    kind: ZArtifactKind,
    /** Omit for yourself; a channel's subscription is managed by Product Ops. */
    channelId: ZId.optional(),
    areaId: ZId.nullable().optional(),
    tiers: z.array(ZTier).min(1).max(3).nullable().optional(),
    /** false records an opt-out of what your function gets by default. */
    enabled: z.boolean().optional(),
    /** Roadmap only: hear about items moved more than this many days (null: the org's default). */
    toleranceDays: ZToleranceDays.nullable().optional(),
  })
  .refine((s) => s.kind === 'roadmap' || s.toleranceDays == null, {
    path: ['toleranceDays'],
    message: 'only roadmap subscriptions have a move tolerance',
  });
export type TSubscriptionInput = z.infer<typeof ZSubscriptionInput>;
export const ZSubscriptionPatch = z.strictObject({ toleranceDays: ZToleranceDays.nullable() });
export const ZSubscription = z.object({
  id: ZId,
  personId: ZId.nullable(),
  channelId: ZId.nullable(),
  channelName: z.string().nullable(),
  kind: z.string(),
  areaId: ZId.nullable(),
  areaName: z.string().nullable(),
  tiers: z.array(z.number()).nullable(),
  enabled: z.boolean(),
  toleranceDays: z.number().int().nullable(),
});
export type TSubscription = z.infer<typeof ZSubscription>;
export const ZSubscriptionList = z.object({ items: z.array(ZSubscription) });
export type TSubscriptionList = z.infer<typeof ZSubscriptionList>;
export const ZPreferences = z.object({
  via: z.array(ZVia),
  emailUnsubscribed: z.boolean(),
  defaults: z.array(z.object({ kind: z.string(), tiers: z.array(z.number()).nullable() })),
  subscriptions: z.array(ZSubscription),
});
export type TPreferences = z.infer<typeof ZPreferences>;
export const ZPreferencesInput = z.strictObject({
  via: z.array(ZVia).refine((v) => new Set(v).size === v.length, 'must not repeat a channel'),
  emailUnsubscribed: z.boolean().optional(),
});
export type TPreferencesInput = z.infer<typeof ZPreferencesInput>;

export const ZOutgoingMessage = z.object({
  title: z.string(),
  summary: z.string(),
  sections: z.array(z.object({ heading: z.string().optional(), markdown: z.string() })).optional(),
  link: z.object({ label: z.string(), url: z.string() }).optional(),
  actions: z.array(z.object({ label: z.string(), url: z.string() })).optional(),
  footer: z.string().optional(),
});

/** held: written by an undoable action whose window is still open (services/broadcasts). */
export const DELIVERY_STATUSES = ['held', 'pending', 'sending', 'sent', 'dead'] as const;
export type TDeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** webhook: an outbound webhook subscription's copy (services/webhooks), signed JSON, not a message. */
export const DELIVERY_CHANNELS = ['email', 'slack', 'inbox', 'webhook'] as const;
export type TDeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
/** One attempt's outcome in the delivery log (retry_requested: someone sent a dead letter back to the queue). */
export const DELIVERY_RESULTS = ['sent', 'failed', 'dead', 'retry_requested'] as const;
export type TDeliveryResult = (typeof DELIVERY_RESULTS)[number];

export const ZDelivery = z.object({
  id: ZId,
  kind: z.string(),
  ref: z.string(),
  channel: z.string(),
  personId: ZId.nullable(),
  personName: z.string().nullable(),
  channelId: ZId.nullable(),
  address: z.string(),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;
export const ZDeliveryList = ZListOf(ZDelivery);
export const ZDeliveryQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  kind: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
/** The delivery log by message: one row per publication or notification, its recipients inside. */
export const ZDeliveryCounts = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});
export type TDeliveryCounts = z.infer<typeof ZDeliveryCounts>;
export const ZDeliveryGroup = z.object({
  kind: z.string(),
  ref: z.string(),
  title: z.string(),
  /** When its latest copy was queued. */
  createdAt: z.string(),
  counts: ZDeliveryCounts,
  channels: z.array(ZDeliveryCounts.extend({ channel: z.enum(DELIVERY_CHANNELS) })),
  /** Identical failure reasons counted once: "17 × email (SMTP_URL) is not configured". */
  failures: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Names (a person, a channel), never addresses. */
  recipients: z.array(
    z.object({
      id: ZId,
      channel: z.enum(DELIVERY_CHANNELS),
      name: z.string(),
      status: z.enum(DELIVERY_STATUSES),
      lastError: z.string().nullable(),
    }),
  ),
});
export type TDeliveryGroup = z.infer<typeof ZDeliveryGroup>;
export const ZDeliveryGroupList = ZListOf(ZDeliveryGroup);
export type TDeliveryGroupList = z.infer<typeof ZDeliveryGroupList>;
/** One message of the log, by its kind and reference (what the grouped log returns). */
export const ZDeliveryMessageRef = z.strictObject({
  kind: z.string().trim().min(1).max(60),
  ref: z.string().trim().min(1).max(200),
});
export type TDeliveryMessageRef = z.infer<typeof ZDeliveryMessageRef>;
export const ZMessageRetried = z.object({ retried: z.number().int(), group: ZDeliveryGroup });

/** Which outgoing channels the server can use (never their secrets), and the setting that enables each. */
export const ZDeliveryConfiguration = z.object({
  email: z.object({ configured: z.boolean(), settings: z.array(z.string()), effect: z.string() }),
  slack: z.object({ configured: z.boolean(), settings: z.array(z.string()), effect: z.string() }),
});
export type TDeliveryConfiguration = z.infer<typeof ZDeliveryConfiguration>;

export const ZDeliveryLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  attempt: z.number().int(),
  result: z.string(),
  detail: z.string(),
});
export type TDeliveryLogEntry = z.infer<typeof ZDeliveryLogEntry>;

/** One delivery with every attempt of it (the delivery log). */
export const ZDeliveryDetail = ZDelivery.extend({ log: z.array(ZDeliveryLogEntry) });
export type TDeliveryDetail = z.infer<typeof ZDeliveryDetail>;

/**
 * A message's action as the inbox offers it now: an "I'm ready" for a release already launched, rolled back or
 * past its launch day is closed, with the reason shown instead of the button (the server decides).
 */
export const ZInboxAction = z.object({
  label: z.string(),
  url: z.string(),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  /** An "I'm ready": answered here, signed in (POST /releases/{releaseId}/sign-offs with this kind). */
  signOff: z.object({ releaseId: ZId, kind: z.enum(['support', 'sales']) }).nullable(),
});
export type TInboxAction = z.infer<typeof ZInboxAction>;

export const ZInboxItem = z.object({
  id: ZId,
  kind: z.string(),
  message: ZOutgoingMessage,
  /** The message's actions, each with whether it is still open. */
  actions: z.array(ZInboxAction),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;
export const ZInboxList = z.object({
  items: z.array(ZInboxItem),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type TInboxList = z.infer<typeof ZInboxList>;

/** What the unsubscribe link answers (GET for people, RFC 8058 one-click POST for mail clients). */
export const ZUnsubscribed = z.object({ unsubscribed: z.literal(true), message: z.string() });
