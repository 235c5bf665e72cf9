import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmByLink,
  readinessLink,
  recordDecision,
  signOff,
  withdrawSignOff,
} from '../../../services/releases/readiness.ts';
import { ZIdParams } from '../../../shared/common.ts';
import {
  ZReadinessConfirmation,
  ZReadinessLink,
  ZReleaseDecisionList,
  ZSignOffList,
} from '../../../shared/release-detail.ts';
import { ZDecisionInput, ZSignOffInput, ZSignOffParams } from '../../../shared/releases.ts';
import { errors, readinessPolicy, tags } from './common.ts';

/** Readiness: sign-offs, the go/no-go decision, and the one-click readiness links. */
export async function readinessRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/releases/:id/sign-offs', {
    config: { policy: readinessPolicy(db, (req) => (req.body as { kind?: string } | undefined)?.kind) },
    schema: {
      tags,
      summary: 'Confirm readiness, or say why not (Support, Sales, Eng monitoring/rollback, training held)',
      params: ZIdParams,
      body: ZSignOffInput,
      response: { 200: ZSignOffList, ...errors },
    },
    handler: async (req) =>
      signOff({
        db,
        actor: req.actor!,
        now: req.now,
        releaseId: req.params.id,
        kind: req.body.kind,
        note: req.body.note,
        ready: req.body.ready,
      }),
  });
  r.delete('/releases/:id/sign-offs/:kind', {
    config: { policy: readinessPolicy(db, (req) => (req.params as { kind?: string }).kind) },
    schema: {
      tags,
      summary: 'Withdraw a readiness confirmation',
      params: ZSignOffParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await withdrawSignOff({
        db,
        actor: req.actor!,
        releaseId: req.params.id,
        kind: req.params.kind,
        now: req.now,
      });
      return reply.status(204).send(null);
    },
  });
  r.post('/releases/:id/decisions', {
    config: { policy: { resource: 'release', action: 'update' } },
    schema: {
      tags,
      summary: 'Record the go/no-go decision (ship / hold / delay) with why',
      params: ZIdParams,
      body: ZDecisionInput,
      response: { 200: ZReleaseDecisionList, ...errors },
    },
    handler: async (req) =>
      recordDecision({ db, actor: req.actor!, now: req.now, releaseId: req.params.id, input: req.body }),
  });

  // Public: the one-click link in the bundle's email/Slack message; the token is the credential.
  const ZToken = z.object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be a readiness link token'),
  });
  r.get('/readiness/:token', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'What a one-click readiness link confirms',
      params: ZToken,
      response: { 200: ZReadinessLink, ...errors },
    },
    handler: async (req) => {
      const row = await readinessLink(db, req.params.token);
      return {
        title: row.title,
        targetDate: row.targetDate,
        kind: row.link.kind,
        person: row.name,
        confirmedAt: row.link.usedAt?.toISOString() ?? null,
      };
    },
  });
  r.post('/readiness/:token', {
    config: { policy: 'public' },
    schema: {
      tags,
      summary: 'Confirm readiness with a one-click link',
      params: ZToken,
      response: { 200: ZReadinessConfirmation, ...errors },
    },
    handler: async (req) => confirmByLink(db, req.params.token, req.now),
  });
}
