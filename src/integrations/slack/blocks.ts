import { MAX_ACTIONS, type OutgoingMessage } from '../message.ts';
import { safeLinkUrl, truncate } from '../text.ts';
import { escapeMrkdwn, markdownToMrkdwn, splitMrkdwn, truncateMrkdwn } from './mrkdwn.ts';

/** Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit): past them Slack refuses the post. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  messageText: 40_000,
} as const;

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: boolean;
}
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface SlackButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
  style?: 'primary';
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'context'; elements: MrkdwnText[] };

/** What chat.postMessage and incoming webhooks take: `text` is the notification and the fallback. */
export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

const plain = (text: string): PlainText => ({ type: 'plain_text', text, emoji: true });
export const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.contextText) }],
});

/** The summary, then each section as heading + body; long ones become several blocks, nothing dropped. */
function bodyChunks(msg: OutgoingMessage): string[] {
  const texts = [escapeMrkdwn(msg.summary)];
  for (const s of msg.sections ?? []) {
    const heading = s.heading?.trim() ? `*${escapeMrkdwn(s.heading.trim())}*` : '';
    texts.push([heading, markdownToMrkdwn(s.markdown)].filter(Boolean).join('\n'));
  }
  return texts.filter((t) => t.trim()).flatMap((t) => splitMrkdwn(t, SLACK_LIMITS.sectionText));
}

/** Link buttons, primary link first. A URL Slack would refuse (too long, not http) is left out. */
function buttons(msg: OutgoingMessage): SlackButton[] {
  const wanted = [
    ...(msg.link ? [{ ...msg.link, primary: true }] : []),
    ...(msg.actions ?? []).slice(0, MAX_ACTIONS).map((a) => ({ ...a, primary: false })),
  ];
  const out: SlackButton[] = [];
  for (const w of wanted) {
    const url = safeLinkUrl(w.url);
    if (!url || url.length > SLACK_LIMITS.buttonUrl || !w.label.trim()) continue;
    out.push({
      type: 'button',
      text: plain(truncate(w.label.trim(), SLACK_LIMITS.buttonText)),
      url,
      action_id: `prodops_link_${out.length}`,
      ...(w.primary ? { style: 'primary' as const } : {}),
    });
  }
  return out.slice(0, SLACK_LIMITS.actionsElements);
}

/** Says a message was cut, and where to read all of it when we know. */
export function cutNotice(msg: OutgoingMessage): string {
  const url = msg.link ? safeLinkUrl(msg.link.url) : null;
  const where = url ? ` Read the full version: <${escapeMrkdwn(url)}|${escapeMrkdwn(msg.link!.label)}>` : '';
  return `_This message was shortened: Slack shows at most ${SLACK_LIMITS.blocks} blocks.${where}_`;
}

/** The whole message as mrkdwn: what notifications and clients that cannot show blocks display. */
function fallbackText(msg: OutgoingMessage): string {
  const parts = [`*${escapeMrkdwn(msg.title)}*`, escapeMrkdwn(msg.summary)];
  for (const s of msg.sections ?? []) {
    if (s.heading?.trim()) parts.push(`*${escapeMrkdwn(s.heading.trim())}*`);
    parts.push(markdownToMrkdwn(s.markdown));
  }
  for (const l of [...(msg.link ? [msg.link] : []), ...(msg.actions ?? []).slice(0, MAX_ACTIONS)]) {
    const url = safeLinkUrl(l.url);
    if (url) parts.push(`${escapeMrkdwn(l.label)}: <${escapeMrkdwn(url)}>`);
  }
  if (msg.footer) parts.push(escapeMrkdwn(msg.footer));
  return truncateMrkdwn(parts.filter((p) => p.trim()).join('\n\n'), SLACK_LIMITS.messageText);
}

/**
 * Renders a message as Block Kit within Slack's limits. Long sections are split rather than cut; only when
 * the 50-block cap is reached is the body cut, with "…" and a notice saying so.
 */
export function toSlackPayload(msg: OutgoingMessage): SlackPayload {
  const head: SlackBlock[] = msg.title.trim()
    ? [{ type: 'header', text: plain(truncate(msg.title.trim(), SLACK_LIMITS.headerText)) }]
    : [];
  const btns = buttons(msg);
  const tail: SlackBlock[] = [
    ...(btns.length > 0 ? [{ type: 'actions' as const, elements: btns }] : []),
    ...(msg.footer?.trim() ? [context(escapeMrkdwn(msg.footer.trim()))] : []),
  ];
  let chunks = bodyChunks(msg);
  const room = SLACK_LIMITS.blocks - head.length - tail.length;
  let notice: SlackBlock[] = [];
  if (chunks.length > room) {
    chunks = chunks.slice(0, room - 1);
    const last = chunks.length - 1;
    chunks[last] = `${chunks[last]}…`;
    notice = [context(cutNotice(msg))];
  }
  return { text: fallbackText(msg), blocks: [...head, ...chunks.map(section), ...notice, ...tail] };
}
