import type { FastifyInstance } from 'fastify';
import { digestRoutes } from './digest.ts';
import { itemRoutes } from './items.ts';
import { themeRoutes } from './themes.ts';
import { triageRoutes } from './triage.ts';

export { insightLoaders } from './common.ts';

/** C6: intake, the triage inbox and corrections, themes, weekly routing and dispositions, the monthly digest. */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  await itemRoutes(app);
  await themeRoutes(app);
  await triageRoutes(app);
  await digestRoutes(app);
}
