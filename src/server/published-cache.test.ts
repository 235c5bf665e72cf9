import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { makeArea, signedIn } from '../../test/factories.ts';
import { manualClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import { ByteLru, PublishedCache } from './published-cache.ts';

const clock = manualClock('2026-11-18T15:00:00Z');
const WEEK = '2026-W47';
let t: TestApp;
let other: FastifyInstance;
let ops: Record<string, string>;
let pm: Record<string, string>;
let sales: Record<string, string>;
let areaId: string;

/** A second instance on the same database, as behind a load balancer. */
const instance = (cacheBytes?: number) =>
  buildApp({
    db: t.database.db,
    clock,
    config: { secureCookies: false, sessionHours: 24, signInPerMinute: 1000 },
    publishedCacheBytes: cacheBytes,
  });

beforeAll(async () => {
  t = await createTestApp({ clock, planFrom: clock.now() });
  other = await instance();
  ops = (await signedIn(t.database.db, ['product_ops'])).headers;
  const maya = await signedIn(t.database.db, ['pm'], { name: 'Maya Chen' });
  pm = maya.headers;
  sales = (await signedIn(t.database.db, ['stakeholder'], { function: 'sales' })).headers;
  areaId = (await makeArea(t.database.db, { name: 'Billing', ownerPmId: maya.person.id })).id;
}, 120_000);
afterAll(async () => {
  await other.close();
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}, app = t.app) =>
  app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
async function send(method: 'POST' | 'PUT', url: string, headers: Record<string, string>, payload: object) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string };
}
// Long enough (> 1 KB) that a browser gets it compressed.
const wins = (extra: string[] = []) => ({
  content: {
    wins: [
      ...Array.from({ length: 12 }, (_, i) => `Invoices v2 step ${i}: ${'detail '.repeat(12)}`),
      ...extra,
    ],
  },
});
const artifact = (query = '') => `/updates/${WEEK}/artifact${query}`;

describe('published artifacts are served once serialized, with a strong ETag (issue 19, part 2)', () => {
  it('a weekly update: the same ETag and bytes on every read, 304 on If-None-Match, built once', async () => {
    await send('PUT', `/updates/${WEEK}/areas/${areaId}`, pm, wins());
    await send('POST', `/updates/${WEEK}/publish`, ops, {});
    const builds = t.app.publishedCache.builds;
    const a = await get(artifact(), sales);
    const b = await get(artifact(), ops);
    expect(a.statusCode).toBe(200);
    expect(a.headers.etag).toMatch(/^"[\w-]{32}"$/);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.body).toBe(a.body);
    expect(a.json()).toMatchObject({ week: WEEK, version: 1 });
    expect(a.headers['cache-control']).toBe('private, no-cache');
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(t.app.publishedCache.builds).toBe(builds + 1);

    const etag = a.headers.etag as string;
    for (const tag of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await get(artifact(), { ...sales, 'if-none-match': tag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
    }
    expect((await get(artifact(), { ...sales, 'if-none-match': '"other"' })).statusCode).toBe(200);

    const md = await get(artifact('?format=md'), sales);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers.etag).not.toBe(etag);
    expect(md.body).toBe(a.json().markdown);

    // Compressed once; the encoded copy has its own strong ETag and revalidates as well.
    const br = await get(artifact(), { ...sales, 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(`${etag.slice(0, -1)}-br"`);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(a.body);
    const brAgain = { ...sales, 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string };
    expect((await get(artifact(), brAgain)).statusCode).toBe(304);
  });

  it('a correction is a new version: a new ETag and body on every instance at once; the old version keeps its own', async () => {
    const v1 = await get(artifact(), sales, other); // the other instance has v1 cached
    const v1Etag = v1.headers.etag as string;
    await send('PUT', `/updates/${WEEK}/areas/${areaId}`, pm, wins(['Tax IDs']));
    await send('POST', `/updates/${WEEK}/publish`, ops, { note: 'Billing added Tax IDs' });
    for (const app of [t.app, other]) {
      const latest = await get(artifact(), { ...sales, 'if-none-match': v1Etag }, app);
      expect(latest.statusCode).toBe(200);
      expect(latest.headers.etag).not.toBe(v1Etag);
      expect(latest.json()).toMatchObject({
        version: 2,
        changes: expect.arrayContaining(['Billing added Tax IDs']),
      });
      expect(latest.json().markdown).toContain('Tax IDs');
      const first = await get(artifact('?version=1'), sales, app);
      expect(first.headers.etag).toBe(v1Etag);
      expect(first.body).toBe(v1.body);
    }
  });

  it('the roadmap view: one ETag per audience; the draft is never cached and stays the product org’s', async () => {
    await send('POST', '/roadmap/view/publish', ops, {});
    const all = await get('/roadmap/view', ops);
    const sup = await get('/roadmap/view?audience=support', ops);
    expect(all.statusCode).toBe(200);
    expect(sup.headers.etag).not.toBe(all.headers.etag);
    expect(sup.json().markdown).not.toBe(all.json().markdown);
    const mine = await get('/roadmap/view?audience=support', {
      ...sales,
      'if-none-match': sup.headers.etag as string,
    });
    expect(mine.statusCode).toBe(304);
    const html = await get('/roadmap/view/export?format=html', sales);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers.etag).toMatch(/^"/);

    expect((await get('/roadmap/view?version=draft', ops)).headers.etag).toBeUndefined();
    const draft = await get('/roadmap/view?version=draft', {
      ...sales,
      'if-none-match': all.headers.etag as string,
    });
    expect(draft.statusCode).toBe(403);
    const anon = await get('/roadmap/view', { 'if-none-match': all.headers.etag as string });
    expect(anon.statusCode).toBe(401);
    expect((await get('/roadmap/view?version=99', ops)).statusCode).toBe(404);
  });

  it('a held launch’s bundle: refused to a stakeholder even after the product org warmed the cache', async () => {
    const release = await send('POST', '/releases', ops, {
      title: 'Usage billing',
      tier: 3,
      targetDate: '2026-12-21',
      areaId,
    });
    const url = `/releases/${release.id}/bundle/artifact`;
    expect((await get(url, sales)).statusCode).toBe(404); // nothing sent yet
    await send('PUT', `/releases/${release.id}/bundle`, ops, { sections: { what_changed: 'Sent words' } });
    await send('POST', `/releases/${release.id}/bundle/distribute`, ops, {});
    await send('PUT', `/releases/${release.id}/bundle`, ops, { sections: { what_changed: 'Draft words' } });
    const sent = await get(url, sales);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      version: 1,
      stage: 'distribution',
      sections: { what_changed: 'Sent words' },
    });
    expect(sent.body).not.toContain('Draft words');

    await send('POST', `/releases/${release.id}/decisions`, ops, { decision: 'hold', reason: 'Not ready' });
    const warmed = await get(url, ops);
    expect(warmed.statusCode).toBe(200);
    expect(warmed.headers.etag).toBe(sent.headers.etag);
    for (const headers of [sales, { ...sales, 'if-none-match': warmed.headers.etag as string }]) {
      const refused = await get(url, headers);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('Sent words');
      expect(refused.headers.etag).toBeUndefined();
    }
    expect((await get(url, { 'if-none-match': warmed.headers.etag as string })).statusCode).toBe(401);
  });

  it('the monthly digest: served from the cache with its ETag', async () => {
    await send('POST', '/insights/digests/2026-10/publish', ops, {});
    const a = await get('/insights/digests/2026-10', sales);
    expect(a.statusCode).toBe(200);
    const b = await get('/insights/digests/2026-10', { ...pm, 'if-none-match': a.headers.etag as string });
    expect(b.statusCode).toBe(304);
    expect((await get('/insights/digests/2026-09', sales)).statusCode).toBe(404);
  });
});

describe('the cache is bounded', () => {
  it('evicts the least recently used entries past its byte cap', () => {
    const lru = new ByteLru<string>(10, (v) => v.length);
    lru.set('a', 'aaaa');
    lru.set('b', 'bbbb');
    expect(lru.get('a')).toBe('aaaa'); // a is now the most recent
    lru.set('c', 'cccc');
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.bytes, lru.size]).toEqual(['aaaa', 'cccc', 8, 2]);
    lru.set('huge', 'x'.repeat(11));
    expect([lru.get('huge'), lru.size]).toEqual([undefined, 2]);
  });

  it('builds a key once for concurrent misses', async () => {
    const cache = new PublishedCache(1024);
    let calls = 0;
    const build = async () => {
      calls += 1;
      return { body: Buffer.from('{"a":1}'), type: 'application/json', headers: {} };
    };
    const [a, b] = await Promise.all([cache.get('k', build), cache.get('k', build)]);
    expect([calls, cache.builds, a === b, a?.etag]).toEqual([
      1,
      1,
      true,
      expect.stringMatching(/^"[\w-]{32}"$/),
    ]);
  });

  it('an instance with a small cap keeps under it and rebuilds the same bytes after eviction', async () => {
    const small = await instance(4000);
    try {
      const first = await get(artifact('?version=1'), sales, small);
      for (const q of ['?version=1&format=md', '?version=2', '?version=2&format=md'])
        expect((await get(artifact(q), sales, small)).statusCode).toBe(200);
      const cache = small.publishedCache;
      expect(cache.lru.bytes).toBeLessThanOrEqual(4000);
      expect(cache.lru.size).toBeLessThan(4);
      const builds = cache.builds;
      const again = await get(artifact('?version=1'), sales, small);
      expect(cache.builds).toBe(builds + 1);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.body).toBe(first.body);
    } finally {
      await small.close();
    }
  });
});
