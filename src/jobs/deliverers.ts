import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../config/env.ts';
import type { Db } from '../db/client.ts';
import { channels } from '../db/schema/index.ts';
import { createMailer, type Mailer } from '../integrations/email/mailer.ts';
import { renderEmail } from '../integrations/email/render.ts';
import { type DeliveryResult, type OutgoingMessage, withRepliesInline } from '../integrations/message.ts';
import { withAwarenessButtons, withoutAnswerLinks } from '../integrations/slack/awareness.ts';
import { toSlackPayload } from '../integrations/slack/blocks.ts';
import {
  postChatMessage,
  postWebhook,
  type SlackMessage,
  updateChatMessage,
} from '../integrations/slack/client.ts';
import { withReadinessButtons } from '../integrations/slack/readiness.ts';
import { postThread } from '../integrations/slack/thread.ts';
import { getSettings } from '../services/org/settings.ts';
import { rememberReadinessMessage } from '../services/slack/readiness-messages.ts';
import { type Clock, systemClock } from '../shared/clock.ts';
import type { Deliverers, OutboxRow } from './outbox-relay.ts';
import { createWebhookDeliverer } from './webhook-deliverer.ts';

const notConfigured = (what: string): DeliveryResult => ({
  ok: false,
  retryable: false,
  error: `${what} is not configured`,
});

/** A stable Message-ID from the idempotency key: the same notification always carries the same id. */
export function messageIdFor(idempotencyKey: string, publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'prodops.local';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${host}>`;
}

/** Links in messages are app paths ("/updates/2026-W47"); outside the app they need the public origin. */
export function withAbsoluteLinks(message: OutgoingMessage, publicUrl: string): OutgoingMessage {
  const abs = (url: string) => (url.startsWith('/') ? new URL(url, publicUrl).toString() : url);
  return {
    ...message,
    link: message.link && { ...message.link, url: abs(message.link.url) },
    actions: message.actions?.map((a) => ({ ...a, url: abs(a.url) })),
  };
}

/**
 * A message as Slack shows it. With the Slack app set up (a signing secret: Slack can call back), a release's
 * readiness message carries the "I'm ready" / "Not ready, because…" buttons instead of the one-click link.
 */
function slackPayloadOf(message: OutgoingMessage, interactive: boolean): SlackMessage {
  const requestId = interactive ? message.slack?.awarenessRequestId : undefined;
  // The awareness question likewise: its two answers become buttons, its link (add a comment) stays.
  if (requestId)
    return withAwarenessButtons(
      toSlackPayload({ ...message, actions: withoutAnswerLinks(message.actions) }),
      requestId,
    );
  const releaseId = interactive ? message.slack?.readinessReleaseId : undefined;
  const payload = toSlackPayload(releaseId ? { ...message, actions: undefined } : message);
  return releaseId ? withReadinessButtons(payload, releaseId) : payload;
}

/** The real deliverers, from the environment: SMTP for email, webhooks or the bot token for Slack. */
export function createDeliverers(
  db: Db,
  config: Pick<Config, 'delivery' | 'publicUrl'> & { slackSigningSecret?: string | undefined },
  clock: Clock = systemClock,
): Deliverers & { close(): void } {
  const d = config.delivery;
  const mailer: Mailer | null = d.smtpUrl ? createMailer({ smtpUrl: d.smtpUrl, from: d.smtpFrom }) : null;
  // A batch of 100 messages to one channel looks it up once; a changed webhook is seen within seconds
  // (a duration, so the monotonic timer, not the product's clock).
  const cache = new Map<string, { at: number; row: typeof channels.$inferSelect | undefined }>();
  const channelOf = async (id: string) => {
    const hit = cache.get(id);
    if (hit && performance.now() - hit.at < 5_000) return hit.row;
    const [row] = await db.select().from(channels).where(eq(channels.id, id));
    cache.set(id, { at: performance.now(), row });
    return row;
  };
  // The org name in every email: read once per few seconds, not once per message of a 100-message batch.
  let orgName: { at: number; value: string } | null = null;
  const orgNameOf = async () => {
    if (!orgName || performance.now() - orgName.at > 5_000)
      orgName = { at: performance.now(), value: (await getSettings(db)).orgName };
    return orgName.value;
  };
  return {
    async email(row: OutboxRow, relative: OutgoingMessage) {
      const message = withAbsoluteLinks(relative, config.publicUrl);
      if (!mailer) return notConfigured('email (SMTP_URL)');
      const unsubscribeUrl = row.unsubscribeToken
        ? `${config.publicUrl}/api/v1/unsubscribe/${row.unsubscribeToken}`
        : `${config.publicUrl}/settings`;
      const orgName = await orgNameOf();
      const rendered = renderEmail(message, { unsubscribeUrl, orgName });
      return mailer.send({
        to: row.address,
        ...rendered,
        messageId: messageIdFor(row.idempotencyKey, config.publicUrl),
        unsubscribeUrl,
      });
    },
    async slack(row: OutboxRow, relative: OutgoingMessage) {
      const replace = relative.slack?.replace;
      if (replace) {
        if (!d.slackBotToken) return notConfigured('the Slack bot token (SLACK_BOT_TOKEN)');
        const payload = { text: replace.text, blocks: replace.blocks };
        return updateChatMessage({
          apiUrl: d.slackApiUrl,
          token: d.slackBotToken,
          channel: row.address,
          ts: replace.ts,
          payload,
        });
      }
      const message = withAbsoluteLinks(relative, config.publicUrl);
      const interactive = Boolean(config.slackSigningSecret);
      let channel = row.address; // a person: a direct message through the bot, to their Slack user id
      if (row.channelId) {
        const found = await channelOf(row.channelId);
        if (!found) return { ok: false, retryable: false, error: 'the Slack channel was removed' };
        // An incoming webhook has no thread to reply in: the replies are sections of the one message.
        if (found.webhookUrl)
          return postWebhook(found.webhookUrl, slackPayloadOf(withRepliesInline(message), interactive));
        channel = found.slackChannelId ?? found.name;
      }
      if (!d.slackBotToken) return notConfigured('the Slack bot token (SLACK_BOT_TOKEN)');
      const api = { apiUrl: d.slackApiUrl, token: d.slackBotToken };
      // With the bot token: the message, then each reply in its thread.
      if (message.replies?.length) return postThread({ ...api, channel, message });
      const payload = slackPayloadOf(message, interactive);
      const sent = await postChatMessage({ ...api, channel, payload, threadTs: message.slack?.threadTs });
      const releaseId = interactive ? message.slack?.readinessReleaseId : undefined;
      // Kept as posted, so an answer given anywhere (web, e-mail link, another message) redraws it too.
      if (sent.ok && releaseId && sent.ts && sent.channel)
        await rememberReadinessMessage(db, {
          channelId: sent.channel,
          ts: sent.ts,
          releaseId,
          text: payload.text,
          blocks: [...payload.blocks],
          now: clock.now(),
        });
      return sent;
    },
    webhook: createWebhookDeliverer(db, { allowPrivate: d.webhookAllowPrivate }),
    close: () => mailer?.close(),
  };
}
