import {
  STATUS_SUBJECT_LABELS,
  STATUS_SUBJECTS,
  type TStatusAnswer,
  type TStatusCard,
  type TStatusMatch,
  type TStatusSubject,
} from '../../shared/status.ts';
import { safeLinkUrl, truncate } from '../text.ts';
import { type MrkdwnText, type PlainText, SLACK_LIMITS } from './blocks.ts';
import { escapeLinkUrl, escapeMrkdwn, markdownToMrkdwn, truncateMrkdwn } from './mrkdwn.ts';

/**
 * "What's the status of X?" as a Slack message: the card (or the choices, or who to ask) in Block Kit, within
 * Slack's limits, ephemeral by default with a "Share in channel" button. The buttons carry what the
 * interactions route needs to answer again (the pick's subject and id, the query), so no state is kept here.
 */

/** Slack's limits for interactive buttons (Block Kit reference: button element). */
export const SLACK_BUTTON_LIMITS = { actionId: 255, value: 2000 } as const;
/** Choices offered as buttons: the answer contract gives the top three. */
export const MAX_CHOICES = 3;

/** A button that posts back to the interactions endpoint (no URL): its action id and value say what to do. */
export interface SlackActionButton {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary';
}
export type StatusBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: MrkdwnText }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: SlackActionButton[] };

/** What a slash command's or an interaction's response_url takes (Slack: "Responding to interactions"). */
export interface SlackResponseMessage {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
  text: string;
  blocks?: StatusBlock[];
}

const PICK = 'status_pick';
const SHARE = 'status_share';

/** What a button of a status message asks for, read back from its action id and value. */
export type StatusAction =
  | { kind: 'pick'; q: string; subject: TStatusSubject; id: string }
  | { kind: 'share'; q: string; subject: TStatusSubject; id: string };

const isSubject = (s: unknown): s is TStatusSubject =>
  typeof s === 'string' && (STATUS_SUBJECTS as readonly string[]).includes(s);

/** Reads a button press of a status message; anything else (or a tampered value) is null. */
export function parseStatusAction(actionId: string, value: string | undefined): StatusAction | null {
  if (actionId.startsWith(`${PICK}:`)) {
    const [, subject, ...rest] = actionId.split(':');
    const id = rest.join(':');
    if (!isSubject(subject) || !id) return null;
    return { kind: 'pick', q: value ?? '', subject, id };
  }
  if (actionId === SHARE && value) {
    try {
      const v = JSON.parse(value) as { q?: unknown; subject?: unknown; id?: unknown };
      if (typeof v.q !== 'string' || !isSubject(v.subject) || typeof v.id !== 'string' || !v.id) return null;
      return { kind: 'share', q: v.q, subject: v.subject, id: v.id };
    } catch {
      return null;
    }
  }
  return null;
}

const plain = (text: string): PlainText => ({
  type: 'plain_text',
  text: truncate(text.replace(/\s+/g, ' ').trim() || '…', SLACK_LIMITS.headerText),
  emoji: true,
});
const section = (text: string): StatusBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText) },
});
const context = (text: string): StatusBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.contextText) }],
});
const button = (label: string, actionId: string, value: string, primary = false): SlackActionButton => ({
  type: 'button',
  text: {
    type: 'plain_text',
    text: truncate(label.replace(/\s+/g, ' ').trim(), SLACK_LIMITS.buttonText),
    emoji: true,
  },
  action_id: actionId,
  value,
  ...(primary ? { style: 'primary' as const } : {}),
});

/** One line of user text, escaped: `<`, `>` and `&` can never become a mention, a link or a broadcast. */
const esc = (s: string) => escapeMrkdwn(s.replace(/\s+/g, ' ').trim());

/**
 * `<url|label>` for a web path under the base URL, or the bare label when no usable link can be made: a path
 * that leaves the base (another origin, `//host`, `javascript:`) is not linked.
 */
function link(baseUrl: string | undefined, path: string | null, label: string): string {
  if (!baseUrl || !path) return esc(label);
  let url: URL;
  let root: URL;
  try {
    root = new URL(`${baseUrl.replace(/\/+$/, '')}/`);
    url = new URL(path, root);
  } catch {
    return esc(label);
  }
  const safe = safeLinkUrl(url.href);
  if (!safe || url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return esc(label);
  return `<${escapeLinkUrl(safe)}|${esc(label)}>`;
}

/** Slack shows `<!date^…>` in the reader's own time zone; the fallback is the text as given. */
function asOfText(asOf: string): string {
  const ms = Date.parse(asOf);
  if (!Number.isFinite(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(asOf)) return esc(asOf);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${esc(asOf)}>`;
}

/** Bullets under a heading, as many as fit in one section; says how many were left out. */
function bulletSection(heading: string, bullets: string[]): string | null {
  if (bullets.length === 0) return null;
  const room = SLACK_LIMITS.sectionText - 40;
  let text = `*${heading}*`;
  let shown = 0;
  for (const b of bullets) {
    const line = `\n• ${truncateMrkdwn(b, 1000)}`;
    if (text.length + line.length > room) break;
    text += line;
    shown += 1;
  }
  if (shown < bullets.length) text += `\n_…and ${bullets.length - shown} more_`;
  return text;
}

function facts(card: TStatusCard, baseUrl: string | undefined): string {
  const lines = [`*Status:* ${esc(card.status)}`];
  if (card.area) lines.push(`*Area:* ${esc(card.area.name)}`);
  else if (card.areaName) lines.push(`*Area:* ${esc(card.areaName)}`);
  if (card.owner) lines.push(`*Owner:* ${esc(card.owner.name)}`);
  if (card.when) lines.push(`*When:* ${esc(card.when.text)}${card.when.exact ? '' : ' _(range)_'}`);
  if (card.tier !== null) lines.push(`*Tier:* ${card.tier}`);
  if (card.readiness) {
    lines.push(
      card.readiness.ready
        ? '*Readiness:* ready'
        : `*Readiness:* not ready${card.readiness.missing.length ? ` — missing: ${card.readiness.missing.map(esc).join('; ')}` : ''}`,
    );
  }
  if (card.bundlePath)
    lines.push(`*Enablement bundle:* ${link(baseUrl, card.bundlePath, 'open the bundle')}`);
  return lines.join('\n');
}

function cardBlocks(answer: TStatusAnswer, card: TStatusCard, o: RenderOptions): StatusBlock[] {
  const blocks: StatusBlock[] = [
    { type: 'header', text: plain(`${card.subjectLabel} · ${card.status}`) },
    section(
      [`*${link(o.baseUrl, card.path, card.title)}*`, card.summary.trim() ? esc(card.summary) : '']
        .filter(Boolean)
        .join('\n'),
    ),
    section(facts(card, o.baseUrl)),
  ];
  const updates = bulletSection(
    'Latest update',
    card.updates.map(
      (u) => `${markdownToMrkdwn(u.text).replace(/\s*\n\s*/g, ' ')} _(${esc(u.areaName)}, ${esc(u.week)})_`,
    ),
  );
  if (updates) blocks.push(section(updates));
  const decisions = bulletSection(
    'Decisions',
    card.decisions.map(
      (d) =>
        `${link(o.baseUrl, `/decisions/${d.id}`, `#${d.number} ${d.title}`)} _(decided ${esc(d.decidedOn)})_`,
    ),
  );
  if (decisions) blocks.push(section(decisions));
  const who = o.sharedBy && SLACK_USER.test(o.sharedBy) ? ` · shared by <@${o.sharedBy}>` : '';
  blocks.push(context(`${esc(card.subjectLabel)} · as of ${asOfText(card.asOf)}${who}`));
  if (o.responseType === 'ephemeral') {
    const value = JSON.stringify({ q: answer.query.slice(0, 200), subject: card.subject, id: card.id });
    if (value.length <= SLACK_BUTTON_LIMITS.value) {
      blocks.push({ type: 'actions', elements: [button('Share in channel', SHARE, value, true)] });
    }
  }
  return blocks;
}

function choiceLabel(c: TStatusMatch): string {
  const where = c.areaName ? ` · ${c.areaName}` : '';
  return `${c.title}${where}`;
}

function chooseBlocks(answer: TStatusAnswer, o: RenderOptions): StatusBlock[] {
  const seen = new Set<string>();
  const choices = answer.choices
    .filter((c) => {
      const actionId = `${PICK}:${c.subject}:${c.id}`;
      if (seen.has(actionId) || actionId.length > SLACK_BUTTON_LIMITS.actionId) return false;
      seen.add(actionId);
      return true;
    })
    .slice(0, MAX_CHOICES);
  const list = choices.map(
    (c) =>
      `${link(o.baseUrl, c.path, c.title)} — ${esc(STATUS_SUBJECT_LABELS[c.subject])}${c.areaName ? `, ${esc(c.areaName)}` : ''}`,
  );
  const blocks: StatusBlock[] = [section(esc(answer.message))];
  const body = bulletSection('Which one?', list);
  if (body) blocks.push(section(body));
  if (choices.length > 0) {
    blocks.push({
      type: 'actions',
      elements: choices.map((c) =>
        button(
          choiceLabel(c),
          `${PICK}:${c.subject}:${c.id}`,
          answer.query.slice(0, SLACK_BUTTON_LIMITS.value),
        ),
      ),
    });
  }
  return blocks;
}

function noneBlocks(answer: TStatusAnswer): StatusBlock[] {
  const blocks = [section(esc(answer.message))];
  if (answer.askInstead) {
    blocks.push(
      context(`Ask *${esc(answer.askInstead.ownerName)}*, who owns ${esc(answer.askInstead.areaName)}.`),
    );
  }
  return blocks;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;

export interface RenderOptions {
  /** Where the web app is reached (PRODOPS_PUBLIC_URL): paths become links under it; none, no links. */
  baseUrl: string | undefined;
  /** Ephemeral (only the asker sees it, with "Share in channel") unless shared. */
  responseType?: 'ephemeral' | 'in_channel';
  /** The Slack user who shared it, named under the card. */
  sharedBy?: string;
}

/** Renders an answer as a response_url message; `text` is the notification and the fallback. */
export function statusMessage(answer: TStatusAnswer, opts: RenderOptions): SlackResponseMessage {
  const o: RenderOptions = { ...opts, responseType: opts.responseType ?? 'ephemeral' };
  const blocks =
    answer.outcome === 'answer' && answer.card
      ? cardBlocks(answer, answer.card, o)
      : answer.outcome === 'choose'
        ? chooseBlocks(answer, o)
        : noneBlocks(answer);
  return {
    response_type: o.responseType,
    text: truncateMrkdwn(esc(answer.message) || 'Status', SLACK_LIMITS.sectionText),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
  };
}

/** A plain ephemeral message (acknowledgements, help, "link your Slack account"). */
export function ephemeral(text: string): SlackResponseMessage {
  return { response_type: 'ephemeral', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText) };
}
