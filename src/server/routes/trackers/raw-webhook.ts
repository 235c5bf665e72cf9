import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ZErrorBody } from '../../../shared/common.ts';

/**
 * What the trackers' webhook receivers (GitHub, Jira, Linear) share. Their scope keeps JSON bodies as raw bytes:
 * a signature covers those bytes, not a re-serialisation of the parsed JSON.
 */
export function keepRawJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
}

/** The raw body kept by keepRawJson (empty when none came). */
export const rawBody = (req: FastifyRequest): Buffer =>
  Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

/** One header's value (the first, if repeated). */
export const headerOf = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export const WEBHOOK_RESPONSES = {
  200: z.object({ outcome: z.enum(['applied', 'duplicate', 'ignored']) }),
  400: ZErrorBody,
  401: ZErrorBody,
};
