import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { overrideGateCheck, revokeGateOverride } from '../../../services/releases/overrides.ts';
import { getRelease } from '../../../services/releases/releases.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { invalid, notFound } from '../../../shared/errors.ts';
import { ZGateOverride, ZGateOverrideInput, ZGateOverrideParams } from '../../../shared/release-detail.ts';
import type { Action, Resource } from '../../policies/index.ts';
import { errors, tags } from './common.ts';

/** Not a per-release permission (only the Head of Product), but a missing release is still a 404. */
function overridePolicy(db: Db, action: Action) {
  return {
    resource: 'release_gate_override' as const,
    action,
    resolve: async (req: FastifyRequest): Promise<Resource> => {
      const { id } = req.params as { id: string };
      if (!z.uuid().safeParse(id).success)
        throw invalid([{ path: 'params.id', message: 'must be an id (uuid)' }]);
      if (!(await getRelease(db, id))) throw notFound('release');
      return { type: 'release_gate_override' };
    },
  };
}

/** The Head of Product's logged overrides of failing gate checks. */
export async function gateOverrideRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/releases/:id/gate-overrides', {
    config: { policy: overridePolicy(db, 'create') },
    schema: {
      tags,
      summary: 'Override a failing gate check until an instant, saying why (Head of Product; logged)',
      params: ZIdParams,
      body: ZGateOverrideInput,
      response: { 201: ZGateOverride, ...errors },
    },
    handler: async (req, reply) => {
      const made = await overrideGateCheck({
        db,
        actor: req.actor!,
        releaseId: req.params.id,
        checkId: req.body.checkId,
        reason: req.body.reason,
        expiresAt: new Date(req.body.expiresAt),
        now: req.now,
      });
      return reply.status(201).send(made);
    },
  });
  r.delete('/releases/:id/gate-overrides/:overrideId', {
    config: { policy: overridePolicy(db, 'delete') },
    schema: {
      tags,
      summary: 'Revoke a gate override now (Head of Product; logged)',
      params: ZGateOverrideParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await revokeGateOverride({
        db,
        actor: req.actor!,
        releaseId: req.params.id,
        overrideId: req.params.overrideId,
        now: req.now,
      });
      return reply.status(204).send(null);
    },
  });
}
