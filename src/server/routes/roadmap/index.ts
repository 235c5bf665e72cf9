import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../services/actor.ts';
import { whatChanged } from '../../../services/roadmap/changes.ts';
import { itemHistory } from '../../../services/roadmap/item-history.ts';
import {
  getRoadmapItem,
  listRoadmapItems,
  type RoadmapItemView,
} from '../../../services/roadmap/item-reads.ts';
import { createRoadmapItem, updateRoadmapItem } from '../../../services/roadmap/item-writes.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { invalid } from '../../../shared/errors.ts';
import {
  ZChanges,
  ZChangesQuery,
  ZItemHistory,
  ZRoadmapItem,
  ZRoadmapItemInput,
  ZRoadmapItemList,
  ZRoadmapItemPatch,
  ZRoadmapListQuery,
} from '../../../shared/roadmap.ts';
import { targetAreaOwner } from '../../policies/hook.ts';
import { can, type Resource } from '../../policies/index.ts';
import { readerOf } from './reader.ts';
import { reviewRoutes } from './reviews.ts';
import { viewRoutes } from './view.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['roadmap'];

const itemResource = (i: RoadmapItemView): Resource => ({
  type: 'roadmap_item',
  areaOwnerId: i.areaOwnerId,
  visibility: i.visibility,
});

/** An item a stakeholder may not read is "not found" to them, never "forbidden": its existence is not hinted at. */
export function roadmapLoaders(db: Db) {
  return {
    roadmap_item: async (req: FastifyRequest, id: string) => {
      const item = await getRoadmapItem(db, id, req.now, readerOf(req.actor!));
      return item ? { resource: itemResource(item), value: item } : null;
    },
  };
}

const present = (actor: Actor, i: RoadmapItemView) => ({
  ...i,
  permissions: { update: can(actor, 'update', itemResource(i)), delete: false },
});

export async function roadmapRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;

  r.get('/roadmap/items', {
    config: { policy: { resource: 'roadmap_item', action: 'read' } },
    schema: {
      tags,
      summary: 'Roadmap items (working state)',
      querystring: ZRoadmapListQuery,
      response: { 200: ZRoadmapItemList, ...errors },
    },
    handler: async (req) => {
      const page = await listRoadmapItems(db, req.query, req.now, readerOf(req.actor!));
      return { items: page.items.map((i) => present(req.actor!, i)), nextCursor: page.nextCursor };
    },
  });
  r.get('/roadmap/items/:id', {
    config: { policy: { resource: 'roadmap_item', action: 'read' } },
    schema: {
      tags,
      summary: 'One roadmap item',
      params: ZIdParams,
      response: { 200: ZRoadmapItem, ...errors },
    },
    handler: async (req) => present(req.actor!, req.loaded as RoadmapItemView),
  });
  r.post('/roadmap/items', {
    config: {
      policy: {
        resource: 'roadmap_item',
        action: 'create',
        resolve: async (req) => ({
          type: 'roadmap_item',
          targetAreaOwnerId: (await targetAreaOwner(req)) ?? null,
        }),
      },
    },
    schema: {
      tags,
      summary: 'Add a roadmap item',
      body: ZRoadmapItemInput,
      response: { 201: ZRoadmapItem, ...errors },
    },
    handler: async (req, reply) => {
      const item = await createRoadmapItem({ db, actor: req.actor!, now: req.now, input: req.body });
      return reply.code(201).send(present(req.actor!, item));
    },
  });
  r.patch('/roadmap/items/:id', {
    config: {
      policy: {
        resource: 'roadmap_item',
        action: 'update',
        resolve: async (req) => {
          const { id } = req.params as { id: string };
          if (!z.uuid().safeParse(id).success)
            throw invalid([{ path: 'params.id', message: 'must be an id (uuid)' }]);
          const item = await getRoadmapItem(db, id, req.now, readerOf(req.actor!));
          if (!item) return null;
          req.loaded = item;
          return { ...itemResource(item), targetAreaOwnerId: await targetAreaOwner(req) };
        },
      },
    },
    schema: {
      tags,
      summary: 'Change a roadmap item (a new version; stakeholders see it once ratified)',
      params: ZIdParams,
      body: ZRoadmapItemPatch,
      response: { 200: ZRoadmapItem, ...errors },
    },
    handler: async (req) =>
      present(
        req.actor!,
        await updateRoadmapItem({ db, actor: req.actor!, now: req.now, id: req.params.id, patch: req.body }),
      ),
  });
  r.get('/roadmap/items/:id/history', {
    config: { policy: { resource: 'roadmap_item', action: 'read' } },
    schema: {
      tags,
      summary: "An item's versions, newest first",
      params: ZIdParams,
      response: { 200: ZItemHistory, ...errors },
    },
    handler: async (req) => ({ items: await itemHistory(db, req.params.id, readerOf(req.actor!)) }),
  });
  r.get('/roadmap/changes', {
    config: { policy: { resource: 'roadmap_item', action: 'read' } },
    schema: {
      tags,
      summary: 'What changed since a date or the last review',
      querystring: ZChangesQuery,
      response: { 200: ZChanges, ...errors },
    },
    handler: async (req) => whatChanged(db, req.query.since, readerOf(req.actor!)),
  });
  await r.register(viewRoutes);
  await r.register(reviewRoutes);
}
