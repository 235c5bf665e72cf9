import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZLinearEnvelope } from '../../../integrations/linear/payloads.ts';
import { freshTimestamp, verifyLinearSignature } from '../../../integrations/linear/signature.ts';
import { trackerConnection } from '../../../services/trackers/connection.ts';
import { receiveLinearDelivery } from '../../../services/trackers/linear-webhook.ts';
import { refusePayload } from '../../../services/trackers/webhook.ts';
import { AppError, invalid } from '../../../shared/errors.ts';
import { headerOf, keepRawJson, rawBody, WEBHOOK_RESPONSES } from './raw-webhook.ts';

/**
 * Linear's webhook (Issue and Project data changes). Public to Linear: the credential is Linear-Signature, the hex
 * HMAC-SHA256 of the exact bytes under the connection's signing secret, checked before the body is parsed; then
 * the payload's webhookTimestamp must be within a minute of the server's clock (a replayed delivery is refused).
 * Either failing is a 401 that writes nothing. A redelivery (same Linear-Delivery) changes nothing.
 */
export async function linearWebhookRoute(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  keepRawJson(app);
  app.withTypeProvider<ZodTypeProvider>().post('/integrations/linear/webhook', {
    config: { policy: 'public' },
    schema: {
      tags: ['trackers'],
      summary: 'Receives Linear webhook deliveries (signed with the connection’s signing secret)',
      response: WEBHOOK_RESPONSES,
    },
    handler: async (req) => {
      const raw = rawBody(req);
      const conn = await trackerConnection(db, 'linear');
      if (!conn?.webhookSecret)
        throw new AppError('unauthorized', 'Linear webhooks are not set up here: set a signing secret first');
      if (!verifyLinearSignature(conn.webhookSecret, raw, headerOf(req, 'linear-signature')))
        throw new AppError(
          'unauthorized',
          'the signature (Linear-Signature) does not match the signing secret',
        );
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw invalid([{ path: 'body', message: 'must be JSON' }]);
      }
      const envelope = ZLinearEnvelope.safeParse(json);
      if (!envelope.success) throw refusePayload(envelope.error);
      if (!freshTimestamp(envelope.data.webhookTimestamp, req.now))
        throw new AppError(
          'unauthorized',
          'the delivery is stale (webhookTimestamp more than a minute away)',
        );
      const deliveryId = headerOf(req, 'linear-delivery')?.trim();
      if (!deliveryId || deliveryId.length > 100)
        throw invalid([{ path: 'headers.linear-delivery', message: 'is required' }]);
      const outcome = await receiveLinearDelivery({
        db,
        conn,
        deliveryId,
        type: envelope.data.type,
        data: envelope.data.data,
        now: req.now,
      });
      return { outcome };
    },
  });
}
