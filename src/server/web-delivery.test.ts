import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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

beforeAll(async () => {
  database = await createTestDb({ now: START });
  webDir = mkdtempSync(path.join(os.tmpdir(), 'prodops-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), HTML);
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), SCRIPT);
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
