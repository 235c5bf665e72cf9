import type { DeliveryResult, OutgoingMessage, OutgoingReply } from '../message.ts';
import { truncate } from '../text.ts';
import {
  context,
  cutNotice,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackPayload,
  section,
  toSlackPayload,
} from './blocks.ts';
import { postChatMessage, type WebApiOptions } from './client.ts';
import { escapeMrkdwn, markdownToMrkdwn, splitMrkdwn, truncateMrkdwn } from './mrkdwn.ts';

/** What the digest says at its foot, so a reader knows to open the thread. */
export function threadNote(replies: number): string {
  return `The full text is in this message's thread (${replies} ${replies === 1 ? 'reply' : 'replies'}).`;
}

/** The message without its replies, as the thread's first message: the replies are posted under it. */
export function toSlackDigest(msg: OutgoingMessage): SlackPayload {
  const { replies, ...digest } = msg;
  if (!replies?.length) return toSlackPayload(digest);
  const footer = [msg.footer?.trim(), threadNote(replies.length)].filter(Boolean).join(' ');
  return toSlackPayload({ ...digest, footer });
}

/**
 * One reply in the digest's thread: its title as the header, its sections as Block Kit within Slack's limits
 * (long ones split, not cut). Past 50 blocks the body is cut with a notice pointing at the parent's link.
 */
export function toSlackReply(reply: OutgoingReply, parent: OutgoingMessage): SlackPayload {
  const title = reply.title.replace(/\s+/g, ' ').trim();
  const head: SlackBlock[] = title
    ? [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
        },
      ]
    : [];
  const texts = reply.sections
    .map((s) => {
      const heading = s.heading?.trim() ? `*${escapeMrkdwn(s.heading.trim())}*` : '';
      return [heading, markdownToMrkdwn(s.markdown)].filter(Boolean).join('\n');
    })
    .filter((t) => t.trim());
  let chunks = texts.flatMap((t) => splitMrkdwn(t, SLACK_LIMITS.sectionText));
  const room = SLACK_LIMITS.blocks - head.length;
  let notice: SlackBlock[] = [];
  if (chunks.length > room) {
    chunks = chunks.slice(0, room - 1);
    chunks[chunks.length - 1] = `${chunks.at(-1)}…`;
    notice = [context(cutNotice(parent))];
  }
  const fallback = [title ? `*${escapeMrkdwn(title)}*` : '', ...texts].filter(Boolean).join('\n\n');
  return {
    text: truncateMrkdwn(fallback, SLACK_LIMITS.messageText),
    blocks: [...head, ...chunks.map(section), ...notice],
  };
}

/**
 * How long the replies may take in all, Slack's rate-limit waits included. The outbox leases a row for 60 s;
 * past that another instance could take it over and post the digest again, so the replies stop well before.
 */
export const REPLIES_BUDGET_MS = 30_000;
/** Tries of one reply when Slack says to try again (rate limited, busy); other errors are not retried. */
export const REPLY_ATTEMPTS = 3;
/** The wait before trying a reply again when Slack gave no Retry-After (its chat.postMessage allows ~1/s). */
const DEFAULT_RETRY_MS = 1_000;

export interface ThreadOptions extends WebApiOptions {
  /** A channel id or name, or a person's Slack user id (a direct message). */
  channel: string;
  message: OutgoingMessage;
  budgetMs?: number;
  attempts?: number;
  /** Waits between tries (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Posts the message with chat.postMessage, then each of its replies in its thread (thread_ts = the digest's
 * ts, or the thread the message itself replies in). The digest decides the outcome: if it fails, nothing was
 * posted and the outbox may try the whole message again. Once it is posted the delivery is done: a reply that
 * still fails after its tries is named in the detail and not retried, because a retry would post the digest a
 * second time. The detail says how many replies were posted; it never carries the token.
 */
export async function postThread(opts: ThreadOptions): Promise<DeliveryResult> {
  const { message } = opts;
  const api = { apiUrl: opts.apiUrl, token: opts.token, timeoutMs: opts.timeoutMs };
  const replies = message.replies ?? [];
  const digest = await postChatMessage({
    ...api,
    channel: opts.channel,
    payload: toSlackDigest(message),
    threadTs: message.slack?.threadTs,
  });
  if (!digest.ok || replies.length === 0) return digest;
  const threadTs = message.slack?.threadTs ?? digest.ts;
  if (!threadTs) {
    return {
      ok: true,
      detail: `${digest.detail}; Slack gave no ts to reply to, so none of the ${replies.length} replies was posted`,
    };
  }
  // A direct message is posted to a user id; Slack answers with the conversation's id, which threads need.
  const channel = digest.channel ?? opts.channel;
  const deadline = performance.now() + (opts.budgetMs ?? REPLIES_BUDGET_MS);
  const sleep = opts.sleep ?? wait;
  const attempts = opts.attempts ?? REPLY_ATTEMPTS;
  const failed: string[] = [];
  for (const reply of replies) {
    let error: string | null = 'out of time';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      const result = await postChatMessage({
        ...api,
        timeoutMs: Math.min(opts.timeoutMs ?? 10_000, Math.ceil(left)),
        channel,
        payload: toSlackReply(reply, message),
        threadTs,
      });
      if (result.ok) {
        error = null;
        break;
      }
      error = result.error;
      const pause = result.retryAfterMs ?? DEFAULT_RETRY_MS;
      if (!result.retryable || attempt === attempts || performance.now() + pause >= deadline) break;
      await sleep(pause);
    }
    if (error !== null) failed.push(`${reply.title} (${truncate(error, 120)})`);
  }
  const posted = replies.length - failed.length;
  const notPosted = failed.length
    ? `; not posted, and not tried again since the message is out: ${failed.join(', ')}`
    : '';
  return {
    ok: true,
    detail: `${digest.detail}; ${posted} of ${replies.length} replies posted in its thread${notPosted}`,
  };
}
