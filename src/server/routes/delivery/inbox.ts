import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listInbox, markRead } from '../../../services/delivery/inbox.ts';
import { ZIdParams, ZListQuery } from '../../../shared/common.ts';
import { ZInboxList } from '../../../shared/delivery.ts';
import { errors } from './common.ts';

/** My in-app inbox. */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/inbox', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'My in-app inbox, newest first',
      querystring: ZListQuery.omit({ q: true }),
      response: { 200: ZInboxList, ...errors },
    },
    handler: async (req) => listInbox(db, req.principal!.personId, { ...req.query, now: req.now }),
  });
  r.post('/inbox/:id/read', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Mark one inbox item read',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markRead(db, req.principal!.personId, req.params.id, req.now);
      return reply.status(204).send(null);
    },
  });
  r.post('/inbox/read-all', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'Mark my whole inbox read',
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markRead(db, req.principal!.personId, 'all', req.now);
      return reply.status(204).send(null);
    },
  });
}
