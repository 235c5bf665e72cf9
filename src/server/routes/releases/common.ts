import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { getActionItem } from '../../../services/releases/post-launch.ts';
import { getRelease, type ReleaseView } from '../../../services/releases/releases.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { invalid } from '../../../shared/errors.ts';
import { READINESS_PARTS } from '../../../shared/release-detail.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
export const tags = ['releases'];
export const releaseResource = (r: ReleaseView): Resource => ({
  type: 'release',
  areaOwnerId: r.areaOwnerId,
  pmOwnerId: r.pmOwnerId,
});

export function releaseLoaders(db: Db) {
  return {
    release: crudLoader(db, getRelease, releaseResource),
    release_action_item: crudLoader(
      db,
      getActionItem,
      (i): Resource => ({ type: 'release_action_item', ownerId: i.ownerId }),
    ),
  };
}

/** The caller's function (support, sales, …), read with the token or session at sign-in. */
export const actorFunction = (req: FastifyRequest): string | null => req.principal?.function ?? null;

/** The readiness part a request confirms, with what the policy needs to decide who may. */
export function readinessPolicy(db: Db, partOf: (req: FastifyRequest) => string | undefined) {
  return {
    resource: 'release_readiness' as const,
    action: 'update' as const,
    resolve: async (req: FastifyRequest): Promise<Resource | null> => {
      const { id } = req.params as { id: string };
      const part = partOf(req);
      if (!z.uuid().safeParse(id).success) throw invalid([{ path: 'id', message: 'must be an id (uuid)' }]);
      const parsed = z.enum(READINESS_PARTS).safeParse(part);
      if (!parsed.success)
        throw invalid([
          { path: 'kind', message: 'must be support, sales, eng_monitoring, eng_rollback or training' },
        ]);
      const release = await getRelease(db, id);
      if (!release) return null;
      return {
        type: 'release_readiness',
        part: parsed.data,
        engOwnerId: release.engOwnerId,
        pmOwnerId: release.pmOwnerId,
        areaOwnerId: release.areaOwnerId,
        actorFunction: actorFunction(req),
      };
    },
  };
}
