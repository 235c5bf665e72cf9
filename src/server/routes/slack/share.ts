import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { postChatMessage } from '../../../integrations/slack/client.ts';
import { escapeMrkdwn } from '../../../integrations/slack/mrkdwn.ts';
import {
  ephemeral,
  type SlackResponseMessage,
  statusMessage,
} from '../../../integrations/slack/status-card.ts';
import { recordShare } from '../../../services/slack/shares.ts';
import type { TStatusAnswer } from '../../../shared/status.ts';

export interface ShareDeps {
  db: Db;
  botToken: string | undefined;
  apiUrl: string | undefined;
  log: FastifyBaseLogger;
  /** Posts at the interaction's response_url. */
  post: (message: SlackResponseMessage | { delete_original: true }) => Promise<void>;
}

/**
 * Shares an answer (read as the channel may: `audience: 'channel'`) in the channel. Posted by the bot, its ts is
 * known and kept, so later changes are replied in its thread; where the bot cannot post there (not invited, no
 * token) it goes through response_url as before, and is not followed.
 */
export async function shareAnswer(
  deps: ShareDeps,
  o: {
    answer: TStatusAnswer;
    baseUrl: string;
    slackUserId: string;
    personId: string;
    channelId: string | undefined;
    now: Date;
  },
): Promise<void> {
  const { answer } = o;
  if (answer.outcome !== 'answer' || !answer.card) {
    await deps.post({ ...ephemeral(escapeMrkdwn(answer.message)), replace_original: false });
    return;
  }
  const message = statusMessage(answer, {
    baseUrl: o.baseUrl,
    responseType: 'in_channel',
    sharedBy: o.slackUserId,
  });
  const posted =
    deps.botToken && o.channelId
      ? await postChatMessage({
          apiUrl: deps.apiUrl,
          token: deps.botToken,
          channel: o.channelId,
          payload: { text: message.text, blocks: message.blocks ?? [] },
        })
      : null;
  if (posted?.ok && posted.ts) {
    const card = answer.card;
    await recordShare(deps.db, {
      subject: card.subject,
      subjectId: card.id,
      channelId: posted.channel ?? o.channelId!,
      ts: posted.ts,
      sharedBy: o.personId,
      told: { status: card.status, when: card.when?.text ?? null },
      now: o.now,
    });
  } else {
    if (posted && !posted.ok)
      deps.log.warn({ error: posted.error }, 'slack: the bot could not post the shared answer');
    await deps.post({ ...message, replace_original: false });
  }
  await deps.post({ delete_original: true });
}
