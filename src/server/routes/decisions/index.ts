import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { recordDecision, revisitDecision } from '../../../services/decisions/decisions.ts';
import { type DecisionView, getDecision, listDecisions } from '../../../services/decisions/view.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import {
  ZDecisionLogEntry,
  ZDecisionLogInput,
  ZDecisionLogList,
  ZDecisionLogQuery,
  ZRevisitInput,
} from '../../../shared/decisions.ts';
import { can, type Resource } from '../../policies/index.ts';
import { readerOf } from '../roadmap/reader.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['decisions'];

export const decisionResource = (d: Pick<DecisionView, 'ownerId'>): Resource => ({
  type: 'decision',
  ownerId: d.ownerId,
});

export function decisionsLoaders(db: Db) {
  return {
    decision: async (req: FastifyRequest, id: string) => {
      const value = await getDecision(db, id, req.now, readerOf(req.actor!));
      return value ? { resource: decisionResource(value), value } : null;
    },
  };
}

function present(req: FastifyRequest, view: DecisionView) {
  const res = decisionResource(view);
  return {
    ...view,
    permissions: { update: can(req.actor!, 'update', res), delete: can(req.actor!, 'delete', res) },
  };
}

const policy = (action: 'read' | 'create' | 'update') => ({
  policy: { resource: 'decision' as const, action },
});

/** C4: the decision log. Append-only: no PATCH, no DELETE; a decision is revisited (kept) or superseded. */
export async function decisionsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/decisions', {
    config: policy('read'),
    schema: {
      tags,
      summary: 'Search and filter the decision log (newest first)',
      querystring: ZDecisionLogQuery,
      response: { 200: ZDecisionLogList, ...errors },
    },
    handler: async (req) => {
      const page = await listDecisions(db, req.query, req.now, readerOf(req.actor!));
      return { items: page.items.map((v) => present(req, v)), nextCursor: page.nextCursor };
    },
  });
  r.get('/decisions/:id', {
    config: policy('read'),
    schema: {
      tags,
      summary: 'One decision with its links and history',
      params: ZIdParams,
      response: { 200: ZDecisionLogEntry, ...errors },
    },
    handler: async (req) => present(req, req.loaded as DecisionView),
  });
  r.post('/decisions', {
    config: policy('create'),
    schema: {
      tags,
      summary: 'Record a decision (date, decision, context, options, rationale, owner, review date, links)',
      body: ZDecisionLogInput,
      response: { 201: ZDecisionLogEntry, ...errors },
    },
    handler: async (req, reply) => {
      const view = await recordDecision({ db, actor: req.actor!, now: req.now, input: req.body });
      return reply.status(201).send(present(req, view));
    },
  });
  r.post('/decisions/:id/revisit', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Revisit a decision: keep it with a new review date, or supersede it with a new decision',
      params: ZIdParams,
      body: ZRevisitInput,
      response: { 200: ZDecisionLogEntry, ...errors },
    },
    handler: async (req) =>
      present(
        req,
        await revisitDecision({ db, actor: req.actor!, now: req.now, id: req.params.id, input: req.body }),
      ),
  });
}
