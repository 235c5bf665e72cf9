import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeFollowUp, listFollowUps } from '../../../services/updates/follow-ups.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { ZFollowUpList } from '../../../shared/updates.ts';
import { errors } from './common.ts';

/** Follow-ups from flagged risks. */
export async function followUpRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/follow-ups', {
    config: { policy: { resource: 'follow_up', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: 'Follow-ups from flagged risks',
      querystring: z.strictObject({
        status: z.enum(['open', 'closed']).optional(),
        areaId: z.uuid().optional(),
      }),
      response: { 200: ZFollowUpList, ...errors },
    },
    handler: async (req) => ({ items: await listFollowUps(db, req.query) }),
  });
  r.post('/follow-ups/:id/close', {
    config: { policy: { resource: 'follow_up', action: 'update' } },
    schema: {
      tags: ['updates'],
      summary: 'Close a follow-up',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await closeFollowUp({ db, actor: req.actor!, now: req.now, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
}
