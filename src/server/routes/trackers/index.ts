import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { outboundGuard } from '../../../integrations/net/outbound-guard.ts';
import { isTrackerError } from '../../../services/trackers/adapters.ts';
import {
  connectionView,
  requireConnection,
  setTrackerConnection,
  trackerConnection,
} from '../../../services/trackers/connection.ts';
import {
  acknowledgeDifference,
  differenceOwner,
  linkSubject,
  listDifferences,
  trackerPanel,
  unlinkSubject,
} from '../../../services/trackers/links.ts';
import { loadSubject } from '../../../services/trackers/subjects.ts';
import { syncAllTrackers, syncLink } from '../../../services/trackers/sync.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import {
  TRACKER_KINDS,
  TRACKER_LABELS,
  type TTrackerSubject,
  ZDifferenceListQuery,
  ZGithubConnectionInput,
  ZJiraConnectionInput,
  ZLinearConnectionInput,
  ZSyncResult,
  ZTrackerConnection,
  ZTrackerConnectionReply,
  ZTrackerDifference,
  ZTrackerLinkInput,
  ZTrackerPanel,
} from '../../../shared/trackers.ts';
import { can } from '../../policies/index.ts';
import { jiraWebhookRoute } from './jira-webhook.ts';
import { linearWebhookRoute } from './linear-webhook.ts';
import { githubWebhookRoute } from './webhook.ts';

const tags = ['trackers'];
/** A pull made while someone waits: no retrying an unreachable tracker, rate limits waited out up to a minute. */
const IN_REQUEST = { networkRetries: 0, maxRetries: 2, maxWaitMs: 60_000 };
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

export function trackerLoaders(db: Db) {
  return {
    tracker_difference: async (_req: unknown, id: string) => {
      const owner = await differenceOwner(db, id);
      return owner
        ? { resource: { type: 'tracker_difference' as const, pmId: owner.pmId }, value: null }
        : null;
    },
  };
}

/** The panel's read: the product org's, for a release or item that exists (404 otherwise). */
const panelPolicy = (db: Db, type: TTrackerSubject) => ({
  resource: 'tracker' as const,
  action: 'read' as const,
  resolve: async (req: FastifyRequest) =>
    (await loadSubject(db, type, (req.params as { id: string }).id)) ? { type: 'tracker' as const } : null,
});

/** Issue 18, tracker connections (GitHub, Jira, Linear): settings, links on releases and roadmap items, sync, differences. */
export async function trackerRoutes(app: FastifyInstance): Promise<void> {
  const { db, clock } = app.deps;
  // PRODOPS_WEBHOOK_ALLOW_PRIVATE: a tracker on the operator's own network (Jira Server, GitHub Enterprise).
  const allowPrivate = app.deps.config.webhookAllowPrivate ?? [];
  const guard = outboundGuard(allowPrivate);
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(githubWebhookRoute);
  await app.register(jiraWebhookRoute);
  await app.register(linearWebhookRoute);

  const inputs = {
    github: ZGithubConnectionInput,
    jira: ZJiraConnectionInput,
    linear: ZLinearConnectionInput,
  } as const;
  for (const kind of TRACKER_KINDS) {
    const name = TRACKER_LABELS[kind];
    const at = `/integrations/${kind}`;
    r.get(at, {
      config: { policy: { resource: 'tracker', action: 'read' } },
      schema: {
        tags,
        summary: `The ${name} connection (secrets only as set or not)`,
        response: { 200: ZTrackerConnectionReply, ...errors },
      },
      handler: async (req) => ({
        ...connectionView(kind, await trackerConnection(db, kind)),
        permissions: { update: can(req.actor!, 'update', { type: 'tracker' }) },
      }),
    });
    r.put(at, {
      config: { policy: { resource: 'tracker', action: 'update' } },
      schema: {
        tags,
        summary: `Sets the ${name} connection: address, token, webhook secret, what is a bug and feedback`,
        body: inputs[kind],
        response: { 200: ZTrackerConnection, ...errors },
      },
      handler: async (req) =>
        setTrackerConnection({ db, actor: req.actor!, kind, input: req.body, now: req.now, guard }),
    });
    r.post(`${at}/sync`, {
      config: { policy: { resource: 'tracker', action: 'update' } },
      schema: {
        tags,
        summary: `Syncs every ${name} link and the linked work's bugs and feedback now (the job: every 15 min)`,
        response: { 200: ZSyncResult, ...errors },
      },
      handler: async () => syncAllTrackers({ db, clock, allowPrivate, retries: IN_REQUEST }, kind),
    });
    r.get(`${at}/differences`, {
      config: { policy: { resource: 'tracker', action: 'read' } },
      schema: {
        tags,
        summary: `Where ${name} and prodops disagree (open ones unless state=all)`,
        querystring: ZDifferenceListQuery,
        response: { 200: z.object({ differences: z.array(ZTrackerDifference) }), ...errors },
      },
      handler: async (req) => ({ differences: await listDifferences(db, req.query.state, kind) }),
    });
    r.post(`${at}/differences/:id/acknowledge`, {
      config: { policy: { resource: 'tracker_difference', action: 'update' } },
      schema: {
        tags,
        summary: `Acknowledges a difference: seen and decided (nothing in prodops or ${name} changes)`,
        params: ZIdParams,
        response: { 200: ZTrackerDifference, ...errors },
      },
      handler: async (req) =>
        acknowledgeDifference({ db, actor: req.actor!, id: req.params.id, now: req.now, kind }),
    });
  }

  const subjects = [
    { type: 'release', path: '/releases/:id/tracker', resource: 'release' },
    { type: 'roadmap_item', path: '/roadmap/items/:id/tracker', resource: 'roadmap_item' },
  ] as const;
  for (const s of subjects) {
    r.get(s.path, {
      config: { policy: panelPolicy(db, s.type) },
      schema: {
        tags,
        summary: `The ${s.type === 'release' ? 'release' : 'roadmap item'}'s tracker panel`,
        params: ZIdParams,
        response: { 200: ZTrackerPanel, ...errors },
      },
      handler: async (req) => trackerPanel(db, s.type, req.params.id),
    });
    r.post(`${s.path}/link`, {
      config: { policy: { resource: s.resource, action: 'update' } },
      schema: {
        tags,
        summary:
          'Links it to a GitHub milestone or a Jira epic / fix version and pulls it (a failed pull shows)',
        params: ZIdParams,
        body: ZTrackerLinkInput,
        response: { 200: ZTrackerPanel, ...errors },
      },
      handler: async (req) => {
        const subject = { type: s.type, id: req.params.id };
        const link = await linkSubject({ db, actor: req.actor!, subject, input: req.body, now: req.now });
        const conn = await requireConnection(db, link.kind);
        await syncLink({ db, clock, allowPrivate, retries: IN_REQUEST }, conn, link, {
          differences: 0,
          bugs: 0,
          feedback: 0,
        }).catch((err) => {
          if (!isTrackerError(err)) throw err;
        });
        return trackerPanel(db, s.type, req.params.id);
      },
    });
    r.post(`${s.path}/unlink`, {
      config: { policy: { resource: s.resource, action: 'update' } },
      schema: {
        tags,
        summary: 'Removes its tracker link',
        params: ZIdParams,
        response: { 200: ZTrackerPanel, ...errors },
      },
      handler: async (req) => {
        await unlinkSubject({ db, actor: req.actor!, subject: { type: s.type, id: req.params.id } });
        return trackerPanel(db, s.type, req.params.id);
      },
    });
  }
}
