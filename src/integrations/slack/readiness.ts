import { truncate } from '../text.ts';
import { SLACK_LIMITS } from './blocks.ts';
import { escapeMrkdwn, truncateMrkdwn } from './mrkdwn.ts';
import type { SlackActionButton } from './status-card.ts';

/**
 * The "I'm ready" / "Not ready, because…" buttons a Tier 2/3 announcement carries to Support and Sales, the line
 * under them saying who answered, and the modal asking why someone is not ready. The buttons carry only the
 * release id: who clicked (and so for which function) is the signed request's user.
 */

export const READY_ACTION = 'readiness_ready';
export const NOT_READY_ACTION = 'readiness_not_ready';
/** The modal's callback id: its submission is a not-ready answer. */
export const NOT_READY_VIEW = 'readiness_not_ready_reason';
const BUTTONS_BLOCK = 'prodops_readiness';
const STATUS_BLOCK = 'prodops_readiness_status';
const REASON_BLOCK = 'reason';
const REASON_INPUT = 'reason';
/** The reason is stored as the sign-off's note (the API takes up to 2,000 characters). */
export const REASON_MAX = 2000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReadinessAction {
  ready: boolean;
  releaseId: string;
}

/** A click on one of the readiness buttons; anything else (or a tampered value) is null. */
export function parseReadinessAction(actionId: string, value: string | undefined): ReadinessAction | null {
  if (actionId !== READY_ACTION && actionId !== NOT_READY_ACTION) return null;
  if (!value || !UUID.test(value)) return null;
  return { ready: actionId === READY_ACTION, releaseId: value.toLowerCase() };
}

const button = (label: string, actionId: string, value: string, primary: boolean): SlackActionButton => ({
  type: 'button',
  text: { type: 'plain_text', text: label, emoji: true },
  action_id: actionId,
  value,
  ...(primary ? { style: 'primary' as const } : {}),
});

/** The two buttons, as the elements of an actions block (the announcement's link buttons may sit beside them). */
export function readinessButtons(releaseId: string): SlackActionButton[] {
  return [
    button("I'm ready", READY_ACTION, releaseId, true),
    button('Not ready, because…', NOT_READY_ACTION, releaseId, false),
  ];
}

export const readinessBlockId = BUTTONS_BLOCK;

/** One function's standing answer, as the message shows it. */
export interface ReadinessLine {
  /** "Support", "Sales". */
  label: string;
  by: string;
  ready: boolean;
  note: string;
  at: string;
}

/** Slack shows `<!date^…>` in each reader's own time zone; the fallback is the ISO instant. */
function dateToken(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return escapeMrkdwn(iso);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${escapeMrkdwn(iso)}>`;
}

/** "Support: ready — Ana Diaz, today at 10:02 · Sales: not ready — Ben Ode: the price sheet is missing". */
export function readinessStatusText(lines: readonly ReadinessLine[]): string {
  if (lines.length === 0) return 'Nobody has answered yet.';
  return lines
    .map((l) => {
      const who = `${escapeMrkdwn(l.by)}, ${dateToken(l.at)}`;
      if (l.ready) return `:white_check_mark: *${escapeMrkdwn(l.label)}: ready* — ${who}`;
      const why = l.note.trim() ? `: ${escapeMrkdwn(truncate(l.note.replace(/\s+/g, ' ').trim(), 300))}` : '';
      return `:x: *${escapeMrkdwn(l.label)}: not ready* — ${who}${why}`;
    })
    .join('\n');
}

const statusBlock = (lines: readonly ReadinessLine[]) => ({
  type: 'context',
  block_id: STATUS_BLOCK,
  elements: [{ type: 'mrkdwn', text: truncateMrkdwn(readinessStatusText(lines), SLACK_LIMITS.contextText) }],
});

const blockId = (b: object) => (b as { block_id?: unknown }).block_id;

/**
 * The message with its readiness line replaced (or added under the buttons): what chat.update posts. Slack's
 * 50-block cap holds: a body block is dropped before the buttons or the line would be.
 */
export function withReadinessStatus(blocks: readonly object[], lines: readonly ReadinessLine[]): object[] {
  const kept = blocks.filter((b) => blockId(b) !== STATUS_BLOCK);
  const at = kept.findIndex((b) => blockId(b) === BUTTONS_BLOCK);
  const out = [...kept];
  out.splice(at === -1 ? out.length : at + 1, 0, statusBlock(lines));
  while (out.length > SLACK_LIMITS.blocks) {
    const drop = out.findLastIndex(
      (b, i) => (b as { type?: string }).type === 'section' && i < out.length - 2,
    );
    out.splice(drop === -1 ? 0 : drop, 1);
  }
  return out;
}

/** What the modal remembers between the click and the submission (Slack's private_metadata, ≤ 3,000 chars). */
interface NotReadyMetadata {
  releaseId: string;
}

/** The modal asking why: its submission comes back to the interactions endpoint as a view_submission. */
export function notReadyModal(o: { releaseId: string; releaseTitle: string }): object {
  const metadata: NotReadyMetadata = { releaseId: o.releaseId };
  return {
    type: 'modal',
    callback_id: NOT_READY_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Not ready' },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncateMrkdwn(
            `What is missing before you can support *${escapeMrkdwn(o.releaseTitle)}*? The PM and the release page see your answer.`,
            SLACK_LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'input',
        block_id: REASON_BLOCK,
        label: { type: 'plain_text', text: 'Why are you not ready?' },
        element: {
          type: 'plain_text_input',
          action_id: REASON_INPUT,
          multiline: true,
          max_length: REASON_MAX,
        },
      },
    ],
  };
}

/** The reason's block id, for a `response_action: errors` answer naming the field. */
export const reasonBlockId = REASON_BLOCK;

/** A submitted "not ready" modal: the release and the reason (trimmed), or null when it is not ours or tampered. */
export function parseNotReadySubmission(view: unknown): { releaseId: string; reason: string } | null {
  if (!view || typeof view !== 'object') return null;
  const v = view as {
    callback_id?: unknown;
    private_metadata?: unknown;
    state?: { values?: Record<string, Record<string, { value?: unknown }>> };
  };
  if (v.callback_id !== NOT_READY_VIEW || typeof v.private_metadata !== 'string') return null;
  let meta: Partial<NotReadyMetadata>;
  try {
    meta = JSON.parse(v.private_metadata) as Partial<NotReadyMetadata>;
  } catch {
    return null;
  }
  if (typeof meta.releaseId !== 'string' || !UUID.test(meta.releaseId)) return null;
  const raw = v.state?.values?.[REASON_BLOCK]?.[REASON_INPUT]?.value;
  return { releaseId: meta.releaseId.toLowerCase(), reason: typeof raw === 'string' ? raw.trim() : '' };
}

/**
 * An announcement rendered for Slack, with the readiness buttons beside its link buttons (an actions block
 * holds up to 25 elements), so the same message that carries the bundle takes the answer.
 */
export function withReadinessButtons(
  payload: { text: string; blocks: readonly object[] },
  releaseId: string,
): { text: string; blocks: object[] } {
  const blocks = payload.blocks.map((b) => ({ ...b }));
  const at = blocks.findIndex((b) => (b as { type?: string }).type === 'actions');
  if (at !== -1) {
    const actions = blocks[at] as { elements: object[] };
    blocks[at] = {
      ...actions,
      block_id: BUTTONS_BLOCK,
      elements: [...readinessButtons(releaseId), ...actions.elements],
    };
    return { text: payload.text, blocks };
  }
  const footer = blocks.length > 0 && (blocks.at(-1) as { type?: string }).type === 'context' ? 1 : 0;
  blocks.splice(blocks.length - footer, 0, {
    type: 'actions',
    block_id: BUTTONS_BLOCK,
    elements: readinessButtons(releaseId),
  });
  while (blocks.length > SLACK_LIMITS.blocks) {
    const drop = blocks.findLastIndex((b) => (b as { type?: string }).type === 'section');
    blocks.splice(drop === -1 ? 0 : drop, 1);
  }
  return { text: payload.text, blocks };
}
