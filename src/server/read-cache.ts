import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Who a credential is, and which version is published, kept for a moment (read-cache.ts). */
    readCache: ReadCache;
  }
}

/**
 * Answers every read asks for and few writes change: who a token or session cookie is, which row is the latest
 * version of a published artifact. Each is kept `ttlMs` by the request's clock and forgotten at once when a
 * write (any non-GET request) on this instance finishes, so a revoked token or a new version is seen by the next
 * request here; another instance or a CLI writing straight to the database is seen within `ttlMs`. Only answers
 * that found something are kept: a token just made elsewhere is never refused for a while. 0 turns it off.
 */
export class ReadCache {
  private readonly entries = new Map<string, { value: unknown; until: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get<V>(key: string, now: Date, load: () => Promise<V | null>): Promise<V | null> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && hit.until > now.getTime()) return hit.value as V;
    const value = await load();
    if (value === null) return null;
    // Many distinct credentials in a few seconds (a scan): start again rather than grow.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now.getTime() + this.ttlMs });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerReadCache(app: FastifyInstance, ttlMs: number): void {
  app.decorate('readCache', new ReadCache(ttlMs));
  // onSend, before the client can see the answer: its next request finds nothing from before the write.
  app.addHook('onSend', async (req, _reply, payload) => {
    if (!SAFE_METHODS.has(req.method)) app.readCache.clear();
    return payload;
  });
}
