import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { suggestTier } from '../../../domain/releases/attributes.ts';
import { hideOverrideReasons } from '../../../domain/releases/gate.ts';
import { leadTimeJson } from '../../../domain/releases/leadtime.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { coverage } from '../../../services/releases/coverage.ts';
import { releaseDetail } from '../../../services/releases/detail.ts';
import { releaseGate } from '../../../services/releases/gate.ts';
import {
  createRelease,
  deleteRelease,
  getRelease,
  listReleases,
  type ReleaseView,
  updateRelease,
} from '../../../services/releases/releases.ts';
import { leadTimeOf } from '../../../services/releases/schedule.ts';
import { withWhen } from '../../../services/releases/when.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { ZIdParams } from '../../../shared/common.ts';
import { invalid } from '../../../shared/errors.ts';
import {
  READINESS_PARTS,
  type TGate,
  type TGateOverride,
  type TReadinessPart,
  ZCoverage,
  ZGate,
  ZLeadTime,
  ZReleaseDetail,
  ZTierSuggestion,
} from '../../../shared/release-detail.ts';
import {
  ZCoverageQuery,
  ZLeadTimeQuery,
  ZRelease,
  ZReleaseInput,
  ZReleaseList,
  ZReleaseListQuery,
  ZReleasePatch,
  ZTierSuggestionInput,
} from '../../../shared/releases.ts';
import { can } from '../../policies/index.ts';
import { registerCrud } from '../crud.ts';
import { readerOf } from '../roadmap/reader.ts';
import { actorFunction, errors, releaseResource, tags } from './common.ts';

/** Releases: tier suggestion, lead times, coverage, CRUD, the release page (detail) and the gate. */
export async function releaseCoreRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const release = (req: FastifyRequest) => req.loaded as ReleaseView;
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
    decorate: withWhen,
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
      const detail = await releaseDetail(req.ctx, rel);
      return {
        release: (await withWhen(db, [rel], req.now))[0]!,
        permissions: {
          update: can(req.actor!, 'update', res),
          delete: can(req.actor!, 'delete', res),
          enablement: can(req.actor!, 'update', { type: 'release_enablement' }),
          confirm,
          override: can(req.actor!, 'create', { type: 'release_gate_override' }),
        },
        ...detail,
        ...(await forReader(req, detail)),
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
    handler: async (req) =>
      (await forReader(req, { gate: await releaseGate(db, req.params.id, req.now) })).gate,
  });
}

/** Why a gate check was overridden is the product org's judgement: a stakeholder reads only that it was. */
async function forReader<G extends TGate>(req: FastifyRequest, d: { gate: G; overrides?: TGateOverride[] }) {
  if (readerOf(req.actor!) === 'org') return d;
  const { timeZone } = await req.ctx.settings();
  return { gate: hideOverrideReasons(d.gate, timeZone), overrides: [] };
}
