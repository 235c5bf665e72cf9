import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { listActiveUsers, recordActiveUsers } from '../../../services/quality/burden.ts';
import { areaQuality, qualityOverview } from '../../../services/quality/confusion.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { notFound } from '../../../shared/errors.ts';
import {
  ZActiveUsersInput,
  ZActiveUsersList,
  ZAreaQualityDetail,
  ZAreaQualityList,
} from '../../../shared/quality.ts';
import { bugLoaders, bugRoutes } from './bugs.ts';

export function qualityLoaders(db: Db) {
  return {
    area_quality: async (_req: unknown, id: string) => {
      const area = await areaOwnerOf(db, id);
      // Said as users name it ("area not found"), not as the resource type.
      if (!area) throw notFound('area');
      return { resource: { type: 'area_quality' as const }, value: area };
    },
    ...bugLoaders(db),
  };
}

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** Issue 15: the velocity framework's quality controls per area (confused customers, Polish Mode). */
export async function qualityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(bugRoutes);
  r.get('/quality/areas', {
    config: { policy: { resource: 'area_quality', action: 'read' } },
    schema: {
      tags: ['quality'],
      summary: "Every area's confused-customer figure, weekly trend and Polish Mode",
      response: { 200: ZAreaQualityList, ...errors },
    },
    handler: async (req) => qualityOverview(req.ctx),
  });
  r.get('/quality/areas/:id', {
    config: { policy: { resource: 'area_quality', action: 'read' } },
    schema: {
      tags: ['quality'],
      summary: "One area's confused-customer figure, trend, Polish Mode and the tickets behind the figure",
      params: ZIdParams,
      response: { 200: ZAreaQualityDetail, 404: ZErrorBody, ...errors },
    },
    handler: async (req) => areaQuality(req.ctx, req.params.id),
  });
  r.get('/areas/:id/active-users', {
    config: { policy: { resource: 'area', action: 'read' } },
    schema: {
      tags: ['quality'],
      summary: "An area's active users per month (what its operational burden divides by)",
      params: ZIdParams,
      response: { 200: ZActiveUsersList, 404: ZErrorBody, ...errors },
    },
    handler: async (req) => ({ months: await listActiveUsers(app.deps.db, req.params.id) }),
  });
  r.post('/areas/:id/active-users', {
    config: { policy: { resource: 'area', action: 'update' } },
    schema: {
      tags: ['quality'],
      summary: "Records an area's active users for months; a month recorded again is replaced",
      params: ZIdParams,
      body: ZActiveUsersInput,
      response: { 200: z.object({ recorded: z.number().int() }), 404: ZErrorBody, ...errors },
    },
    handler: async (req) => ({
      recorded: await recordActiveUsers({
        db: app.deps.db,
        actor: req.actor!,
        areaId: req.params.id,
        entries: req.body.entries,
        timeZone: (await req.ctx.settings()).timeZone,
        now: req.now,
      }),
    }),
  });
}
