import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { artifactVersionById } from '../../../services/artifacts.ts';
import { heldOf } from '../../../services/broadcasts/hold.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { listPublishedUpdates } from '../../../services/updates/archive.ts';
import { publishWeeklyUpdate, WEEKLY_UPDATE } from '../../../services/updates/publish.ts';
import { publishCheck } from '../../../services/updates/publish-check.ts';
import { previewPublish } from '../../../services/updates/publish-preview.ts';
import { ZBroadcastHeld, ZBroadcastPreview } from '../../../shared/broadcasts.ts';
import { currentWeekKey } from '../../../shared/calendar.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  type TWeeklyUpdateJson,
  ZPublishBody,
  ZPublishCheck,
  ZUpdateArtifact,
  ZUpdatesList,
  ZWeekParams,
} from '../../../shared/updates.ts';
import { jsonBuilt, publishedVersionId, sendPublished } from '../../published-reply.ts';
import { sendingConfig } from '../broadcasts/index.ts';
import { jsonOrText } from '../media.ts';
import { errors } from './common.ts';

/** Publication: the archive of published updates, one artifact, the check before publishing, publishing. */
export async function publicationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
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
      const { week } = req.params;
      const { version, format } = req.query;
      const id = await publishedVersionId(req, WEEKLY_UPDATE, week, version);
      const notFound = `no published update for ${week}${version ? ` version ${version}` : ''}`;
      if (!id) throw new AppError('not_found', notFound);
      return sendPublished(req, reply, {
        key: `update:${id}:${format}`,
        notFound,
        build: async () => {
          const row = await artifactVersionById(db, id);
          if (!row) return null;
          if (format === 'md') return { body: row.markdown, type: 'text/markdown; charset=utf-8' };
          return jsonBuilt(ZUpdateArtifact, {
            week: row.key,
            version: row.version,
            title: row.title,
            publishedAt: row.publishedAt.toISOString(),
            changes: row.changes,
            // Stored JSON: the response schema checks it once, when the body is built.
            json: row.json as TWeeklyUpdateJson,
            markdown: row.markdown,
          });
        },
      });
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
  r.get('/updates/:week/publish-preview', {
    config: { policy: { resource: 'weekly_update', action: 'create' } },
    schema: {
      tags: ['updates'],
      summary:
        'What Publish would send now: the message as recipients read it, recipients per channel by name, warnings',
      params: ZWeekParams,
      querystring: ZPublishBody.partial(),
      response: { 200: ZBroadcastPreview, ...errors },
    },
    handler: async (req) =>
      previewPublish({
        db,
        actor: req.actor!,
        week: req.params.week,
        now: req.now,
        note: req.query.note,
        undoSeconds: (await getSettings(db)).broadcast.undoSeconds,
        config: sendingConfig(app),
      }),
  });
  r.post('/updates/:week/publish', {
    config: { policy: { resource: 'weekly_update', action: 'create' } },
    schema: {
      tags: ['updates'],
      summary:
        'Publish now (or a correction, which needs a note and a change): a new immutable version, its messages held for the undo window',
      params: ZWeekParams,
      // No body (or an empty one) is a first publication; a correction sends its note.
      body: ZPublishBody.nullish(),
      response: { 201: ZUpdateArtifact.extend({ undo: ZBroadcastHeld.nullable() }), ...errors },
    },
    handler: async (req, reply) => {
      const { hold, ...published } = await publishWeeklyUpdate({
        db,
        actor: req.actor!,
        now: req.now,
        week: req.params.week,
        note: req.body?.note,
        hold: { seconds: (await getSettings(db)).broadcast.undoSeconds },
      });
      return reply.status(201).send({ ...published, undo: await heldOf(db, hold) });
    },
  });
}
