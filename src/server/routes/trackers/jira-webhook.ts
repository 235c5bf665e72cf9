import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jiraSecretMatches } from '../../../integrations/jira/secret.ts';
import { trackerConnection } from '../../../services/trackers/connection.ts';
import { receiveJiraDelivery } from '../../../services/trackers/jira-webhook.ts';
import { AppError, invalid } from '../../../shared/errors.ts';
import { headerOf, keepRawJson, rawBody, WEBHOOK_RESPONSES } from './raw-webhook.ts';

/**
 * Jira Cloud's webhook (jira:issue_created, jira:issue_updated). Public to Jira: admin webhooks are not signed, so
 * the credential is the connection's webhook secret on the URL (`?secret=`) or in an X-Prodops-Secret header,
 * compared in constant time before the body is read; a delivery without it is refused (401) and writes nothing.
 * A retry (same X-Atlassian-Webhook-Identifier) is answered 200 and changes nothing.
 */
export async function jiraWebhookRoute(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  // The body is read only once the secret matched: no schema here, so nothing is validated before it.
  keepRawJson(app);
  app.withTypeProvider<ZodTypeProvider>().post('/integrations/jira/webhook', {
    config: { policy: 'public' },
    schema: {
      tags: ['trackers'],
      summary: 'Receives Jira webhook deliveries (carrying the connection’s webhook secret)',
      querystring: z.strictObject({ secret: z.string().max(1000).optional() }),
      response: WEBHOOK_RESPONSES,
    },
    handler: async (req) => {
      const conn = await trackerConnection(db, 'jira');
      if (!conn?.webhookSecret)
        throw new AppError('unauthorized', 'Jira webhooks are not set up here: set a webhook secret first');
      const given = headerOf(req, 'x-prodops-secret') ?? req.query.secret;
      if (!jiraSecretMatches(conn.webhookSecret, given))
        throw new AppError(
          'unauthorized',
          'the webhook secret (?secret= or X-Prodops-Secret) does not match',
        );
      const raw = rawBody(req);
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalid([{ path: 'body', message: 'must be JSON' }]);
      }
      const id = headerOf(req, 'x-atlassian-webhook-identifier')?.trim();
      if (id && id.length > 200)
        throw invalid([{ path: 'headers.x-atlassian-webhook-identifier', message: 'is too long' }]);
      const outcome = await receiveJiraDelivery({ db, conn, deliveryId: id || null, payload, now: req.now });
      return { outcome };
    },
  });
}
