import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  deliverableExists,
  getPlan,
  startPlan,
  tickDeliverable,
  updateTimebox,
} from '../../../services/plan/plan.ts';
import { listRetros, recordRetro, retroFacilitator } from '../../../services/plan/retros.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import {
  type TRetroWeek,
  ZPlan,
  ZPlanStart,
  ZRetroInput,
  ZRetroParams,
  ZRetroView,
  ZTick,
  ZTimeboxParams,
  ZTimeboxPatch,
} from '../../../shared/plan.ts';
import { can } from '../../policies/index.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['plan'];

const policy = (action: 'read' | 'create' | 'update') => ({ policy: { resource: 'plan' as const, action } });

/** A retrospective's write is decided with its facilitator, who may record it without managing the plan. */
const retroPolicy = (action: 'read' | 'update') => ({
  policy: {
    resource: 'plan_retro' as const,
    action,
    resolve: async (req: FastifyRequest) => ({
      type: 'plan_retro' as const,
      facilitatorId: await retroFacilitator(req.server.deps.db),
    }),
  },
});

export function planLoaders(db: Db) {
  return {
    plan: async (_req: FastifyRequest, id: string) =>
      (await deliverableExists(db, id)) ? { resource: { type: 'plan' as const }, value: id } : null,
  };
}

/** Issue 16 (C8): the 30/60/90 plan, its deliverables judged from the records, and its retrospectives. */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const present = async (req: FastifyRequest) => {
    const plan = await getPlan(req.ctx);
    const facilitatorId = await retroFacilitator(db);
    return {
      ...plan,
      permissions: {
        update: can(req.actor!, 'update', { type: 'plan' }),
        recordRetro: can(req.actor!, 'update', { type: 'plan_retro', facilitatorId }),
      },
    };
  };

  r.get('/plan', {
    config: policy('read'),
    schema: {
      tags,
      summary:
        'The 30/60/90 plan: timeboxes, each deliverable done / not yet / missed with its figure and records',
      response: { 200: ZPlan, ...errors },
    },
    handler: async (req) => present(req),
  });
  r.post('/plan', {
    config: policy('create'),
    schema: {
      tags,
      summary:
        'Start the plan from the pack (or move its start date); schedules the week 4 / 8 / 12 retrospectives',
      body: ZPlanStart,
      response: { 200: ZPlan, ...errors },
    },
    handler: async (req) => {
      await startPlan({ db, actor: req.actor!, startOn: req.body.startOn, now: req.now });
      return present(req);
    },
  });
  r.patch('/plan/timeboxes/:n', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Edit a timebox: goal, scope, pilot area, metrics, risks',
      params: ZTimeboxParams,
      body: ZTimeboxPatch,
      response: { 200: ZPlan, ...errors },
    },
    handler: async (req) => {
      await updateTimebox({ db, actor: req.actor!, n: req.params.n, patch: req.body, now: req.now });
      return present(req);
    },
  });
  r.post('/plan/deliverables/:id/tick', {
    config: policy('update'),
    schema: {
      tags,
      summary: 'Tick or untick a manual deliverable, with a note saying why',
      params: ZIdParams,
      body: ZTick,
      response: { 200: ZPlan, ...errors },
    },
    handler: async (req) => {
      await tickDeliverable({ db, actor: req.actor!, id: req.params.id, tick: req.body, now: req.now });
      return present(req);
    },
  });
  r.get('/plan/retros', {
    config: retroPolicy('read'),
    schema: {
      tags,
      summary: 'The week 4 / 8 / 12 retrospectives: when, who facilitates, what was recorded',
      response: { 200: z.object({ items: z.array(ZRetroView) }), ...errors },
    },
    handler: async () => ({ items: await listRetros(db) }),
  });
  r.put('/plan/retros/:week', {
    config: retroPolicy('update'),
    schema: {
      tags,
      summary:
        'Record a retrospective (working, overhead, adjust, actions with owners): its artifact is produced',
      params: ZRetroParams,
      body: ZRetroInput,
      response: { 200: ZRetroView, ...errors },
    },
    handler: async (req) => {
      const week = req.params.week as TRetroWeek;
      await recordRetro({ db, actor: req.actor!, week, input: req.body, now: req.now });
      return (await listRetros(db)).find((x) => x.week === week)!;
    },
  });
}
