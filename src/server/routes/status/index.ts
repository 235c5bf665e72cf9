import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SlackExportError } from '../../../integrations/slack/export.ts';
import { answerStatus } from '../../../services/status/answer.ts';
import { importSlackExport, statusRequestWeeks } from '../../../services/status/pings.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { invalid } from '../../../shared/errors.ts';
import {
  ZStatusAnswer,
  ZStatusPingImport,
  ZStatusPingImportQuery,
  ZStatusQuery,
  ZStatusRequestsQuery,
  ZStatusRequestWeeks,
} from '../../../shared/status.ts';
import { acceptZipUploads, removeUpload, ZZipUpload } from '../../uploads.ts';
import { readerOf } from '../roadmap/reader.ts';

/** Where the question came from: the CLI and the web app say so; anything else is the API. */
const channelOf = (client: unknown): 'cli' | 'web' | 'api' =>
  client === 'cli' || client === 'web' ? client : 'api';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

/** A Slack export's zip: a large workspace's years of messages compress to well under this. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

/** Issue 14: "what's the status of X?" answered from the records, as the asker may read them. */
export async function statusRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.withTypeProvider<ZodTypeProvider>().get('/status', {
    config: { policy: { resource: 'status', action: 'read' } },
    schema: {
      tags: ['status'],
      summary: 'The status of a thing named in words: one card, the top three to pick from, or who to ask',
      querystring: ZStatusQuery,
      response: { 200: ZStatusAnswer, ...errors },
    },
    handler: async (req) =>
      answerStatus({
        db,
        now: req.now,
        q: req.query.q,
        pick:
          req.query.subject && req.query.id ? { subject: req.query.subject, id: req.query.id } : undefined,
        reader: readerOf(req.actor!),
        personId: req.actor!.personId,
        channel: channelOf(req.headers['x-prodops-client']),
      }),
  });
  app.withTypeProvider<ZodTypeProvider>().get('/status-requests', {
    config: { policy: { resource: 'status_requests', action: 'read' } },
    schema: {
      tags: ['status'],
      summary:
        'The status-request count per week: pings found in chat (by channel and area) and questions answered instead',
      querystring: ZStatusRequestsQuery,
      response: { 200: ZStatusRequestWeeks, ...errors },
    },
    handler: async (req) => statusRequestWeeks(db, req.query),
  });
  // The upload's own plugin: only this route takes a zip, streamed to a temporary file.
  await app.register(async (uploads) => {
    acceptZipUploads(uploads, { maxBytes: MAX_EXPORT_BYTES });
    uploads.withTypeProvider<ZodTypeProvider>().post('/status-requests/imports', {
      config: { policy: { resource: 'status_requests', action: 'create', beforeBody: true } },
      schema: {
        tags: ['status'],
        summary:
          'Import a Slack workspace export (its .zip as the body) and store the status pings found in it',
        description:
          'Content-Type: application/zip, at most 200 MB. Safe to repeat: a ping already stored (same channel and ' +
          'message) is not added again. A file that is not a zip, or a zip that is not a Slack export, is a 400 ' +
          'naming `body`, and nothing is stored.',
        consumes: ['application/zip'],
        querystring: ZStatusPingImportQuery,
        body: ZZipUpload,
        response: { 200: ZStatusPingImport, ...errors, 413: ZErrorBody },
      },
      handler: async (req) => {
        try {
          return await importSlackExport({
            db,
            actor: req.actor!,
            now: req.now,
            exportPath: req.body.path,
            exportName: req.query.name ?? 'upload',
            read: { name: 'the upload' },
          });
        } catch (err) {
          if (err instanceof SlackExportError)
            throw invalid(
              [{ path: 'body', message: err.message }],
              'the upload is not a Slack export prodops can read',
            );
          throw err;
        } finally {
          await removeUpload(req.body);
        }
      },
    });
  });
}
