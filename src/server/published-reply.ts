import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { artifactVersionId } from '../services/artifacts.ts';
import { AppError } from '../shared/errors.ts';
import { type CachedBody, type Encoding, PublishedCache } from './published-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Published artifact versions' responses, serialized once (published-reply.ts). */
    publishedCache: PublishedCache;
  }
}

export function registerPublishedCache(app: FastifyInstance, maxBytes?: number): void {
  app.decorate('publishedCache', new PublishedCache(maxBytes));
}

/**
 * The row id of a published version (artifacts.ts: the latest, or the one asked for), through the read cache: a
 * publication, correction or undo here is a write, which forgets it (read-cache.ts).
 */
export function publishedVersionId(req: FastifyRequest, kind: string, key: string, version?: number) {
  return req.server.readCache.get(`version:${kind}:${key}:${version ?? 'latest'}`, req.now, () =>
    artifactVersionId(req.server.deps.db, kind, key, version),
  );
}

/** What a route builds on a miss: the body as bytes or a string, its content type, any fixed headers. */
export interface Built {
  body: Buffer | string;
  type: string;
  headers?: Record<string, string>;
}

/**
 * Answers with a published version's response from the cache. The caller has already decided the reader may see
 * it (the route's policy and any per-reader check ran first) and names the version by its row id, read from the
 * database on this request: a correction, a new version or an undone one is another id, so another key, on every
 * instance. `key` also holds whatever else shapes the bytes (audience, format, base URL). `build` returns null
 * when the row went away meanwhile (a 404). Authenticated routes: `private, no-cache` — browsers keep the body and
 * revalidate with If-None-Match, which costs a 304 and no body.
 */
export async function sendPublished(
  req: FastifyRequest,
  reply: FastifyReply,
  o: { key: string; build: () => Promise<Built | null>; notFound: string; cacheControl?: string },
) {
  const cache = req.server.publishedCache;
  const entry = await cache.get(o.key, async () => {
    const made = await o.build();
    if (!made) return null;
    const body = typeof made.body === 'string' ? Buffer.from(made.body) : made.body;
    return { body, type: made.type, headers: made.headers ?? {} };
  });
  if (!entry) throw new AppError('not_found', o.notFound);
  const encoding = entry.body.length >= 1024 ? acceptedEncoding(req.headers['accept-encoding']) : null;
  const etag = etagFor(entry, encoding);
  reply.header('etag', etag).header('cache-control', o.cacheControl ?? 'private, no-cache');
  if (entry.body.length >= 1024) reply.header('vary', 'accept-encoding');
  if (matches(req.headers['if-none-match'], entry)) return reply.status(304).send();
  for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.type(entry.type).send(cache.encodedBody(o.key, entry, encoding));
}

const etagFor = (entry: CachedBody, encoding: Encoding | null) =>
  encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag;

/** If-None-Match (weak comparison, as RFC 9110 asks): any encoding of these bytes is the copy the client has. */
function matches(header: string | undefined, entry: CachedBody): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const core = entry.etag.slice(1, -1);
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === entry.etag || t === `"${core}-br"` || t === `"${core}-gzip"`;
  });
}

/** br, else gzip, as Accept-Encoding allows (q=0 refuses one); null for identity. */
export function acceptedEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const allowed = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) allowed.add(name.trim());
  }
  if (allowed.has('br')) return 'br';
  if (allowed.has('gzip') || allowed.has('*')) return 'gzip';
  return null;
}

/** JSON checked against the route's response schema once, as the serializer would on every request. */
export function jsonBuilt<T extends z.ZodType>(schema: T, value: z.input<T>): Built {
  return { body: JSON.stringify(schema.parse(value)), type: 'application/json; charset=utf-8' };
}
