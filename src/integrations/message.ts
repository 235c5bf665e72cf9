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
  actions?: { label: string; url: string }[];
  /** Plain text. */
  footer?: string;
  /** What only Slack uses: a reply in a thread (the parent message's ts), readiness buttons for a release. */
  slack?: SlackExtras;
}

export interface SlackExtras {
  /** Posted as a reply in this thread of the recipient channel (chat.postMessage thread_ts). */
  threadTs?: string;
  /** The release whose "I'm ready" / "Not ready, because…" buttons the message carries. */
  readinessReleaseId?: string;
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
