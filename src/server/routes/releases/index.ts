import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { suggestTier } from '../../../domain/releases/attributes.ts';
import { leadTimeJson } from '../../../domain/releases/leadtime.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { releaseBundle, saveBundle } from '../../../services/releases/bundle.ts';
import { coverage } from '../../../services/releases/coverage.ts';
import { releaseDetail } from '../../../services/releases/detail.ts';
import { releaseGate } from '../../../services/releases/gate.ts';
import {
  completePostLaunch,
  getActionItem,
  listActionItems,
  setActionItemStatus,
} from '../../../services/releases/post-launch.ts';
import {
  confirmByLink,
  readinessLink,
  recordDecision,
  signOff,
  withdrawSignOff,
} from '../../../services/releases/readiness.ts';
import {
  createRelease,
  deleteRelease,
  getRelease,
  listReleases,
  type ReleaseView,
  updateRelease,
} from '../../../services/releases/releases.ts';
import { leadTimeOf } from '../../../services/releases/schedule.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { invalid } from '../../../shared/errors.ts';
import {
  ACTION_ITEM_STATUSES,
  READINESS_PARTS,
  type TReadinessPart,
  ZActionItem,
  ZActionItemList,
  ZActionItemPatch,
  ZBundle,
  ZBundleInput,
  ZBundleRelease,
  ZCoverage,
  ZCoverageQuery,
  ZDecisionInput,
  ZGate,
  ZLeadTime,
  ZLeadTimeQuery,
  ZPostLaunch,
  ZPostLaunchInput,
  ZPostLaunchParams,
  ZReadinessConfirmation,
  ZReadinessLink,
  ZRelease,
  ZReleaseDecisionList,
  ZReleaseDetail,
  ZReleaseInput,
  ZReleaseList,
  ZReleaseListQuery,
  ZReleasePatch,
  ZSignOffInput,
  ZSignOffList,
  ZSignOffParams,
  ZTierSuggestion,
  ZTierSuggestionInput,
} from '../../../shared/releases.ts';
import { can, type Resource } from '../../policies/index.ts';
import { crudLoader, registerCrud } from '../crud.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['releases'];
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
const actorFunction = (req: FastifyRequest): string | null => req.principal?.function ?? null;

/** The readiness part a request confirms, with what the policy needs to decide who may. */
function readinessPolicy(db: Db, partOf: (req: FastifyRequest) => string | undefined) {
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

/** C5: releases, tiers, lead times, enablement bundles, readiness, the release gate, post-launch capture. */
export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const release = (req: FastifyRequest) => req.loaded as ReleaseView;
  const enablement = {
    policy: {
      resource: 'release_enablement' as const,
      action: 'update' as const,
      // Not a per-release permission: Product Ops distributes every bundle (the service 404s a missing release).
      resolve: async (): Promise<Resource> => ({ type: 'release_enablement' }),
    },
  };

  // Static paths first in the file for readers; the router prefers them over /releases/:id anyway.
  r.post('/releases/tier-suggestion', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Suggest a tier from release attributes (the settings’ tier table)',
      body: ZTierSuggestionInput,
      response: { 200: ZTierSuggestion, ...errors },
    },
    handler: async (req) => {
      const settings = await getSettings(db);
      const known = new Set(settings.releaseAttributes.map((a) => a.key));
      const unknown = req.body.attributes.flatMap((a, i) =>
        known.has(a)
          ? []
          : [
              {
                path: `attributes.${i}`,
                message: `is not a release attribute (known: ${[...known].join(', ')})`,
              },
            ],
      );
      if (unknown.length) throw invalid(unknown);
      return {
        ...suggestTier(req.body.attributes, settings.releaseAttributes),
        attributes: settings.releaseAttributes,
      };
    },
  });
  r.get('/releases/leadtime', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Bundle deadlines for a tier and launch date (org work week and holidays)',
      querystring: ZLeadTimeQuery,
      response: { 200: ZLeadTime, ...errors },
    },
    handler: async (req) => {
      const settings = await getSettings(db);
      const today = req.query.today ?? todayIn(settings.timeZone, req.now);
      return leadTimeJson(
        leadTimeOf(settings, { tier: req.query.tier, targetDate: req.query.launch }, null, today)!,
      );
    },
  });
  r.get('/releases/coverage', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary:
        'Launch enablement coverage: Tier 2/3 launches whose bundle was published before launch, with trend',
      querystring: ZCoverageQuery,
      response: { 200: ZCoverage, ...errors },
    },
    handler: async (req) => coverage(db, { ...req.query, now: req.now }),
  });
  r.get('/release-action-items', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: 'Action items from Day 14 retros, owned by Product Ops',
      querystring: z.object({ status: z.enum(ACTION_ITEM_STATUSES).optional() }),
      response: { 200: ZActionItemList, ...errors },
    },
    handler: async (req) => ({ items: await listActionItems(db, req.query) }),
  });
  r.patch('/release-action-items/:id', {
    config: { policy: { resource: 'release_action_item', action: 'update' } },
    schema: {
      tags,
      summary: 'Close or reopen a retro action item',
      params: ZIdParams,
      body: ZActionItemPatch,
      response: { 200: ZActionItem, ...errors },
    },
    handler: async (req) =>
      setActionItemStatus({
        db,
        actor: req.actor!,
        now: req.now,
        id: req.params.id,
        status: req.body.status,
      }),
  });

  registerCrud(app, {
    path: '/releases',
    resource: 'release',
    label: 'releases',
    schemas: {
      input: ZReleaseInput,
      patch: ZReleasePatch,
      item: ZRelease,
      list: ZReleaseList,
      query: ZReleaseListQuery,
    },
    services: {
      list: listReleases,
      get: getRelease,
      create: createRelease,
      update: updateRelease,
      remove: deleteRelease,
    },
    resourceOf: releaseResource,
  });

  r.get('/releases/:id/detail', {
    config: { policy: { resource: 'release', action: 'read' } },
    schema: {
      tags,
      summary: 'Everything about one release: lead time, bundle, readiness, decisions, gate, post-launch',
      params: ZIdParams,
      response: { 200: ZReleaseDetail, ...errors },
    },
    handler: async (req) => {
      const rel = release(req);
      const res = releaseResource(rel);
      const actorFn = actorFunction(req);
      // Which readiness parts this caller may confirm, so the page offers only the buttons that work.
      const confirm = Object.fromEntries(
        READINESS_PARTS.map((part) => [
          part,
          can(req.actor!, 'update', {
            type: 'release_readiness',
            part,
            engOwnerId: rel.engOwnerId,
            pmOwnerId: rel.pmOwnerId,
            areaOwnerId: rel.areaOwnerId,
            actorFunction: actorFn,
          }),
        ]),
      ) as Record<TReadinessPart, boolean>;
      return {
        release: rel,
        permissions: {
          update: can(req.actor!, 'update', res),
          delete: can(req.actor!, 'delete', res),
          enablement: can(req.actor!, 'update', { type: 'release_enablement' }),
          confirm,
        },
        ...(await releaseDetail(req.ctx, rel)),
      };
    },
  });
  r.get('/releases/:id/gate', {
    config: { policy: { resource: 'release', action: 'read' } },
    schema: {
      tags,
      summary: 'Release gate: ready to ship, or each unmet requirement (what CI/CD calls before deploying)',
      params: ZIdParams,
      response: { 200: ZGate, ...errors },
    },
    handler: async (req) => releaseGate(db, req.params.id, req.now),
  });
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
  r.post('/releases/:id/sign-offs', {
    config: { policy: readinessPolicy(db, (req) => (req.body as { kind?: string } | undefined)?.kind) },
    schema: {
      tags,
      summary: 'Confirm readiness (Support, Sales, Eng monitoring/rollback, training held)',
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
      await withdrawSignOff({ db, actor: req.actor!, releaseId: req.params.id, kind: req.params.kind });
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
  r.put('/releases/:id/post-launch/:kind', {
    config: { policy: readinessPolicy(db, () => 'post_launch') },
    schema: {
      tags,
      summary: 'Answer the Day 3 check-in or the Day 14 retro (1–3 action items)',
      params: ZPostLaunchParams,
      body: ZPostLaunchInput,
      response: { 200: ZPostLaunch, ...errors },
    },
    handler: async (req) =>
      completePostLaunch({
        now: req.now,
        db,
        actor: req.actor!,
        releaseId: req.params.id,
        kind: req.params.kind,
        input: req.body,
      }),
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
