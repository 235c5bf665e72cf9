import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listDeliveries, retryDelivery } from '../../../services/delivery/deliveries.ts';
import { ZIdParams } from '../../../shared/common.ts';
import {
  type TDeliveryDetail,
  ZDeliveryDetail,
  ZDeliveryList,
  ZDeliveryQuery,
} from '../../../shared/delivery.ts';
import { errors } from './common.ts';

/** The delivery log, with dead-letter retry. */
export async function deliveryLogRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/deliveries', {
    config: { policy: { resource: 'delivery', action: 'read' } },
    schema: {
      tags: ['delivery'],
      summary: 'The delivery log: every message, its recipient and state, newest first',
      querystring: ZDeliveryQuery,
      response: { 200: ZDeliveryList, ...errors },
    },
    handler: async (req) => listDeliveries(db, req.query),
  });
  r.get('/deliveries/:id', {
    config: { policy: { resource: 'delivery', action: 'read' } },
    schema: {
      tags: ['delivery'],
      summary: 'One delivery with every attempt',
      params: ZIdParams,
      response: { 200: ZDeliveryDetail, ...errors },
    },
    handler: async (req) => req.loaded as TDeliveryDetail,
  });
  r.post('/deliveries/:id/retry', {
    config: { policy: { resource: 'delivery', action: 'update' } },
    schema: {
      tags: ['delivery'],
      summary: 'Send a dead letter again',
      params: ZIdParams,
      response: { 200: ZDeliveryDetail, ...errors },
    },
    handler: async (req) => {
      const d = await retryDelivery({ db, actor: req.actor!, now: req.now, id: req.params.id });
      return d;
    },
  });
}
