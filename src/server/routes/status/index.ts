import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { answerStatus } from '../../../services/status/answer.ts';
import { statusRequestWeeks } from '../../../services/status/pings.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import {
  ZStatusAnswer,
  ZStatusQuery,
  ZStatusRequestsQuery,
  ZStatusRequestWeeks,
} from '../../../shared/status.ts';
import { readerOf } from '../roadmap/reader.ts';

/** Where the question came from: the CLI and the web app say so; anything else is the API. */
const channelOf = (client: unknown): 'cli' | 'web' | 'api' =>
  client === 'cli' || client === 'web' ? client : 'api';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** Issue 14: "what's the status of X?" answered from the records, as the asker may read them. */
export async function statusRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.withTypeProvider<ZodTypeProvider>().get('/status', {
    config: { policy: { resource: 'status', action: 'read' } },
    schema: {
      tags: ['status'],
      summary: 'The status of a thing named in words: one card, the top three to pick from, or who to ask',
      querystring: ZStatusQuery,
      response: { 200: ZStatusAnswer, ...errors },
    },
    handler: async (req) =>
      answerStatus({
        db,
        now: req.now,
        q: req.query.q,
        pick:
          req.query.subject && req.query.id ? { subject: req.query.subject, id: req.query.id } : undefined,
        reader: readerOf(req.actor!),
        personId: req.actor!.personId,
        channel: channelOf(req.headers['x-prodops-client']),
      }),
  });
  app.withTypeProvider<ZodTypeProvider>().get('/status-requests', {
    config: { policy: { resource: 'status_requests', action: 'read' } },
    schema: {
      tags: ['status'],
      summary:
        'The status-request count per week: pings found in chat (by channel and area) and questions answered instead',
      querystring: ZStatusRequestsQuery,
      response: { 200: ZStatusRequestWeeks, ...errors },
    },
    handler: async (req) => statusRequestWeeks(db, req.query),
  });
}
