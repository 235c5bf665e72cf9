import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homeFor } from '../../../services/home/home.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { ZHome } from '../../../shared/home.ts';

/** Issue 17: the home per role, the product's front door. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/home', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['home'],
      summary: "The signed-in person's home: their roles' sections, in the org's time zone",
      response: { 200: ZHome, 401: ZErrorBody },
    },
    handler: async (req) => homeFor(req.ctx),
  });
}
