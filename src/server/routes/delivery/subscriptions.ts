import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsubscribeByToken } from '../../../services/delivery/send-links.ts';
import {
  createSubscription,
  deleteSubscription,
  getPreferences,
  listSubscriptions,
  updatePreferences,
  updateSubscription,
} from '../../../services/delivery/subscriptions.ts';
import { ZIdParams } from '../../../shared/common.ts';
import {
  ZPreferences,
  ZPreferencesInput,
  ZSubscription,
  ZSubscriptionInput,
  ZSubscriptionList,
  ZSubscriptionPatch,
  ZUnsubscribed,
} from '../../../shared/delivery.ts';
import { AppError } from '../../../shared/errors.ts';
import { errors } from './common.ts';

/** Preferences, subscriptions, and unsubscribing from the link in every email. */
export async function subscriptionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
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
