import type { FastifyInstance } from 'fastify';
import { feedRoutes } from './feed.ts';
import { followUpRoutes } from './follow-ups.ts';
import { publicationRoutes } from './publication.ts';
import { submissionRoutes } from './submissions.ts';

export { updateLoaders } from './common.ts';

/** C3: the weekly product update (submit, publish, read, feeds), follow-ups. */
export async function updateRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  await submissionRoutes(app);
  await publicationRoutes(app);
  await feedRoutes(app, opts);
  await followUpRoutes(app);
}
