import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  completePostLaunch,
  listActionItems,
  setActionItemStatus,
} from '../../../services/releases/post-launch.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { ZActionItem, ZActionItemList, ZPostLaunch } from '../../../shared/release-detail.ts';
import {
  ACTION_ITEM_STATUSES,
  ZActionItemPatch,
  ZPostLaunchInput,
  ZPostLaunchParams,
} from '../../../shared/releases.ts';
import { errors, readinessPolicy, tags } from './common.ts';

/** Post-launch capture (Day 3, Day 14) and the retro's action items. */
export async function postLaunchRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/release-action-items', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Action items from Day 14 retros, owned by Product Ops',
      querystring: z.strictObject({ status: z.enum(ACTION_ITEM_STATUSES).optional() }),
      response: { 200: ZActionItemList, ...errors },
    },
    handler: async (req) => ({ items: await listActionItems(db, req.query) }),
  });
  r.patch('/release-action-items/:id', {
    config: { policy: { resource: 'release_action_item', action: 'update' } },
    schema: {
      tags,
      summary: 'Close or reopen a retro action item',
      params: ZIdParams,
      body: ZActionItemPatch,
      response: { 200: ZActionItem, ...errors },
    },
    handler: async (req) =>
      setActionItemStatus({
        db,
        actor: req.actor!,
        now: req.now,
        id: req.params.id,
        status: req.body.status,
      }),
  });

  r.put('/releases/:id/post-launch/:kind', {
    config: { policy: readinessPolicy(db, () => 'post_launch') },
    schema: {
      tags,
      summary: 'Answer the Day 3 check-in or the Day 14 retro (1–3 action items)',
      params: ZPostLaunchParams,
      body: ZPostLaunchInput,
      response: { 200: ZPostLaunch, ...errors },
    },
    handler: async (req) =>
      completePostLaunch({
        now: req.now,
        db,
        actor: req.actor!,
        releaseId: req.params.id,
        kind: req.params.kind,
        input: req.body,
      }),
  });
}
