import type { FastifyInstance } from 'fastify';
import { feedRoutes } from './feed.ts';
import { occurrenceRoutes } from './occurrences.ts';
import { ritualRoutes } from './rituals.ts';

export { cadenceLoaders } from './common.ts';

/**
 * C2: rituals, their occurrences and attendance, adoption, and the calendar feed.
 * `publicUrl` is PRODOPS_PUBLIC_URL when set; otherwise links follow the address the caller used (right behind
 * a port chosen at start, or a name the operator did not configure).
 */
export async function cadenceRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  await ritualRoutes(app);
  await occurrenceRoutes(app);
  await feedRoutes(app, opts);
}
