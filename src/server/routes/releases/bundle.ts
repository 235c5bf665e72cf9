import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { heldOf } from '../../../services/broadcasts/hold.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { releaseBundle, saveBundle } from '../../../services/releases/bundle.ts';
import { previewBundleRelease } from '../../../services/releases/bundle-preview.ts';
import { ZBroadcastHeld, ZBroadcastPreview } from '../../../shared/broadcasts.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { ZBundle, ZBundleRelease } from '../../../shared/release-detail.ts';
import { ZBundleInput } from '../../../shared/releases.ts';
import type { Resource } from '../../policies/index.ts';
import { sendingConfig } from '../broadcasts/index.ts';
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
    const what =
      stage === 'distribution'
        ? 'Distribute the bundle to Support/Sales for readiness (a version, delivered)'
        : 'Publish the final bundle (a version, delivered)';
    r.get(`/releases/:id/bundle/${path}-preview`, {
      config: enablement,
      schema: {
        tags,
        summary: `What "${what}" would send now: the message, recipients per channel by name, warnings`,
        params: ZIdParams,
        response: { 200: ZBroadcastPreview, ...errors },
      },
      handler: async (req) =>
        previewBundleRelease({
          db,
          actor: req.actor!,
          now: req.now,
          releaseId: req.params.id,
          stage,
          undoSeconds: (await getSettings(db)).broadcast.undoSeconds,
          config: sendingConfig(app),
        }),
    });
    r.post(`/releases/:id/bundle/${path}`, {
      config: enablement,
      schema: {
        tags,
        summary: `${what}, its messages held for the undo window`,
        params: ZIdParams,
        response: { 200: ZBundleRelease.extend({ undo: ZBroadcastHeld.nullable() }), ...errors },
      },
      handler: async (req) => {
        const out = await releaseBundle({
          db,
          actor: req.actor!,
          now: req.now,
          releaseId: req.params.id,
          stage,
          hold: { seconds: (await getSettings(db)).broadcast.undoSeconds },
        });
        return { version: out.version, stage: out.stage, on: out.on, undo: await heldOf(db, out.hold) };
      },
    });
  }
}
