import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { openView } from '../../../integrations/slack/client.ts';
import { escapeMrkdwn } from '../../../integrations/slack/mrkdwn.ts';
import {
  notReadyModal,
  parseNotReadySubmission,
  REASON_MAX,
  type ReadinessAction,
  reasonBlockId,
} from '../../../integrations/slack/readiness.ts';
import { ephemeral, type SlackResponseMessage } from '../../../integrations/slack/status-card.ts';
import {
  type ClickedMessage,
  readinessFromSlack,
  releaseTitle,
  type SlackReadinessResult,
} from '../../../services/slack/readiness.ts';

/** What the readiness buttons need from the Slack routes: the database, the bot (for the modal), posting later. */
export interface ReadinessDeps {
  db: Db;
  botToken: string | undefined;
  apiUrl: string | undefined;
  baseUrl: string;
  log: FastifyBaseLogger;
  /** Work after the acknowledgement (errors logged). */
  later: (what: string, task: () => Promise<void>) => void;
  /** An ephemeral note to the clicker at the interaction's response_url (when it has one). */
  tell: (message: SlackResponseMessage) => Promise<void>;
  linkYourAccount: string;
}

/** The click as the interactions route read it. */
export interface ReadinessClick {
  action: ReadinessAction;
  slackUserId: string;
  triggerId: string | undefined;
  message: ClickedMessage | undefined;
  now: Date;
}

function saidBack(r: SlackReadinessResult, linkYourAccount: string): string {
  switch (r.outcome) {
    case 'unknown_user':
      return linkYourAccount;
    case 'refused':
      return escapeMrkdwn(r.message);
    case 'recorded':
      return r.ready
        ? `Thanks: recorded that ${r.kindLabel} is ready for *${escapeMrkdwn(r.releaseTitle)}*.`
        : `Recorded that ${r.kindLabel} is not ready for *${escapeMrkdwn(r.releaseTitle)}*; the PM sees why.`;
    case 'unchanged':
      return `Already recorded: ${r.kindLabel} is ${r.ready ? 'ready' : 'not ready'} for *${escapeMrkdwn(r.releaseTitle)}*.`;
  }
}

/**
 * "I'm ready" is recorded before the acknowledgement (a retried click then finds it and records nothing more);
 * "Not ready, because…" opens a modal asking why, and the submission records it.
 */
export async function onReadinessClick(deps: ReadinessDeps, click: ReadinessClick): Promise<void> {
  const { action } = click;
  if (action.ready) {
    const result = await readinessFromSlack(deps.db, {
      slackUserId: click.slackUserId,
      releaseId: action.releaseId,
      ready: true,
      message: click.message,
      now: click.now,
    });
    deps.later('confirming readiness', () => deps.tell(ephemeral(saidBack(result, deps.linkYourAccount))));
    return;
  }
  deps.later('asking why not ready', () => askWhy(deps, click));
}

async function askWhy(deps: ReadinessDeps, click: ReadinessClick): Promise<void> {
  const title = await releaseTitle(deps.db, click.action.releaseId);
  if (!title) return deps.tell(ephemeral('That release no longer exists in prodops.'));
  const page = `${deps.baseUrl}/releases/${click.action.releaseId}`;
  if (!deps.botToken || !click.triggerId) {
    return deps.tell(ephemeral(`Say what is missing on the release page: <${page}|${escapeMrkdwn(title)}>.`));
  }
  const opened = await openView({
    apiUrl: deps.apiUrl,
    token: deps.botToken,
    triggerId: click.triggerId,
    view: notReadyModal({ releaseId: click.action.releaseId, releaseTitle: title }),
  });
  if (!opened.ok) {
    deps.log.warn({ error: opened.error }, 'slack: views.open failed');
    await deps.tell(ephemeral(`Say what is missing on the release page: <${page}|${escapeMrkdwn(title)}>.`));
  }
}

/** What a view_submission answers: {} closes the modal; errors keep it open with the message under the field. */
export type SubmissionAck =
  | Record<string, never>
  | { response_action: 'errors'; errors: Record<string, string> };

const fieldError = (message: string): SubmissionAck => ({
  response_action: 'errors',
  errors: { [reasonBlockId]: message },
});

/** The "Not ready" modal's submission: recorded with its reason, or the modal says why not. Not ours: null. */
export async function onNotReadySubmission(
  deps: Pick<ReadinessDeps, 'db'>,
  o: { view: unknown; slackUserId: string; now: Date },
): Promise<SubmissionAck | null> {
  const submitted = parseNotReadySubmission(o.view);
  if (!submitted) return null;
  if (!submitted.reason) return fieldError('Say what is missing, so the PM can act on it.');
  if (submitted.reason.length > REASON_MAX) return fieldError(`Use at most ${REASON_MAX} characters.`);
  const result = await readinessFromSlack(deps.db, {
    slackUserId: o.slackUserId,
    releaseId: submitted.releaseId,
    ready: false,
    note: submitted.reason,
    now: o.now,
  });
  if (result.outcome === 'unknown_user')
    return fieldError(
      'Your Slack account is not linked to anyone in prodops: set your Slack user id on your profile.',
    );
  if (result.outcome === 'refused') return fieldError(result.message);
  return {};
}
