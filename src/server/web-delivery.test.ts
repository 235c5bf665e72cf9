import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../test/db.ts';
import { makePerson, signedIn } from '../../test/factories.ts';
import { manualClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';

const START = new Date('2026-11-19T13:00:00Z');

let database: TestDatabase;
let webDir: string;
let app: FastifyInstance;
let headers: Record<string, string>;

// A built script well above the 1 KB threshold, as Vite names them (content hash in the name).
const SCRIPT = `export const pages = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `page ${i}`))};\n`;
const HTML =
  '<!doctype html><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script>';

/** The parts of Vite's manifest the front door reads: the entry and the home page with what it imports. */
const MANIFEST = {
  'index.html': { file: 'assets/index-abc123.js', imports: ['_react-1.js'] },
  '_react-1.js': { file: 'assets/react-1.js' },
  '_keys-2.js': { file: 'assets/keys-2.js' },
  'routes/home/home-page.tsx': {
    file: 'assets/home-def456.js',
    imports: ['_react-1.js', 'index.html', '_keys-2.js'],
    css: ['assets/home-3.css'],
  },
};

beforeAll(async () => {
  database = await createTestDb({ now: START });
  webDir = mkdtempSync(path.join(os.tmpdir(), 'prodops-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), HTML);
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), SCRIPT);
  // As the build writes them (scripts/vite-precompress.mjs): a copy the server must send as it is.
  writeFileSync(path.join(webDir, 'assets', 'home-def456.js'), SCRIPT);
  writeFileSync(path.join(webDir, 'assets', 'home-def456.js.br'), brotliCompressSync(SCRIPT));
  mkdirSync(path.join(webDir, '.vite'));
  writeFileSync(path.join(webDir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
  app = await buildApp({
    db: database.db,
    clock: manualClock(START),
    webDir,
    config: { secureCookies: false, sessionHours: 24, signInPerMinute: 1000 },
  });
  await app.ready();
  ({ headers } = await signedIn(database.db, ['product_ops']));
  // Enough people that the list is well over the threshold.
  for (let i = 0; i < 12; i++) await makePerson(database.db);
});
afterAll(async () => {
  await app.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** The body as the browser reads it after undoing the response's Content-Encoding. */
function decoded(res: LightMyRequestResponse): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  return res.rawPayload.toString('utf8');
}

describe('compressed responses', () => {
  const cases = [
    { what: 'a built script', url: '/assets/index-abc123.js', auth: false },
    { what: 'a JSON list', url: '/api/v1/people', auth: true },
  ];
  for (const c of cases) {
    it(`${c.what}: brotli or gzip as the browser asks, plain without Accept-Encoding`, async () => {
      const get = (acceptEncoding?: string) =>
        app.inject({
          method: 'GET',
          url: c.url,
          headers: {
            ...(c.auth ? headers : {}),
            ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
          },
        });
      const plain = await get();
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);

      const br = await get('br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(decoded(br)).toBe(plain.body);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);

      const gzip = await get('gzip, deflate');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decoded(gzip)).toBe(plain.body);

      // What browsers send: brotli is preferred when both are offered.
      expect((await get('gzip, deflate, br, zstd')).headers['content-encoding']).toBe('br');
    });
  }

  it("sends the build's own brotli copy as it is, and the file itself to a client that cannot read it", async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/home-def456.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.equals(brotliCompressSync(SCRIPT))).toBe(true);
    const plain = await app.inject({ method: 'GET', url: '/assets/home-def456.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('leaves small answers alone (below ~1 KB compressing costs more than it saves)', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('caching of the web app', () => {
  it('a fingerprinted asset is cached for good; the static plugin does not overwrite it', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('index.html, for the app itself or one of its routes, is checked every time', async () => {
    for (const url of ['/', '/index.html', '/releases/calendar']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body, url).toBe(HTML);
    }
  });

  it('a missing asset is a 404 in the shared error shape, not the app page', async () => {
    for (const url of ['/assets/index-old999.js', '/assets/index-old999.css', '/assets/nothing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({ error: { code: 'not_found', message: `no file ${url}` } });
      expect(String(res.headers['cache-control'] ?? ''), url).not.toMatch(/immutable/);
    }
  });
});

describe('the front door', () => {
  it("asks a signed-in browser at / for the home page's code and styles with the page, not after it", async () => {
    const res = await app.inject({ method: 'GET', url: '/', cookies: { prodops_session: 'a session' } });
    expect(res.statusCode).toBe(200);
    // The entry's own imports are already in index.html.
    expect(res.headers.link).toBe(
      '</assets/home-def456.js>; rel=modulepreload, </assets/keys-2.js>; rel=modulepreload, ' +
        '</assets/home-3.css>; rel=preload; as=style',
    );
  });

  it('asks nothing of a signed-out browser (it gets the sign-in page) or on other pages', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).headers.link).toBeUndefined();
    const elsewhere = await app.inject({
      method: 'GET',
      url: '/releases',
      cookies: { prodops_session: 'a session' },
    });
    expect(elsewhere.headers.link).toBeUndefined();
  });
});
