import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { releaseBundle, saveBundle } from '../../../services/releases/bundle.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { ZBundle, ZBundleInput, ZBundleRelease } from '../../../shared/releases.ts';
import type { Resource } from '../../policies/index.ts';
import { errors, tags } from './common.ts';

/** The enablement bundle: the draft, and its distribution and publication (Product Ops). */
export async function bundleRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const enablement = {
    policy: {
      resource: 'release_enablement' as const,
      action: 'update' as const,
      // Not a per-release permission: Product Ops distributes every bundle (the service 404s a missing release).
      resolve: async (): Promise<Resource> => ({ type: 'release_enablement' }),
    },
  };

  r.put('/releases/:id/bundle', {
    config: { policy: { resource: 'release', action: 'update' } },
    schema: {
      tags,
      summary: 'Save the enablement bundle draft',
      params: ZIdParams,
      body: ZBundleInput,
      response: { 200: ZBundle, ...errors },
    },
    handler: async (req) =>
      saveBundle({ db, actor: req.actor!, now: req.now, releaseId: req.params.id, input: req.body }),
  });
  for (const [path, stage] of [
    ['distribute', 'distribution'],
    ['publish', 'publication'],
  ] as const) {
    r.post(`/releases/:id/bundle/${path}`, {
      config: enablement,
      schema: {
        tags,
        summary:
          stage === 'distribution'
            ? 'Distribute the bundle to Support/Sales for readiness (a version, delivered)'
            : 'Publish the final bundle (a version, delivered)',
        params: ZIdParams,
        response: { 200: ZBundleRelease, ...errors },
      },
      handler: async (req) =>
        releaseBundle({ db, actor: req.actor!, now: req.now, releaseId: req.params.id, stage }),
    });
  }
}
