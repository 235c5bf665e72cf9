import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { artifactVersionById } from '../../../services/artifacts.ts';
import { UNANNOUNCED } from '../../../services/feed/launches.ts';
import { internalOnly } from '../../../services/home/launches.ts';
import { ENABLEMENT_BUNDLE } from '../../../services/releases/bundle.ts';
import { getReleaseBrief, type ReleaseBrief } from '../../../services/releases/releases.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { AppError, invalid } from '../../../shared/errors.ts';
import { type TBundleArtifact, ZBundleArtifact } from '../../../shared/release-detail.ts';
import { jsonBuilt, publishedVersionId, sendPublished } from '../../published-reply.ts';
import { jsonOrText } from '../media.ts';
import { readerOf } from '../roadmap/reader.ts';
import { errors, tags } from './common.ts';

/**
 * A bundle version as it was sent (never the draft). Stakeholders read it as the feed shows launches: not for a
 * held or rolled-back release, nor one shipping only internal or unratified roadmap items. That check runs on
 * every request, before the cache.
 */
async function mayRead(req: FastifyRequest, release: ReleaseBrief): Promise<boolean> {
  if (readerOf(req.actor!) === 'org') return true;
  if (UNANNOUNCED.includes(release.status)) return false;
  return !(await internalOnly(req.server.deps.db, [release.id])).has(release.id);
}

export async function bundleArtifactRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/releases/:id/bundle/artifact', {
    config: {
      policy: {
        resource: 'release',
        action: 'read',
        // The policy needs the owners only: the release's full view (settings, deadlines) is not built here.
        resolve: async (req) => {
          const { id } = req.params as { id: string };
          if (!ZIdParams.shape.id.safeParse(id).success)
            throw invalid([{ path: 'params.id', message: 'must be an id (uuid)' }]);
          const brief = await getReleaseBrief(db, id);
          req.loaded = brief;
          return brief && { type: 'release', areaOwnerId: brief.areaOwnerId, pmOwnerId: brief.pmOwnerId };
        },
      },
    },
    schema: {
      tags,
      summary:
        'A distributed or published enablement bundle version (markdown or JSON), latest or a given one',
      params: ZIdParams,
      querystring: z.strictObject({
        version: z.coerce.number().int().min(1).optional(),
        format: z.enum(['md', 'json']).default('json'),
      }),
      response: { 200: jsonOrText(ZBundleArtifact, 'text/markdown'), ...errors },
    },
    handler: async (req, reply) => {
      const release = req.loaded as ReleaseBrief;
      const { version, format } = req.query;
      const notFound = `no bundle was sent for this release${version ? ` as version ${version}` : ''}`;
      if (!(await mayRead(req, release))) throw new AppError('not_found', notFound);
      const id = await publishedVersionId(req, ENABLEMENT_BUNDLE, release.id, version);
      if (!id) throw new AppError('not_found', notFound);
      return sendPublished(req, reply, {
        key: `bundle:${id}:${format}`,
        notFound,
        build: async () => {
          const row = await artifactVersionById(db, id);
          if (!row) return null;
          if (format === 'md') return { body: row.markdown, type: 'text/markdown; charset=utf-8' };
          const json = row.json as Pick<TBundleArtifact, 'stage' | 'targetDate' | 'sections'>;
          return jsonBuilt(ZBundleArtifact, {
            releaseId: row.key,
            version: row.version,
            stage: json.stage,
            title: row.title,
            publishedAt: row.publishedAt.toISOString(),
            targetDate: json.targetDate,
            sections: json.sections,
            markdown: row.markdown,
          });
        },
      });
    },
  });
}
