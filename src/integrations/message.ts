/** One notification, channel-neutral; each deliverer renders it its own way. */
export interface OutgoingMessage {
  /** e.g. "Weekly Product Update — 2026-11-19" */
  title: string;
  /** One or two plain sentences; also the Slack/email preview text. */
  summary: string;
  /** The body, in markdown. */
  sections?: { heading?: string; markdown: string }[];
  /** e.g. "Open in prodops". */
  link?: { label: string; url: string };
  /** e.g. one-click "I'm ready" links (at most 5 are used). */
  actions?: OutgoingAction[];
  /** Plain text. */
  footer?: string;
  /** What only Slack uses: a reply in a thread (the parent message's ts), readiness buttons for a release. */
  slack?: SlackExtras;
  /**
   * Parts to read apart from the message, which is then their digest (the weekly update: one per area). Where
   * the channel has threads (Slack through the bot token) each is a reply in the message's thread; elsewhere
   * (an incoming webhook, email, the inbox) they follow the message's own sections (`withRepliesInline`).
   */
  replies?: OutgoingReply[];
  /** An outbound webhook's copy: the JSON body it posts (title and summary are for the delivery log). */
  webhook?: WebhookExtras;
}

/**
 * A button or link. `readiness`: an "I'm ready" for this person; stored so, without a token, its one-click link is
 * made as the email or Slack copy is sent (services/delivery/send-links), and the inbox answers signed in.
 */
export interface OutgoingAction {
  label: string;
  url: string;
  readiness?: { releaseId: string; kind: 'support' | 'sales' };
}

/** What a webhook copy posts: the event (its `id` stays the same when replayed, so receivers can dedupe). */
export interface WebhookExtras {
  event: string;
  body: { id: string; type: string; occurredAt: string; data: unknown };
  /** The delivery (outbox row) this one replays. */
  replayOf?: string;
}

/** One reply of a message: a title in plain words (e.g. "Billing — Maya Chen") and its body in markdown. */
export interface OutgoingReply {
  title: string;
  sections: { heading?: string; markdown: string }[];
}

export interface SlackExtras {
  /** Posted as a reply in this thread of the recipient channel (chat.postMessage thread_ts). */
  threadTs?: string;
  /** The release whose "I'm ready" / "Not ready, because…" buttons the message carries. */
  readinessReleaseId?: string;
  /** The launch-awareness request whose "Yes, I knew" / "No, it surprised me" buttons the message carries. */
  awarenessRequestId?: string;
  /** Not a new message: chat.update of the one at this ts in the recipient channel, with these blocks. */
  replace?: { ts: string; text: string; blocks: object[] };
}

/**
 * What a deliverer tells the outbox. `retryable` says whether sending the same message again can succeed
 * (network error, 5xx, 429, SMTP 4xx), so a bad webhook or a rejected mailbox is not retried forever.
 * `retryAfterMs` is the peer's own hint (Slack's Retry-After) when it gave one.
 */
export type DeliveryResult =
  | { ok: true; detail: string }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

/** The most actions a message renders: more buttons than this read as noise. */
export const MAX_ACTIONS = 5;

/**
 * The message with its replies as sections after its own, for a channel without threads: each reply's title
 * heads its first section (or a section of its own when that one has a heading already). Nothing is dropped.
 */
export function withRepliesInline(msg: OutgoingMessage): OutgoingMessage {
  const { replies, ...rest } = msg;
  if (!replies?.length) return rest;
  const sections = [...(msg.sections ?? [])];
  for (const reply of replies) {
    const [first, ...others] = reply.sections;
    if (first && !first.heading?.trim()) sections.push({ heading: reply.title, markdown: first.markdown });
    else sections.push({ heading: reply.title, markdown: '' }, ...(first ? [first] : []));
    sections.push(...others);
  }
  return { ...rest, sections };
}
