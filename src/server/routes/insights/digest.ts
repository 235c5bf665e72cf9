import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { artifactVersionById } from '../../../services/artifacts.ts';
import { heldOf } from '../../../services/broadcasts/hold.ts';
import { INSIGHTS_DIGEST, listDigests, publishDigest } from '../../../services/insights/digest.ts';
import { previewDigestPublish } from '../../../services/insights/digest-preview.ts';
import { getSettings } from '../../../services/org/settings.ts';
import { ZBroadcastHeld, ZBroadcastPreview } from '../../../shared/broadcasts.ts';
import { notFound } from '../../../shared/errors.ts';
import { type TDigest, ZDigest, ZDigestList, ZPublishedDigest } from '../../../shared/insights.ts';
import { jsonBuilt, publishedVersionId, sendPublished } from '../../published-reply.ts';
import { sendingConfig } from '../broadcasts/index.ts';
import { errors, managers, tags } from './common.ts';

const ZMonth = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2026-11'),
});

/** The monthly Insights Digest. */
export async function digestRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/insights/digests', {
    config: { policy: 'signed_in' },
    schema: { tags, summary: 'Monthly Insights Digests', response: { 200: ZDigestList, ...errors } },
    handler: async () => ({ items: await listDigests(db) }),
  });
  r.get('/insights/digests/:month', {
    config: { policy: 'signed_in' },
    schema: {
      tags,
      summary: "A month's digest (latest version)",
      params: ZMonth,
      response: { 200: ZDigest, ...errors },
    },
    handler: async (req, reply) => {
      const { month } = req.params;
      const id = await publishedVersionId(req, INSIGHTS_DIGEST, month);
      if (!id) throw notFound(`digest for ${month}`);
      return sendPublished(req, reply, {
        key: `digest:${id}`,
        notFound: `digest for ${month} not found`,
        build: async () => {
          const row = await artifactVersionById(db, id);
          if (!row) return null;
          // Stored JSON, as publishDigest wrote it: the response schema checks it once, when the body is built.
          return jsonBuilt(ZDigest, {
            month,
            version: row.version,
            title: row.title,
            markdown: row.markdown,
            json: row.json as TDigest['json'],
            publishedAt: row.publishedAt.toISOString(),
            publishedBy: row.publishedBy,
          });
        },
      });
    },
  });
  r.get('/insights/digests/:month/publish-preview', {
    config: managers,
    schema: {
      tags,
      summary:
        "What publishing a month's digest would send now: the message, recipients per channel by name, warnings",
      params: ZMonth,
      response: { 200: ZBroadcastPreview, ...errors },
    },
    handler: async (req) =>
      previewDigestPublish({
        db,
        actor: req.actor!,
        month: req.params.month,
        now: req.now,
        undoSeconds: (await getSettings(db)).broadcast.undoSeconds,
        config: sendingConfig(app),
      }),
  });
  r.post('/insights/digests/:month/publish', {
    config: managers,
    schema: {
      tags,
      summary: "Publish (or republish) a month's digest, its messages held for the undo window",
      params: ZMonth,
      response: { 200: ZPublishedDigest.extend({ undo: ZBroadcastHeld.nullable() }), ...errors },
    },
    handler: async (req) => {
      const { hold, ...published } = await publishDigest({
        db,
        actor: req.actor!,
        now: req.now,
        month: req.params.month,
        hold: { seconds: (await getSettings(db)).broadcast.undoSeconds },
      });
      return { ...published, undo: await heldOf(db, hold) };
    },
  });
}
