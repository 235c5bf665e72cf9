import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { heldBroadcastsOf } from '../../../services/broadcasts/hold.ts';
import type { SendingConfig } from '../../../services/broadcasts/preview.ts';
import { getBroadcast, undoBroadcast } from '../../../services/broadcasts/undo.ts';
import { ZBroadcastHeld, ZBroadcastUndone } from '../../../shared/broadcasts.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** Which channels this server can send on, for a preview's warnings (whether set, never the values). */
export const sendingConfig = (app: FastifyInstance): SendingConfig => ({
  email: Boolean(app.deps.config.smtpUrl),
  slackBot: Boolean(app.deps.config.slackBotToken),
});

export function broadcastLoaders(db: Db) {
  return {
    broadcast: crudLoader(db, getBroadcast, (b): Resource => ({ type: 'broadcast', kind: b.kind })),
  };
}

/** Issue 17: undoing an action that notifies people while its messages are still held. */
export async function broadcastRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  r.get('/broadcasts/held', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['delivery'],
      summary: 'My actions whose messages are still held (their undo window open), oldest first',
      response: { 200: z.array(ZBroadcastHeld), ...errors },
    },
    handler: async (req) => heldBroadcastsOf(db, req.actor!.personId, req.now),
  });
  r.post('/broadcasts/:id/undo', {
    config: { policy: { resource: 'broadcast', action: 'update' } },
    schema: {
      tags: ['delivery'],
      summary:
        'Undo an action (publishing the weekly update or the insights digest, a ratification or rejection, republishing the stakeholder view) while its messages are held: its state is put back and nothing is sent; 409 after the window',
      params: ZIdParams,
      response: { 200: ZBroadcastUndone, ...errors },
    },
    handler: async (req) => undoBroadcast({ db, actor: req.actor!, id: req.params.id, now: req.now }),
  });
}
