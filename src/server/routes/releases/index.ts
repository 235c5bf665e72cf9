import type { FastifyInstance } from 'fastify';
import { bundleRoutes } from './bundle.ts';
import { bundleArtifactRoutes } from './bundle-artifact.ts';
import { gateOverrideRoutes } from './overrides.ts';
import { postLaunchRoutes } from './post-launch.ts';
import { readinessRoutes } from './readiness.ts';
import { releaseCoreRoutes } from './releases.ts';

export { releaseLoaders, releaseResource } from './common.ts';

/** C5: releases, tiers, lead times, enablement bundles, readiness, the release gate and its overrides, post-launch capture. */
export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  await releaseCoreRoutes(app);
  await bundleRoutes(app);
  await bundleArtifactRoutes(app);
  await readinessRoutes(app);
  await gateOverrideRoutes(app);
  await postLaunchRoutes(app);
}
