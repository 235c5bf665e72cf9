import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';

/**
 * Issue 13, finding 8: `GET /releases?q=salesforce` returned every release: a parameter a route did not read was
 * silently ignored. Now every route, from the route table, refuses a parameter it does not document, naming it.
 */
let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t.database.db, ['admin'])).headers;
});
afterAll(() => t.close());

/** URLs handed to software we do not control (mail clients, calendar apps, feed readers, browsers). */
const ANY_QUERY = [
  'GET /*',
  'HEAD /*',
  'GET /api/v1/unsubscribe/:token',
  'HEAD /api/v1/unsubscribe/:token',
  'POST /api/v1/unsubscribe/:token',
  'GET /api/v1/calendar/feed/:file',
  'HEAD /api/v1/calendar/feed/:file',
  'GET /api/v1/updates/feed/:file',
  'HEAD /api/v1/updates/feed/:file',
  'GET /api/v1/feed/:file',
  'HEAD /api/v1/feed/:file',
  // The OIDC issuer sends people back with parameters of its own (code, state, iss, session_state, error…).
  'GET /api/v1/auth/oidc/callback',
  'HEAD /api/v1/auth/oidc/callback',
];

/**
 * Slack's own requests: one that is not signed is refused (401, or 404 without SLACK_SIGNING_SECRET) before its
 * query is read; signed ones with an unknown parameter get this 400 in routes/slack/slack.test.ts.
 */
const SIGNED_BY_SLACK = ['POST /api/v1/slack/commands', 'POST /api/v1/slack/interactions'];

const TOKEN = 'AbCdEfGhIjKlMnOpQrSt';
const urlOf = (pattern: string) =>
  pattern.replace('/*', '/some/page').replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'week') return '2026-W48';
    if (name === 'token') return TOKEN;
    if (name === 'file')
      return pattern.includes('/updates/') || pattern === '/api/v1/feed/:file'
        ? `${TOKEN}.atom`
        : `${TOKEN}.ics`;
    return crypto.randomUUID();
  });

const send = (method: string, url: string, headers: Record<string, string> = admin) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { payload: {} }),
  });

const namesUnknown = (body: string) =>
  JSON.stringify(JSON.parse(body).error?.fields) ===
  JSON.stringify([{ path: 'query.zzUnknown', message: 'is not a known field' }]);

describe('query parameters a route does not document', () => {
  it('every route refuses ?zzUnknown=1 with a 400 naming it: never a 2xx, a 404 or a 500', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const route of t.app.routeTable) {
      const name = `${route.method} ${route.url}`;
      if (ANY_QUERY.includes(name) || SIGNED_BY_SLACK.includes(name)) continue;
      checked++;
      const res = await send(route.method, `${urlOf(route.url)}?zzUnknown=1`);
      // HEAD answers carry no body: the status says it.
      if (res.statusCode === 400 && (route.method === 'HEAD' || namesUnknown(res.body))) continue;
      wrong.push(`${name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(checked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it('links handed to mail clients, calendar apps, feed readers and browsers ignore what those add', async () => {
    const table = t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    for (const name of ANY_QUERY) {
      expect(table).toContain(name);
      const [method, pattern] = name.split(' ') as [string, string];
      const res = await send(method, `${urlOf(pattern)}?utm_source=mail`, {});
      expect(res.statusCode, name).not.toBe(400);
    }
  });

  it('names each unknown parameter, and only those, next to documented ones', async () => {
    const res = await send('GET', '/api/v1/people?q=a&search=a&sort=name');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'query.search', message: 'is not a known field' },
      { path: 'query.sort', message: 'is not a known field' },
    ]);
    expect((await send('GET', '/api/v1/people?q=a&limit=5')).statusCode).toBe(200);
  });

  it('keeps 401 first for an anonymous caller of a private route', async () => {
    expect((await send('GET', '/api/v1/people?zzUnknown=1', {})).statusCode).toBe(401);
    expect((await send('GET', `/api/v1/releases/${crypto.randomUUID()}?zzUnknown=1`, {})).statusCode).toBe(
      401,
    );
  });
});
