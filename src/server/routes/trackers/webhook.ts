import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyGithubSignature } from '../../../integrations/github/signature.ts';
import { githubConnection } from '../../../services/trackers/connection.ts';
import { receiveGithubDelivery } from '../../../services/trackers/webhook.ts';
import { AppError, invalid } from '../../../shared/errors.ts';
import { headerOf, keepRawJson, rawBody, WEBHOOK_RESPONSES } from './raw-webhook.ts';

/**
 * GitHub's webhook (issues and milestone events). Public to GitHub: the credential is X-Hub-Signature-256, the
 * HMAC of the exact bytes sent under the connection's webhook secret, checked before the body is parsed; a
 * delivery that fails it is refused (401) and writes nothing. A redelivery (same X-GitHub-Delivery) is answered
 * 200 and changes nothing. The webhook must send application/json.
 */
export async function githubWebhookRoute(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  keepRawJson(app);
  app.withTypeProvider<ZodTypeProvider>().post('/integrations/github/webhook', {
    config: { policy: 'public' },
    schema: {
      tags: ['trackers'],
      summary: 'Receives GitHub webhook deliveries (signed with the connection’s webhook secret)',
      response: WEBHOOK_RESPONSES,
    },
    handler: async (req) => {
      const raw = rawBody(req);
      const conn = await githubConnection(db);
      if (!conn?.webhookSecret)
        throw new AppError('unauthorized', 'GitHub webhooks are not set up here: set a webhook secret first');
      if (!verifyGithubSignature(conn.webhookSecret, raw, headerOf(req, 'x-hub-signature-256')))
        throw new AppError(
          'unauthorized',
          'the signature (X-Hub-Signature-256) does not match the webhook secret',
        );
      const deliveryId = headerOf(req, 'x-github-delivery')?.trim();
      const event = headerOf(req, 'x-github-event')?.trim();
      if (!deliveryId || !event || deliveryId.length > 100 || event.length > 100)
        throw invalid([
          ...(!deliveryId || deliveryId.length > 100
            ? [{ path: 'headers.x-github-delivery', message: 'is required' }]
            : []),
          ...(!event || event.length > 100
            ? [{ path: 'headers.x-github-event', message: 'is required' }]
            : []),
        ]);
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalid([
          { path: 'body', message: 'must be JSON (set the webhook’s content type to application/json)' },
        ]);
      }
      const outcome = await receiveGithubDelivery({ db, conn, deliveryId, event, payload, now: req.now });
      return { outcome };
    },
  });
}
