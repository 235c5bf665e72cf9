import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { outboundGuard } from '../../../integrations/net/outbound-guard.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  pingWebhook,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhook,
} from '../../../services/webhooks/subscriptions.ts';
import { ZErrorBody, ZIdParams, ZListQuery } from '../../../shared/common.ts';
import {
  type TWebhook,
  ZWebhook,
  ZWebhookDelivery,
  ZWebhookDeliveryList,
  ZWebhookDeliveryParams,
  ZWebhookInput,
  ZWebhookList,
  ZWebhookPatch,
  ZWebhookWithSecret,
} from '../../../shared/webhooks.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const policy = (action: 'read' | 'create' | 'update' | 'delete') => ({
  policy: { resource: 'webhook' as const, action },
});
const ZPageQuery = ZListQuery.pick({ limit: true, cursor: true }).strict();

export function webhookLoaders(db: Db) {
  return { webhook: crudLoader(db, getWebhook, (): Resource => ({ type: 'webhook' })) };
}

/** Issue 18: outbound webhook subscriptions, their deliveries, replay and a test ping (Product Ops and the admin). */
export async function webhookRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  // PRODOPS_WEBHOOK_ALLOW_PRIVATE: which private addresses a subscription may name (none unless the operator says).
  const guard = outboundGuard(app.deps.config.webhookAllowPrivate ?? []);
  const tags = ['webhooks'];
  r.get('/webhooks', {
    config: policy('read'),
    schema: {
      tags,
      summary: 'Outbound webhook subscriptions (never their secrets)',
      querystring: ZPageQuery,
      response: { 200: ZWebhookList, ...errors },
    },
    handler: async (req) => listWebhooks(db, req.query),
  });
  r.post('/webhooks', {
    config: policy('create'),
    schema: {
      tags,
      summary: 'Subscribe a URL to events; the answer carries the signing secret, shown this once',
      body: ZWebhookInput,
      response: { 201: ZWebhookWithSecret, ...errors },
    },
    handler: async (req, reply) => {
      reply.code(201);
      return createWebhook({ db, actor: req.actor!, input: req.body, now: req.now, guard });
    },
  });
  r.get('/webhooks/:id', {
    config: policy('read'),
    schema: { tags, summary: 'One subscription', params: ZIdParams, response: { 200: ZWebhook, ...errors } },
    handler: async (req) => req.loaded as TWebhook,
  });
  r.patch('/webhooks/:id', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Change its URL, description, events or pause it (active: false)',
      params: ZIdParams,
      body: ZWebhookPatch,
      response: { 200: ZWebhook, ...errors },
    },
    handler: async (req) =>
      updateWebhook({ db, actor: req.actor!, id: req.params.id, patch: req.body, now: req.now, guard }),
  });
  r.delete('/webhooks/:id', {
    config: policy('delete'),
    schema: {
      tags,
      summary: 'Remove a subscription',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deleteWebhook({ db, actor: req.actor!, id: req.params.id, now: req.now });
      return reply.status(204).send(null);
    },
  });
  r.post('/webhooks/:id/rotate-secret', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'A new signing secret, shown this once; the old one stops at once',
      params: ZIdParams,
      response: { 200: ZWebhookWithSecret, ...errors },
    },
    handler: async (req) => rotateWebhookSecret({ db, actor: req.actor!, id: req.params.id, now: req.now }),
  });
  r.get('/webhooks/:id/deliveries', {
    config: policy('read'),
    schema: {
      tags,
      summary: "A subscription's deliveries, newest first, each with its attempts",
      params: ZIdParams,
      querystring: ZPageQuery,
      response: { 200: ZWebhookDeliveryList, ...errors },
    },
    handler: async (req) => listWebhookDeliveries(db, { id: req.params.id, ...req.query }),
  });
  r.post('/webhooks/:id/deliveries/:deliveryId/replay', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Send a delivery again: the same event (id and body) as a new delivery',
      params: ZWebhookDeliveryParams,
      response: { 201: ZWebhookDelivery, ...errors },
    },
    handler: async (req, reply) => {
      reply.code(201);
      const { id, deliveryId } = req.params;
      return replayWebhookDelivery({ db, actor: req.actor!, webhookId: id, deliveryId, now: req.now });
    },
  });
  r.post('/webhooks/:id/ping', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Send a test event (ping) to this subscription',
      params: ZIdParams,
      response: { 201: ZWebhookDelivery, ...errors },
    },
    handler: async (req, reply) => {
      reply.code(201);
      return pingWebhook({ db, actor: req.actor!, id: req.params.id, now: req.now });
    },
  });
}
