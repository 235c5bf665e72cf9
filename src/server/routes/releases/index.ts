import type { FastifyInstance } from 'fastify';
import { bundleRoutes } from './bundle.ts';
import { postLaunchRoutes } from './post-launch.ts';
import { readinessRoutes } from './readiness.ts';
import { releaseCoreRoutes } from './releases.ts';

export { releaseLoaders, releaseResource } from './common.ts';

/** C5: releases, tiers, lead times, enablement bundles, readiness, the release gate, post-launch capture. */
export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  await releaseCoreRoutes(app);
  await bundleRoutes(app);
  await readinessRoutes(app);
  await postLaunchRoutes(app);
}
