import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildFeed, functionOf } from '../../../services/feed/feed.ts';
import { feedForToken } from '../../../services/feed/subscribe.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { ZFeed, ZFeedAudience, ZFeedQuery } from '../../../shared/feed.ts';
import { textBody } from '../media.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 404: ZErrorBody };

/** Issue 17: the stakeholder feed, for every signed-in reader, and as Atom/RSS at the reader's private address. */
export async function feedRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  const { db } = app.deps;
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/feed', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['feed'],
      summary:
        'What ships, by month: launches, the published roadmap and decisions, for my audience by default',
      querystring: ZFeedQuery,
      response: { 200: ZFeed, ...errors },
    },
    handler: async (req) => buildFeed(req.ctx, { ...req.query, readerFunction: await functionOf(req.ctx) }),
  });
  r.get('/feed/:file', {
    // Feed readers send no headers (and may add parameters): the private token in the address is the credential.
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['feed'],
      summary:
        'Atom (.atom) or RSS (.rss) stakeholder feed (the private address POST /calendar/feed-url/rotate makes)',
      params: z.object({
        file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.(atom|rss)$/, 'must be a feed file name'),
      }),
      querystring: z.object({ audience: ZFeedAudience.optional() }),
      response: { 200: textBody('application/atom+xml', 'application/rss+xml'), ...errors },
    },
    handler: async (req, reply) => {
      const [token, ext] = req.params.file.split('.') as [string, string];
      const base = baseUrl(req);
      const feeds = await feedForToken(db, {
        token,
        ...(req.query.audience ? { audience: req.query.audience } : {}),
        baseUrl: base,
        feedUrl: `${base}/api/v1/feed/${req.params.file}`,
        now: req.now,
      });
      return reply
        .type(ext === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(ext === 'atom' ? feeds.atom : feeds.rss);
    },
  });
}
