import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** A published artifact's response, serialized once: its bytes, strong ETag, type and any fixed headers. */
export interface CachedBody {
  body: Buffer;
  etag: string;
  type: string;
  headers: Record<string, string>;
  /** Compressed copies, made on first demand (the same bytes every time, so their ETags stay strong). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

export type Encoding = 'br' | 'gzip';

/** Below this a body goes as is (as @fastify/compress's threshold). */
const COMPRESS_FROM = 1024;

/**
 * Least-recently-used map bounded by bytes: a Map keeps insertion order, so a hit is moved to the end and eviction
 * takes from the front. (lru-cache is only a transitive dependency here, so it is not imported.)
 */
export class ByteLru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (v: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  /** Stores `value` (a value larger than the whole cap is not kept) and evicts the oldest until under the cap. */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    if (bytes > this.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(oldest);
      this.total -= entry.bytes;
    }
  }

  /** Re-measures an entry that grew (a compressed copy added), evicting others if needed. */
  resize(key: string): void {
    const hit = this.map.get(key);
    if (hit) this.set(key, hit.value);
  }

  delete(key: string): void {
    const hit = this.map.get(key);
    if (!hit) return;
    this.map.delete(key);
    this.total -= hit.bytes;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.map.size;
  }
}

const sizeOfBody = (c: CachedBody) =>
  c.body.length + (c.encoded.br?.length ?? 0) + (c.encoded.gzip?.length ?? 0) + 256;

/** The published-artifact cache of one app: 32 MB unless the app is given another cap. */
export class PublishedCache {
  readonly lru: ByteLru<CachedBody>;
  /** Misses (bodies built): tests read it to see a hit. */
  builds = 0;
  /** Builds under way: concurrent misses of one key wait for the same build. */
  private readonly pending = new Map<string, Promise<CachedBody | null>>();

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.lru = new ByteLru(maxBytes, sizeOfBody);
  }

  /** The entry for `key`, built by `build` on a miss (one build for concurrent misses of the same key). */
  get(key: string, build: () => Promise<Omit<CachedBody, 'etag' | 'encoded'> | null>) {
    const hit = this.lru.get(key);
    if (hit) return hit;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.fill(key, build).finally(() => this.pending.delete(key));
      this.pending.set(key, pending);
    }
    return pending;
  }

  private async fill(key: string, build: () => Promise<Omit<CachedBody, 'etag' | 'encoded'> | null>) {
    const made = await build();
    if (!made) return null;
    this.builds += 1;
    const entry: CachedBody = { ...made, etag: strongEtag(made.body), encoded: {} };
    this.lru.set(key, entry);
    return entry;
  }

  /** The body in `encoding`, compressed once and kept beside the plain one. */
  encodedBody(key: string, entry: CachedBody, encoding: Encoding | null): Buffer {
    if (!encoding || entry.body.length < COMPRESS_FROM) return entry.body;
    const done = entry.encoded[encoding];
    if (done) return done;
    const made =
      encoding === 'br'
        ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } })
        : gzipSync(entry.body, { level: 6 });
    entry.encoded[encoding] = made;
    this.lru.resize(key);
    return made;
  }
}

/** A hash of the bytes: two instances serving the same version give the same ETag. */
export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}
