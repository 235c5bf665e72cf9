import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
} from '../../../services/delivery/channels.ts';
import { getDelivery, listDeliveries, retryDelivery } from '../../../services/delivery/deliveries.ts';
import { listInbox, markRead } from '../../../services/delivery/inbox.ts';
import {
  createSubscription,
  deleteSubscription,
  getPreferences,
  listSubscriptions,
  unsubscribeByToken,
  updatePreferences,
  updateSubscription,
} from '../../../services/delivery/subscriptions.ts';
import { ZErrorBody, ZIdParams, ZListQuery } from '../../../shared/common.ts';
import {
  type TDeliveryDetail,
  ZChannel,
  ZChannelInput,
  ZChannelList,
  ZChannelPatch,
  ZDeliveryDetail,
  ZDeliveryList,
  ZDeliveryQuery,
  ZInboxList,
  ZPreferences,
  ZPreferencesInput,
  ZSubscription,
  ZSubscriptionInput,
  ZSubscriptionList,
  ZSubscriptionPatch,
  ZUnsubscribed,
} from '../../../shared/delivery.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader, registerCrud } from '../crud.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const channelResource = (): Resource => ({ type: 'channel' });
export function deliveryLoaders(db: Db) {
  return {
    channel: crudLoader(db, getChannel, channelResource),
    delivery: crudLoader(db, getDelivery, (): Resource => ({ type: 'delivery' })),
  };
}

/** C2 delivery: channels, subscriptions and preferences, the delivery log with dead-letter retry, the inbox. */
export async function deliveryRoutes(
  app: FastifyInstance,
  opts: { allowAnyWebhookHost: boolean },
): Promise<void> {
  const { db } = app.deps;
  const allowAnyWebhookHost = opts.allowAnyWebhookHost;
  registerCrud(app, {
    path: '/channels',
    resource: 'channel',
    label: 'channels',
    schemas: { input: ZChannelInput, patch: ZChannelPatch, item: ZChannel, list: ZChannelList },
    services: {
      list: listChannels,
      get: getChannel,
      create: (o) => createChannel({ ...o, allowAnyWebhookHost }),
      update: (o) => updateChannel({ ...o, allowAnyWebhookHost }),
      remove: deleteChannel,
    },
    resourceOf: channelResource,
  });
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
  r.get('/inbox', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'My in-app inbox, newest first',
      querystring: ZListQuery.omit({ q: true }),
      response: { 200: ZInboxList, ...errors },
    },
    handler: async (req) => listInbox(db, req.principal!.personId, req.query),
  });
  r.post('/inbox/:id/read', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Mark one inbox item read',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markRead(db, req.principal!.personId, req.params.id, req.now);
      return reply.status(204).send(null);
    },
  });
  r.post('/inbox/read-all', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Mark my whole inbox read',
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markRead(db, req.principal!.personId, 'all', req.now);
      return reply.status(204).send(null);
    },
  });
  r.get('/me/preferences', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'How notifications reach me, my defaults and subscriptions',
      response: { 200: ZPreferences, ...errors },
    },
    handler: async (req) => getPreferences(db, req.principal!.personId),
  });
  r.put('/me/preferences', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Choose the channels that reach me',
      body: ZPreferencesInput,
      response: { 200: ZPreferences, ...errors },
    },
    handler: async (req) =>
      updatePreferences({
        now: req.now,
        db,
        actor: req.actor!,
        via: req.body.via,
        emailUnsubscribed: req.body.emailUnsubscribed,
      }),
  });
  r.get('/subscriptions', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: "My subscriptions (Product Ops: everyone's with all=true)",
      querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
      response: { 200: ZSubscriptionList, ...errors },
    },
    handler: async (req) => ({ items: await listSubscriptions(db, req.actor!, req.query.all === 'true') }),
  });
  r.post('/subscriptions', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Subscribe myself (or, for Product Ops, a channel) to an artifact kind',
      body: ZSubscriptionInput,
      response: { 201: ZSubscription, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createSubscription({ db, actor: req.actor!, input: req.body })),
  });
  r.patch('/subscriptions/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Change how far a roadmap item must move before this subscription hears of it',
      params: ZIdParams,
      body: ZSubscriptionPatch,
      response: { 200: ZSubscription, ...errors },
    },
    handler: async (req) =>
      updateSubscription({ db, actor: req.actor!, id: req.params.id, toleranceDays: req.body.toleranceDays }),
  });
  r.delete('/subscriptions/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Remove a subscription',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await deleteSubscription({ db, actor: req.actor!, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
  const unsubscribe = async (token: string, now: Date) => {
    if (!(await unsubscribeByToken(db, token, now)))
      throw new AppError('not_found', 'this unsubscribe link is not valid');
    return {
      unsubscribed: true as const,
      message: 'You will get no more email from prodops. Change this any time under your preferences.',
    };
  };
  const ZToken = z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be an unsubscribe token'),
  });
  // Public: the link in every email (RFC 8058 one-click POST, and a plain GET for people who click it). Mail
  // software may add parameters to it: they are ignored (anyQuery), so stopping email never fails on them.
  r.get('/unsubscribe/:token', {
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['delivery'],
      summary: 'Stop email (link in every email)',
      params: ZToken,
      response: { 200: ZUnsubscribed, ...errors },
    },
    handler: async (req) => unsubscribe(req.params.token, req.now),
  });
  r.post('/unsubscribe/:token', {
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['delivery'],
      summary: 'One-click unsubscribe (RFC 8058)',
      params: ZToken,
      response: { 200: ZUnsubscribed, ...errors },
    },
    handler: async (req) => unsubscribe(req.params.token, req.now),
  });
}
