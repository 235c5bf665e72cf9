import { z } from 'zod';
import { ZId } from './common.ts';

/*
 * Safe broadcasting (issue 17): an action that notifies many people is previewed first (the message as sent, who
 * gets it, warnings), may need a note, and is undoable while its messages are held.
 */

/**
 * The undoable actions: publishing the weekly update (or a correction), ratifying or rejecting roadmap changes,
 * publishing the Monthly Insights Digest, republishing the stakeholder roadmap view.
 */
export const BROADCAST_KINDS = [
  'weekly_update.publish',
  'roadmap.ratify',
  'roadmap.reject',
  'insights_digest.publish',
  'roadmap_view.publish',
  'release_bundle.distribute',
  'release_bundle.publish',
] as const;
export type TBroadcastKind = (typeof BROADCAST_KINDS)[number];
/** held: undoable, messages waiting; released: the window passed, messages went to the relay; undone. */
export const BROADCAST_STATUSES = ['held', 'released', 'undone'] as const;
export type TBroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/** What the action will send, read from the outbox rows the action itself writes (then rolled back). */
export const ZBroadcastPreview = z.object({
  /** In words: "Publish the weekly update for 2026-W47". */
  action: z.string(),
  /** The message as recipients read it; null when the action messages nobody directly. */
  message: z
    .object({
      subject: z.string(),
      summary: z.string(),
      /** The body as markdown, its replies (the weekly update's areas) inline, as email and the inbox show it. */
      markdown: z.string(),
      link: z.object({ label: z.string(), url: z.string() }).nullable(),
    })
    .nullable(),
  recipients: z.object({
    total: z.number().int(),
    email: z.number().int(),
    slack: z.number().int(),
    inbox: z.number().int(),
    /** People by name, never by address. */
    people: z.array(z.string()),
    /** Slack channels and email lists by name. */
    channels: z.array(z.string()),
  }),
  /** Plain sentences: "7 areas are missing: …", "Email is not set up: 17 emails will fail". */
  warnings: z.array(z.string()),
  /** The note the action needs (a correction's "what changed", a rejection's reason), null if none. */
  note: z.object({ path: z.literal('note'), label: z.string(), required: z.boolean() }).nullable(),
  /** How long messages are held once the action is taken (0: sent at once, no undo). */
  undoSeconds: z.number().int(),
});
export type TBroadcastPreview = z.infer<typeof ZBroadcastPreview>;

/** The action just taken, while it can be undone: the banner's "Sent in 60 s — Undo". */
export const ZBroadcastHeld = z.object({
  id: ZId,
  kind: z.enum(BROADCAST_KINDS),
  title: z.string(),
  sendAt: z.string(),
  status: z.enum(BROADCAST_STATUSES),
  /** How many messages wait to be sent. */
  messages: z.number().int(),
  /** What Undo puts back, in words (some actions can only cancel their messages: it says so). */
  undoes: z.string(),
});
export type TBroadcastHeld = z.infer<typeof ZBroadcastHeld>;

export const ZBroadcastUndone = z.object({
  id: ZId,
  kind: z.enum(BROADCAST_KINDS),
  title: z.string(),
  status: z.literal('undone'),
  /** Held messages removed before anyone got them. */
  cancelledMessages: z.number().int(),
  /** What was put back, in words. */
  restored: z.string(),
});
export type TBroadcastUndone = z.infer<typeof ZBroadcastUndone>;
