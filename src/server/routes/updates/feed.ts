import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updatesFeed } from '../../../services/updates/feed.ts';
import { textBody } from '../media.ts';
import { errors } from './common.ts';

/** The Atom/RSS feed of published updates (its private token is the credential). */
export async function feedRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  const { db } = app.deps;
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/updates/feed/:file', {
    // Feed readers send no headers: the private token (the same as the calendar feed's) is the credential.
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['updates'],
      summary: 'Atom (.atom) or RSS (.rss) feed of published updates',
      params: z.object({
        file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.(atom|rss)$/, 'must be a feed file name'),
      }),
      response: { 200: textBody('application/atom+xml', 'application/rss+xml'), ...errors },
    },
    handler: async (req, reply) => {
      const [token, ext] = req.params.file.split('.') as [string, string];
      const base = baseUrl(req);
      const feeds = await updatesFeed(db, {
        token,
        baseUrl: base,
        feedUrl: `${base}/api/v1/updates/feed/${req.params.file}`,
      });
      return ext === 'atom'
        ? reply.type('application/atom+xml; charset=utf-8').send(feeds.atom)
        : reply.type('application/rss+xml; charset=utf-8').send(feeds.rss);
    },
  });
}
