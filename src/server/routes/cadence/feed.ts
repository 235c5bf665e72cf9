import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarFeed, feedKey, rotateFeedToken } from '../../../services/cadence/feed.ts';
import { ZFeedKey, ZFeedUrls } from '../../../shared/cadence.ts';
import { AppError } from '../../../shared/errors.ts';
import { textBody } from '../media.ts';
import { errors } from './common.ts';

/** My private iCalendar feed: its URL, replacing it, and the feed itself. */
export async function feedRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/calendar/feed-url', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['cadence'],
      summary:
        'Whether I have a private feed URL and since when (it is shown only when made: POST /calendar/feed-url/rotate)',
      response: { 200: ZFeedKey, ...errors },
    },
    handler: async (req) => feedKey(db, req.principal!.personId),
  });
  r.post('/calendar/feed-url/rotate', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['cadence'],
      summary: 'Make my private feed URLs (calendar, Atom/RSS), shown this once; any old ones stop working',
      response: { 200: ZFeedUrls, ...errors },
    },
    handler: async (req) => rotateFeedToken(db, req.principal!.personId, baseUrl(req), req.now),
  });
  r.get('/calendar/feed/:file', {
    // The token in the URL is the credential: calendar apps cannot send headers (and may add parameters).
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['cadence'],
      summary: 'iCalendar feed (the private URL POST /calendar/feed-url/rotate made)',
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'must be a feed file name') }),
      response: { 200: textBody('text/calendar'), ...errors },
    },
    handler: async (req, reply) => {
      const ics = await calendarFeed(db, req.params.file.replace(/\.ics$/, ''), baseUrl(req), req.now);
      if (ics === null) throw new AppError('not_found', 'no such calendar feed (it may have been replaced)');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ics);
    },
  });
}
