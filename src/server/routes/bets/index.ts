import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { type BetView, createBet, getBet, listBets, updateBet } from '../../../services/velocity/bets.ts';
import { createBrief, getBrief, updateBrief } from '../../../services/velocity/briefs.ts';
import {
  ZBet,
  ZBetInput,
  ZBetList,
  ZBetPatch,
  ZBetQuery,
  ZBrief,
  ZBriefInput,
  ZBriefPatch,
} from '../../../shared/bets.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { can } from '../../policies/index.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['bets'];

export function betLoaders(db: Db) {
  return {
    bet: async (_req: FastifyRequest, id: string) => {
      const value = await getBet(db, id);
      return value ? { resource: { type: 'bet' as const }, value } : null;
    },
    experiment_brief: async (_req: FastifyRequest, id: string) => {
      const value = await getBrief(db, id);
      return value ? { resource: { type: 'experiment_brief' as const }, value } : null;
    },
  };
}

function present(req: FastifyRequest, view: BetView) {
  const res = { type: 'bet' as const };
  return {
    ...view,
    permissions: { update: can(req.actor!, 'update', res), delete: can(req.actor!, 'delete', res) },
  };
}

const policy = (resource: 'bet' | 'experiment_brief', action: 'read' | 'create' | 'update') => ({
  policy: { resource, action },
});

/** Issue 15 (C7): bets with their profile's cluster and approach, and the experiment briefs under them. */
export async function betRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/bets', {
    config: policy('bet', 'read'),
    schema: {
      tags,
      summary: 'Bets, newest first, by pod and status, each with its cluster and recommended approach',
      querystring: ZBetQuery,
      response: { 200: ZBetList, ...errors },
    },
    handler: async (req) => {
      const page = await listBets(db, req.query);
      return { items: page.items.map((v) => present(req, v)), nextCursor: page.nextCursor };
    },
  });
  r.get('/bets/:id', {
    config: policy('bet', 'read'),
    schema: {
      tags,
      summary: 'One bet: its profile, cluster and approach, pod, roadmap items and experiment briefs',
      params: ZIdParams,
      response: { 200: ZBet, ...errors },
    },
    handler: async (req) => present(req, req.loaded as BetView),
  });
  r.post('/bets', {
    config: policy('bet', 'create'),
    schema: {
      tags,
      summary: 'Record a bet: its pod, owner, profile and the roadmap items it stands behind',
      body: ZBetInput,
      response: { 201: ZBet, ...errors },
    },
    handler: async (req, reply) => {
      const view = await createBet({ db, actor: req.actor!, input: req.body, now: req.now });
      return reply.status(201).send(present(req, view));
    },
  });
  r.patch('/bets/:id', {
    config: policy('bet', 'update'),
    schema: {
      tags,
      summary: 'Change a bet (roadmapItemIds replaces its links; the cluster follows the profile)',
      params: ZIdParams,
      body: ZBetPatch,
      response: { 200: ZBet, ...errors },
    },
    handler: async (req) =>
      present(
        req,
        await updateBet({ db, actor: req.actor!, id: req.params.id, patch: req.body, now: req.now }),
      ),
  });
  r.post('/bets/:id/briefs', {
    config: policy('bet', 'update'),
    schema: {
      tags,
      summary:
        'Record an experiment brief under a bet (an Uncharted bet needs learning goals and a time box)',
      params: ZIdParams,
      body: ZBriefInput,
      response: { 201: ZBrief, ...errors },
    },
    handler: async (req, reply) => {
      const brief = await createBrief({
        db,
        actor: req.actor!,
        betId: req.params.id,
        input: req.body,
        now: req.now,
      });
      return reply.status(201).send(brief);
    },
  });
  r.patch('/briefs/:id', {
    config: policy('experiment_brief', 'update'),
    schema: {
      tags,
      summary: 'Change an experiment brief (null clears its time box or decision)',
      params: ZIdParams,
      body: ZBriefPatch,
      response: { 200: ZBrief, ...errors },
    },
    handler: async (req) =>
      updateBrief({ db, actor: req.actor!, id: req.params.id, patch: req.body, now: req.now }),
  });
}
