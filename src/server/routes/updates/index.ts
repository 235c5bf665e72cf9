import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { listPublishedUpdates } from '../../../services/updates/archive.ts';
import { updatesFeed } from '../../../services/updates/feed.ts';
import { closeFollowUp, getFollowUp, listFollowUps } from '../../../services/updates/follow-ups.ts';
import { getPublishedVersion, publishWeeklyUpdate } from '../../../services/updates/publish.ts';
import { publishCheck } from '../../../services/updates/publish-check.ts';
import { getSubmission, markAbsent, submitUpdate } from '../../../services/updates/submissions.ts';
import { updatePage } from '../../../services/updates/update-page.ts';
import { addWeeks, currentWeekKey } from '../../../shared/calendar.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  type TWeeklyUpdateJson,
  ZBoard,
  ZFollowUpList,
  ZPublishBody,
  ZPublishCheck,
  ZSubmission,
  ZSubmissionPair,
  ZUpdateArtifact,
  ZUpdateContent,
  ZUpdatesList,
  ZWeekAreaParams,
  ZWeekParams,
} from '../../../shared/updates.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';
import { jsonOrText, textBody } from '../media.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

export function updateLoaders(db: Db) {
  return {
    follow_up: crudLoader(
      db,
      getFollowUp,
      (f): Resource => ({ type: 'follow_up', assigneeIds: f.assigneeIds }),
    ),
  };
}

/** C3: the weekly product update (submit, publish, read, feeds), follow-ups. */
export async function updateRoutes(app: FastifyInstance, opts: { publicUrl?: string }): Promise<void> {
  const { db } = app.deps;
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const areaPolicy = { resource: 'weekly_update' as const, action: 'update' as const, resolve: areaResource };
  r.get('/updates', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: 'Published weekly updates, newest first (q searches them)',
      querystring: z.strictObject({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(52),
      }),
      response: { 200: ZUpdatesList, ...errors },
    },
    handler: async (req) => {
      const { timeZone } = await getSettings(db);
      const items = await listPublishedUpdates(db, req.query);
      return {
        currentWeek: currentWeekKey(req.now, timeZone),
        items: items.map(({ week, version, title, publishedAt }) => ({ week, version, title, publishedAt })),
      };
    },
  });
  r.get('/updates/:week', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: "A week's status board, versions and definition of done",
      params: ZWeekParams,
      response: { 200: ZBoard, ...errors },
    },
    handler: async (req) => updatePage(req.ctx, req.params.week),
  });
  r.get('/updates/:week/artifact', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: 'The published artifact (markdown or JSON), latest or a given version',
      params: ZWeekParams,
      querystring: z.strictObject({
        version: z.coerce.number().int().min(1).optional(),
        format: z.enum(['md', 'json']).default('json'),
      }),
      response: { 200: jsonOrText(ZUpdateArtifact, 'text/markdown'), ...errors },
    },
    handler: async (req, reply) => {
      const row = await getPublishedVersion(db, req.params.week, req.query.version);
      if (!row)
        throw new AppError(
          'not_found',
          `no published update for ${req.params.week}${req.query.version ? ` version ${req.query.version}` : ''}`,
        );
      if (req.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(row.markdown);
      return {
        week: row.key,
        version: row.version,
        title: row.title,
        publishedAt: row.publishedAt.toISOString(),
        changes: row.changes,
        // Stored JSON: the response schema checks it on the way out.
        json: row.json as TWeeklyUpdateJson,
        markdown: row.markdown,
      };
    },
  });
  r.get('/updates/:week/areas/:areaId', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: "An area's submission with its edit history, and last week's beside it",
      params: ZWeekAreaParams,
      response: { 200: ZSubmissionPair, ...errors },
    },
    handler: async (req) => ({
      current: await getSubmission(db, req.params.week, req.params.areaId),
      previous: await getSubmission(db, addWeeks(req.params.week, -1), req.params.areaId),
    }),
  });
  r.put('/updates/:week/areas/:areaId', {
    config: { policy: areaPolicy },
    schema: {
      tags: ['updates'],
      summary: "Submit (or edit) an area's five bullets for the week",
      params: ZWeekAreaParams,
      body: z.strictObject({ content: ZUpdateContent }),
      response: { 200: ZSubmission, ...errors },
    },
    handler: async (req) => {
      const submission = await submitUpdate({
        now: req.now,
        db,
        actor: req.actor!,
        week: req.params.week,
        areaId: req.params.areaId,
        content: req.body.content,
      });
      // Read back in the same transaction that wrote it: there is one.
      return submission!;
    },
  });
  r.post('/updates/:week/areas/:areaId/absence', {
    // Product Ops decides who is excused from an update every stakeholder reads, as it decides publication.
    config: { policy: { resource: 'weekly_update', action: 'create' } },
    schema: {
      tags: ['updates'],
      summary: 'Mark the PM of an area absent for the week; the update says "no update this week (reason)"',
      params: ZWeekAreaParams,
      body: z.strictObject({ reason: z.string().trim().max(500).default('') }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await markAbsent({
        now: req.now,
        db,
        actor: req.actor!,
        week: req.params.week,
        areaId: req.params.areaId,
        reason: req.body.reason,
      });
      return reply.status(204).send(null);
    },
  });
  r.get('/updates/:week/publish-check', {
    config: { policy: { resource: 'weekly_update', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary:
        'Before publishing: who is missing, who is absent, whether it is a correction, how many recipients',
      params: ZWeekParams,
      response: { 200: ZPublishCheck, ...errors },
    },
    handler: async (req) => publishCheck(db, req.params.week, req.now),
  });
  r.post('/updates/:week/publish', {
    config: { policy: { resource: 'weekly_update', action: 'create' } },
    schema: {
      tags: ['updates'],
      summary: 'Publish now (or a correction, which needs a note and a change): a new immutable version',
      params: ZWeekParams,
      // No body (or an empty one) is a first publication; a correction sends its note.
      body: ZPublishBody.nullish(),
      response: { 201: ZUpdateArtifact, ...errors },
    },
    handler: async (req, reply) => {
      const published = await publishWeeklyUpdate({
        db,
        actor: req.actor!,
        now: req.now,
        week: req.params.week,
        note: req.body?.note,
      });
      return reply.status(201).send(published);
    },
  });
  r.get('/updates/feed/:file', {
    // Feed readers send no headers: the private token (the same as the calendar feed's) is the credential.
    config: { policy: 'public', anyQuery: true },
    schema: {
      tags: ['updates'],
      summary: 'Atom (.atom) or RSS (.rss) feed of published updates',
      params: z.object({
        file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.(atom|rss)$/, 'must be a feed file name'),
      }),
      response: { 200: textBody('application/atom+xml', 'application/rss+xml'), ...errors },
    },
    handler: async (req, reply) => {
      const [token, ext] = req.params.file.split('.') as [string, string];
      const base = baseUrl(req);
      const feeds = await updatesFeed(db, {
        token,
        baseUrl: base,
        feedUrl: `${base}/api/v1/updates/feed/${req.params.file}`,
      });
      return ext === 'atom'
        ? reply.type('application/atom+xml; charset=utf-8').send(feeds.atom)
        : reply.type('application/rss+xml; charset=utf-8').send(feeds.rss);
    },
  });
  r.get('/follow-ups', {
    config: { policy: { resource: 'follow_up', action: 'read' } },
    schema: {
      tags: ['updates'],
      summary: 'Follow-ups from flagged risks',
      querystring: z.strictObject({
        status: z.enum(['open', 'closed']).optional(),
        areaId: z.uuid().optional(),
      }),
      response: { 200: ZFollowUpList, ...errors },
    },
    handler: async (req) => ({ items: await listFollowUps(db, req.query) }),
  });
  r.post('/follow-ups/:id/close', {
    config: { policy: { resource: 'follow_up', action: 'update' } },
    schema: {
      tags: ['updates'],
      summary: 'Close a follow-up',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await closeFollowUp({ db, actor: req.actor!, now: req.now, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  /** Area routes have `:areaId`, not `:id`: the policy needs the area's PM. A malformed id is zod's 400. */
  async function areaResource(req: FastifyRequest): Promise<Resource | null> {
    const params = req.params as { areaId?: string };
    if (!z.uuid().safeParse(params.areaId).success) return { type: 'weekly_update' };
    const area = await areaOwnerOf(db, params.areaId!);
    return area ? { type: 'weekly_update', areaOwnerId: area.ownerPmId } : null;
  }
}
