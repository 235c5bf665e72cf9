import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyGithubSignature } from '../../../integrations/github/signature.ts';
import { githubConnection } from '../../../services/trackers/connection.ts';
import { receiveGithubDelivery } from '../../../services/trackers/webhook.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { AppError, invalid } from '../../../shared/errors.ts';

const JSON_TYPE = 'application/json';

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * GitHub's webhook (issues and milestone events). Public to GitHub: the credential is X-Hub-Signature-256, the
 * HMAC of the exact bytes sent under the connection's webhook secret, checked before the body is parsed; a
 * delivery that fails it is refused (401) and writes nothing. A redelivery (same X-GitHub-Delivery) is answered
 * 200 and changes nothing. The webhook must send application/json.
 */
export async function githubWebhookRoute(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  // This scope keeps the raw bytes: the signature covers them, not a re-serialisation of the parsed JSON.
  app.removeContentTypeParser(JSON_TYPE);
  app.addContentTypeParser(JSON_TYPE, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.withTypeProvider<ZodTypeProvider>().post('/integrations/github/webhook', {
    config: { policy: 'public' },
    schema: {
      tags: ['trackers'],
      summary: 'Receives GitHub webhook deliveries (signed with the connection’s webhook secret)',
      response: {
        200: z.object({ outcome: z.enum(['applied', 'duplicate', 'ignored']) }),
        400: ZErrorBody,
        401: ZErrorBody,
      },
    },
    handler: async (req) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const conn = await githubConnection(db);
      if (!conn?.webhookSecret)
        throw new AppError('unauthorized', 'GitHub webhooks are not set up here: set a webhook secret first');
      if (!verifyGithubSignature(conn.webhookSecret, raw, header(req, 'x-hub-signature-256')))
        throw new AppError(
          'unauthorized',
          'the signature (X-Hub-Signature-256) does not match the webhook secret',
        );
      const deliveryId = header(req, 'x-github-delivery')?.trim();
      const event = header(req, 'x-github-event')?.trim();
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
