import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignRouting,
  disposeRouting,
  listRoutings,
  runWeeklyTriage,
} from '../../../services/insights/triage.ts';
import { ZIsoWeek } from '../../../shared/common.ts';
import { notFound } from '../../../shared/errors.ts';
import {
  ZDispositionInput,
  ZRouting,
  ZRoutingAssignInput,
  ZRoutingList,
  ZTriageResult,
} from '../../../shared/insights.ts';
import { errors, managers, tags } from './common.ts';

/** The weekly triage: routed themes, their owners and the PMs' dispositions. */
export async function triageRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/insights/triage', {
    config: managers,
    schema: {
      tags,
      summary: "Run the week's triage now: route the top themes to their PMs",
      body: z.strictObject({ week: ZIsoWeek.optional() }).optional(),
      response: { 200: ZTriageResult, ...errors },
    },
    handler: async (req) => runWeeklyTriage({ db, actor: req.actor!, now: req.now, week: req.body?.week }),
  });
  r.get('/insights/routings', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Routed themes and their dispositions',
      querystring: z.strictObject({
        week: ZIsoWeek.optional(),
        /** true: not decided yet; false: decided. */
        open: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
        mine: z.enum(['true', 'false']).optional(),
      }),
      response: { 200: ZRoutingList, ...errors },
    },
    handler: async (req) => ({
      items: await listRoutings(db, {
        week: req.query.week,
        open: req.query.open,
        ownerId: req.query.mine === 'true' ? (req.actor!.personId ?? undefined) : undefined,
      }),
    }),
  });
  r.get('/insights/routings/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'One routed theme with its evidence and disposition',
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) => {
      const [routing] = await listRoutings(db, { id: req.params.id });
      if (!routing) throw notFound('routing');
      return routing;
    },
  });
  r.post('/insights/routings/:id/disposition', {
    config: { policy: { resource: 'insight_routing', action: 'update' } },
    schema: {
      tags,
      summary: "The PM's decision: backlog, needs research, already addressed, won't do (with why)",
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      body: ZDispositionInput,
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) =>
      disposeRouting({ db, actor: req.actor!, now: req.now, id: req.params.id, input: req.body }),
  });
  r.post('/insights/routings/:id/assign', {
    config: managers,
    schema: {
      tags,
      summary: 'Give a routed theme an owner (Product Ops): an area and its PM, or a PM named outright',
      params: z.object({ id: z.uuid({ message: 'must be an id (uuid)' }) }),
      body: ZRoutingAssignInput,
      response: { 200: ZRouting, ...errors },
    },
    handler: async (req) =>
      assignRouting({ db, actor: req.actor!, now: req.now, id: req.params.id, input: req.body }),
  });
}
