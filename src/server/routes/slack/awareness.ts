import type { Db } from '../../../db/client.ts';
import {
  type AwarenessAction,
  awarenessRecordedMessage,
  isAwarenessAction,
  parseAwarenessAction,
  surveyLinksIn,
} from '../../../integrations/slack/awareness.ts';
import { escapeMrkdwn } from '../../../integrations/slack/mrkdwn.ts';
import { ephemeral, type SlackResponseMessage } from '../../../integrations/slack/status-card.ts';
import { awarenessFromSlack, commentUrlFor } from '../../../services/slack/awareness.ts';
import { invalid } from '../../../shared/errors.ts';

/** What the awareness buttons need from the Slack routes: the database and posting to response_url later. */
export interface AwarenessDeps {
  db: Db;
  /** Work after the acknowledgement (errors logged). */
  later: (what: string, task: () => Promise<void>) => void;
  /** Posts to the interaction's response_url (checked to be Slack's). */
  post: (message: SlackResponseMessage) => Promise<void>;
  linkYourAccount: string;
}

export interface AwarenessClick {
  action: AwarenessAction;
  slackUserId: string;
  /** The blocks of the message clicked, as Slack sent them (none for an ephemeral one). */
  blocks: readonly object[];
  now: Date;
}

/** The awareness button clicked, if any; one of ours with a value that is not a request id is a 400 naming it. */
export function awarenessActionIn(
  actions: readonly { action_id: string; value?: string | undefined }[],
): AwarenessAction | null {
  const at = actions.findIndex((a) => isAwarenessAction(a.action_id));
  if (at === -1) return null;
  const action = parseAwarenessAction(actions[at]!.action_id, actions[at]!.value);
  if (!action)
    throw invalid([{ path: `payload.actions.${at}.value`, message: 'must be a survey request id' }]);
  return action;
}

/**
 * The answer is recorded before the acknowledgement (a retried click then finds it and records nothing more);
 * the clicked message then becomes the answer as recorded, with the page to add a comment. A click that records
 * nothing is told why, to the clicker only, and the message keeps its buttons.
 */
export async function onAwarenessClick(deps: AwarenessDeps, click: AwarenessClick): Promise<void> {
  const result = await awarenessFromSlack(deps.db, {
    slackUserId: click.slackUserId,
    requestId: click.action.requestId,
    aware: click.action.aware,
    now: click.now,
  });
  if (result.outcome === 'unknown_user' || result.outcome === 'refused') {
    const text = result.outcome === 'unknown_user' ? deps.linkYourAccount : escapeMrkdwn(result.message);
    deps.later('refusing an awareness click', () =>
      deps.post({ ...ephemeral(text), replace_original: false }),
    );
    return;
  }
  const commentUrl = await commentUrlFor(deps.db, click.action.requestId, surveyLinksIn(click.blocks));
  const message = awarenessRecordedMessage({
    releaseTitle: result.releaseTitle,
    aware: result.aware,
    already: result.outcome === 'unchanged',
    commentUrl,
  });
  deps.later('confirming an awareness answer', () => deps.post(message));
}
