import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { setItemSize } from '../../../services/roadmap/sizes.ts';
import { podMenu } from '../../../services/velocity/menu.ts';
import { podRows, velocityOverview } from '../../../services/velocity/throughput.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { notFound } from '../../../shared/errors.ts';
import {
  ZItemSize,
  ZItemSizeInput,
  ZMenuQuery,
  ZTradeOffMenu,
  ZVelocityOverview,
  ZVelocityQuery,
} from '../../../shared/velocity.ts';

export function velocityLoaders(db: Db) {
  return {
    velocity: async (_req: unknown, id: string) => {
      const [pod] = await podRows(db, id);
      if (!pod) throw notFound('pod');
      return { resource: { type: 'velocity' as const }, value: pod };
    },
  };
}

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** Issue 15: velocity (launches per pod per week, lead time) and the Head of Product's trade-off menu. */
export async function velocityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/velocity/pods', {
    config: { policy: { resource: 'velocity', action: 'read' } },
    schema: {
      tags: ['velocity'],
      summary: "Every pod's launches per week and lead time from its contract's sign-off to its first launch",
      querystring: ZVelocityQuery,
      response: { 200: ZVelocityOverview, ...errors },
    },
    handler: async (req) => velocityOverview(req.ctx, { weeks: req.query.weeks }),
  });
  r.get('/velocity/pods/:id/menu', {
    config: { policy: { resource: 'velocity', action: 'read' } },
    schema: {
      tags: ['velocity'],
      summary:
        "A pod's trade-off menu: a few items fast or twice as many slow, with the dates each choice implies",
      params: ZIdParams,
      querystring: ZMenuQuery,
      response: { 200: ZTradeOffMenu, 404: ZErrorBody, ...errors },
    },
    handler: async (req) => podMenu(req.ctx, { podId: req.params.id, weeks: req.query.weeks }),
  });
  r.put('/roadmap/items/:id/size', {
    config: { policy: { resource: 'roadmap_item', action: 'update' } },
    schema: {
      tags: ['velocity'],
      summary: "Sets an item's size in engineer-weeks (null clears it); not a roadmap change to ratify",
      params: ZIdParams,
      body: ZItemSizeInput,
      response: { 200: ZItemSize, 404: ZErrorBody, ...errors },
    },
    handler: async (req) =>
      setItemSize({
        db: app.deps.db,
        actor: req.actor!,
        itemId: req.params.id,
        engineerWeeks: req.body.engineerWeeks,
        now: req.now,
      }),
  });
}
