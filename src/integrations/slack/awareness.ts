import { SLACK_LIMITS } from './blocks.ts';
import { escapeMrkdwn, truncateMrkdwn } from './mrkdwn.ts';
import type { SlackActionButton, SlackResponseMessage } from './status-card.ts';

/**
 * The launch-awareness question answered in Slack: "Yes, I knew" / "No, it surprised me" post back to the
 * interactions endpoint. The buttons carry only the survey request's id, never its one-click token: who clicked
 * is the signed request's user, who must be the person the question was sent to.
 */

export const AWARE_ACTION = 'survey_aware_yes';
export const NOT_AWARE_ACTION = 'survey_aware_no';
const BUTTONS_BLOCK = 'prodops_awareness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The survey page's path, as the message's comment link carries it (the token is the page's credential). */
const SURVEY_PATH = /\/surveys\/([A-Za-z0-9_-]{16,64})$/;

export interface AwarenessAction {
  aware: boolean;
  requestId: string;
}

/** Whether this is one of the awareness buttons (whatever its value). */
export const isAwarenessAction = (actionId: string) =>
  actionId === AWARE_ACTION || actionId === NOT_AWARE_ACTION;

/** A click on an awareness button; null when the value is not a request id (tampered). */
export function parseAwarenessAction(actionId: string, value: string | undefined): AwarenessAction | null {
  if (!isAwarenessAction(actionId) || !value || !UUID.test(value)) return null;
  return { aware: actionId === AWARE_ACTION, requestId: value.toLowerCase() };
}

const button = (label: string, actionId: string, value: string, primary: boolean): SlackActionButton => ({
  type: 'button',
  text: { type: 'plain_text', text: label, emoji: true },
  action_id: actionId,
  value,
  ...(primary ? { style: 'primary' as const } : {}),
});

export function awarenessButtons(requestId: string): SlackActionButton[] {
  return [
    button('Yes, I knew', AWARE_ACTION, requestId, true),
    button('No, it surprised me', NOT_AWARE_ACTION, requestId, false),
  ];
}

/**
 * The question rendered for Slack with the two answer buttons first in its actions block; the message's link
 * buttons (the page to add a comment) stay beside them, plain.
 */
export function withAwarenessButtons(
  payload: { text: string; blocks: readonly object[] },
  requestId: string,
): { text: string; blocks: object[] } {
  const blocks = payload.blocks.map((b) => ({ ...b }));
  const at = blocks.findIndex((b) => (b as { type?: string }).type === 'actions');
  const links =
    at === -1
      ? []
      : (blocks[at] as { elements: object[] }).elements.map((e) => {
          const { style: _style, ...rest } = e as { style?: string };
          return rest;
        });
  const actions = {
    type: 'actions',
    block_id: BUTTONS_BLOCK,
    elements: [...awarenessButtons(requestId), ...links],
  };
  if (at !== -1) blocks[at] = actions;
  else {
    const footer = blocks.length > 0 && (blocks.at(-1) as { type?: string }).type === 'context' ? 1 : 0;
    blocks.splice(blocks.length - footer, 0, actions);
  }
  return { text: payload.text, blocks: blocks.slice(-SLACK_LIMITS.blocks) };
}

/**
 * The message's link buttons less its one-click answer links (the survey page with `?answer=`): the buttons answer
 * in Slack instead; the plain page link (to answer with a comment) stays.
 */
export function withoutAnswerLinks<T extends { url: string }>(actions: readonly T[] | undefined): T[] {
  return (actions ?? []).filter((a) => {
    try {
      return !new URL(a.url, 'http://x').searchParams.has('answer');
    } catch {
      return false;
    }
  });
}

/** The survey-page links among a message's buttons (as Slack sends the message back with a click). */
export function surveyLinksIn(blocks: readonly object[]): { url: string; token: string }[] {
  const out: { url: string; token: string }[] = [];
  for (const b of blocks) {
    const elements = (b as { type?: string; elements?: unknown }).elements;
    if ((b as { type?: string }).type !== 'actions' || !Array.isArray(elements)) continue;
    for (const e of elements) {
      const url = (e as { url?: unknown }).url;
      if (typeof url !== 'string') continue;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        continue;
      }
      const m = SURVEY_PATH.exec(parsed.pathname);
      if (m && ['http:', 'https:'].includes(parsed.protocol)) out.push({ url, token: m[1]! });
    }
  }
  return out;
}

/** What the clicked message becomes: the answer as recorded, and where to add a comment. */
export function awarenessRecordedMessage(o: {
  releaseTitle: string;
  aware: boolean;
  already: boolean;
  commentUrl: string | null;
}): SlackResponseMessage {
  const said = o.aware ? 'you knew' : 'it surprised you';
  const head = o.already ? `Already recorded: ${said}.` : `Thanks — recorded: ${said}.`;
  const comment = o.commentUrl
    ? `<${escapeMrkdwn(o.commentUrl)}|Add a comment> (optional) on the survey page.`
    : 'You can add a comment (optional) from the survey link in your email or prodops inbox.';
  const title = `*${escapeMrkdwn(o.releaseTitle)}* — were you aware of this release before it shipped?`;
  const text = `${head} ${comment}`;
  return {
    replace_original: true,
    text: truncateMrkdwn(`${title}\n${text}`, SLACK_LIMITS.sectionText),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(title, SLACK_LIMITS.sectionText) } },
      { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText) } },
    ],
  };
}
