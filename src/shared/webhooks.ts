import { z } from 'zod';
import { ZId, ZListOf } from './common.ts';
import { DELIVERY_STATUSES, ZDeliveryLogEntry } from './delivery.ts';

/** What a subscriber may hear about (issue 18): the event types, as sent in `type` and X-Prodops-Event. */
export const WEBHOOK_EVENTS = [
  'artifact.published',
  'release.status_changed',
  'release.gate_changed',
  'decision.recorded',
  'polish_mode.entered',
  'polish_mode.left',
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** `ping` is sent only by "Send a test": nobody subscribes to it. */
export type TWebhookEventType = TWebhookEvent | 'ping';

/** The events in words, for the settings page's checkboxes. */
export const WEBHOOK_EVENT_LABELS: Record<TWebhookEvent, string> = {
  'artifact.published':
    'An artifact is published (weekly update, roadmap view, insights digest, enablement bundle)',
  'release.status_changed': "A release's status changes",
  'release.gate_changed': "A release's gate changes (a check passes or fails, an override)",
  'decision.recorded': 'A decision is recorded in the decision log',
  'polish_mode.entered': 'A product area enters Polish Mode',
  'polish_mode.left': 'A product area leaves Polish Mode',
};

const ZWebhookUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .max(2000, 'must be at most 2,000 characters');
const ZEvents = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, 'choose at least one event')
  .refine((v) => new Set(v).size === v.length, 'must not repeat an event');

export const ZWebhookInput = z.strictObject({
  url: ZWebhookUrl,
  description: z.string().trim().max(200).default(''),
  events: ZEvents,
  active: z.boolean().default(true),
});
export type TWebhookInput = z.infer<typeof ZWebhookInput>;
export const ZWebhookPatch = z.strictObject({
  url: ZWebhookUrl.optional(),
  description: z.string().trim().max(200).optional(),
  events: ZEvents.optional(),
  active: z.boolean().optional(),
});
export type TWebhookPatch = z.infer<typeof ZWebhookPatch>;

/** A subscription as listed: its URL (shown to Product Ops and the admin only), never its secret. */
export const ZWebhook = z.object({
  id: ZId,
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** The latest delivery's state, if any. */
  lastDelivery: z.object({ status: z.enum(DELIVERY_STATUSES), at: z.string() }).nullable(),
});
export type TWebhook = z.infer<typeof ZWebhook>;
export const ZWebhookList = ZListOf(ZWebhook);
/** Creation and rotation answer with the secret: the only time it is shown. */
export const ZWebhookWithSecret = ZWebhook.extend({ secret: z.string() });
export type TWebhookWithSecret = z.infer<typeof ZWebhookWithSecret>;

export const ZWebhookDelivery = z.object({
  id: ZId,
  eventId: z.string(),
  event: z.string(),
  title: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The delivery this one replays, if it is a replay. */
  replayOf: ZId.nullable(),
  log: z.array(ZDeliveryLogEntry),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;
export const ZWebhookDeliveryList = ZListOf(ZWebhookDelivery);
export const ZWebhookDeliveryParams = z.strictObject({ id: ZId, deliveryId: ZId });
