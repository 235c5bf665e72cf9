import type { Db } from '../src/db/client.ts';
import { slackSignature } from '../src/integrations/slack/signature.ts';
import { createDeliverers } from '../src/jobs/deliverers.ts';

/** The signing secret and public address the Slack route tests give the app. */
export const SLACK_SECRET = 'testsigningsecret0123456789abcdef';
export const PUBLIC_URL = 'https://prodops.example.com';

/** The real deliverers posting to a local Slack peer with a bot token; with `signingSecret`, as the Slack app. */
export function slackDeliverers(db: Db, slackUrl: string, o: { signingSecret?: string } = {}) {
  return createDeliverers(db, {
    publicUrl: PUBLIC_URL,
    slackSigningSecret: o.signingSecret,
    delivery: {
      maxAttempts: 3,
      backoffMs: 1,
      smtpUrl: undefined,
      smtpFrom: 'prodops <prodops@example.com>',
      slackBotToken: 'xoxb-test',
      slackApiUrl: slackUrl,
      slackWebhookAnyHost: true,
      webhookAllowPrivate: [],
    },
  });
}

/** Headers of a form post signed as Slack signs it, at `now`. */
export function slackSigned(body: string, now: Date, secret = SLACK_SECRET) {
  const ts = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(secret, ts, body),
  };
}
