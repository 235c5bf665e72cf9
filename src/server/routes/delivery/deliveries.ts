import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listDeliveries, retryDelivery } from '../../../services/delivery/deliveries.ts';
import {
  deliveryConfiguration,
  listDeliveryGroups,
  retryMessage,
} from '../../../services/delivery/message-groups.ts';
import { ZIdParams } from '../../../shared/common.ts';
import {
  type TDeliveryDetail,
  ZDeliveryConfiguration,
  ZDeliveryDetail,
  ZDeliveryGroupList,
  ZDeliveryList,
  ZDeliveryMessageRef,
  ZDeliveryQuery,
  ZMessageRetried,
} from '../../../shared/delivery.ts';
import { errors } from './common.ts';

/** The delivery log, per copy and per message, with dead-letter retry (one copy, or a message's all). */
export async function deliveryLogRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
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
  r.get('/deliveries/messages', {
    config: { policy: { resource: 'delivery', action: 'read' } },
    schema: {
      tags: ['delivery'],
      summary:
        'The delivery log by message: counts per channel, failures grouped by reason, recipients by name',
      querystring: ZDeliveryQuery,
      response: { 200: ZDeliveryGroupList, ...errors },
    },
    handler: async (req) => listDeliveryGroups(db, req.query),
  });
  r.post('/deliveries/messages/retry', {
    config: { policy: { resource: 'delivery', action: 'update' } },
    schema: {
      tags: ['delivery'],
      summary: 'Send every dead letter of one message again (none left: nothing changes)',
      body: ZDeliveryMessageRef,
      response: { 200: ZMessageRetried, ...errors },
    },
    handler: async (req) => retryMessage({ db, actor: req.actor!, key: req.body, now: req.now }),
  });
  r.get('/deliveries/configuration', {
    config: { policy: { resource: 'delivery', action: 'read' } },
    schema: {
      tags: ['delivery'],
      summary: 'Whether email (SMTP) and the Slack bot are set up, and the settings that do it (no secrets)',
      response: { 200: ZDeliveryConfiguration, ...errors },
    },
    handler: async () =>
      deliveryConfiguration({ smtpUrl: config.smtpUrl, slackBotToken: config.slackBotToken }),
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
