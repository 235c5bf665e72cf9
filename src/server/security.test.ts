import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../test/db.ts';
import { makePerson, signedIn } from '../../test/factories.ts';
import { loadConfig } from '../config/env.ts';
import { systemActor } from '../services/actor.ts';
import { sha256 } from '../services/auth/tokens.ts';
import { getSettings, updateSettings } from '../services/org/settings.ts';
import { manualClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import type { AppDeps } from './types.ts';

const START = new Date('2026-11-19T13:00:00Z');
const clock = manualClock(START);
const password = 'a long enough password';
const MINUTE = 60_000;

let database: TestDatabase;
let webDir: string;
let app: FastifyInstance;
const apps: FastifyInstance[] = [];

/** The real app over this file's database, with the web app's files in a temporary folder. */
async function appWith(config: Partial<AppDeps['config']> = {}, more?: (a: FastifyInstance) => void) {
  const a = await buildApp({
    db: database.db,
    clock,
    webDir,
    config: { secureCookies: false, sessionHours: 24, signInPerMinute: 1000, ...config },
  });
  more?.(a);
  await a.ready();
  apps.push(a);
  return a;
}

beforeAll(async () => {
  database = await createTestDb({ now: START });
  webDir = mkdtempSync(path.join(os.tmpdir(), 'prodops-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(
    path.join(webDir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log("app")');
  app = await appWith({}, (a) => {
    a.get('/api/v1/test-failure', { config: { policy: 'public' } }, async () => {
      throw new Error('a bug');
    });
  });
  // Lockout messages name the time in the org's time zone.
  await updateSettings({
    db: database.db,
    actor: systemActor('test'),
    settings: { ...(await getSettings(database.db)), timeZone: 'Europe/Berlin' },
    now: START,
  });
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await database.close();
  rmSync(webDir, { recursive: true, force: true });
});

let address = 0;
/** Each sign-in from its own address, so the per-address rate limit stays out of the lockout tests. */
function signIn(
  email: string,
  pw: string,
  over: { app?: FastifyInstance; headers?: Record<string, string> } = {},
) {
  address += 1;
  return (over.app ?? app).inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: pw },
    headers: over.headers,
    remoteAddress: `10.1.${Math.floor(address / 250)}.${(address % 250) + 1}`,
  });
}

function directivesOf(res: LightMyRequestResponse): Record<string, string[]> {
  const csp = String(res.headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = directivesOf(res);
  expect(csp['default-src'], what).toEqual(["'self'"]);
  expect(csp['script-src'], what).toEqual(["'self'"]);
  expect(csp['object-src'], what).toEqual(["'none'"]);
  expect(csp['base-uri'], what).toEqual(["'self'"]);
  expect(csp['form-action'], what).toEqual(["'self'"]);
  expect(csp['frame-ancestors'], what).toEqual(["'none'"]);
  expect(csp['img-src'], what).toEqual(["'self'", 'data:']);
  expect(String(res.headers['content-security-policy']), what).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['x-frame-options'], what).toBe('DENY');
}

const cookiesOf = (res: LightMyRequestResponse) => Object.fromEntries(res.cookies.map((c) => [c.name, c]));

describe('security headers', () => {
  it('are on API answers, errors, the web app, the OpenAPI document and the feeds', async () => {
    const pm = await signedIn(database.db, ['pm']);
    const { url: feedUrl } = (
      await app.inject({ method: 'POST', url: '/api/v1/calendar/feed-url/rotate', headers: pm.headers })
    ).json() as { url: string };
    const feedToken = new URL(feedUrl).pathname.split('/').pop()!.replace('.ics', '');
    const cases: { what: string; status: number; req: InjectOptions }[] = [
      { what: 'API JSON', status: 200, req: { url: '/api/v1/people', headers: pm.headers } },
      { what: '401 without credentials', status: 401, req: { url: '/api/v1/people' } },
      {
        what: '401 for a bad token (refused by the first hooks)',
        status: 401,
        req: { url: '/api/v1/people', headers: { authorization: 'Bearer pdo_nope' } },
      },
      {
        what: '404 for an absent resource',
        status: 404,
        req: { url: `/api/v1/people/${crypto.randomUUID()}`, headers: pm.headers },
      },
      { what: '404 for no such API route', status: 404, req: { url: '/api/v1/no-such-thing' } },
      {
        what: '400 for a body that is not JSON',
        status: 400,
        req: {
          method: 'POST',
          url: '/api/v1/me/tokens',
          headers: { ...pm.headers, 'content-type': 'application/json' },
          payload: '{not json',
        },
      },
      { what: '500 for a bug', status: 500, req: { url: '/api/v1/test-failure' } },
      { what: '400 for a URL that cannot be decoded', status: 400, req: { url: '/api/v1/%E0%A4%A' } },
      { what: 'the web app', status: 200, req: { url: '/' } },
      { what: 'a client-side route (index.html)', status: 200, req: { url: '/releases/some-id' } },
      { what: 'a built file', status: 200, req: { url: '/assets/app.js' } },
      { what: 'the OpenAPI document', status: 200, req: { url: '/api/v1/openapi.json' } },
      { what: 'health', status: 200, req: { url: '/healthz' } },
      { what: 'the iCalendar feed', status: 200, req: { url: `/api/v1/calendar/feed/${feedToken}.ics` } },
      { what: 'the Atom feed', status: 200, req: { url: `/api/v1/updates/feed/${feedToken}.atom` } },
    ];
    for (const c of cases) {
      const res = await app.inject(c.req);
      expect(res.statusCode, c.what).toBe(c.status);
      expectSecurityHeaders(res, c.what);
    }
    const failure = await app.inject({ url: '/api/v1/test-failure' });
    expect(Object.keys(failure.json().error).sort()).toEqual(['code', 'message']);
    expect(failure.json().error.message).toContain(failure.headers['x-request-id']);
    expect(failure.body).not.toContain('a bug');
    const badUrl = await app.inject({ url: '/%E0%A4%A' });
    expect(badUrl.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'url' }] });
  });

  it('allow the printable roadmap its own <style> by hash, still without unsafe-inline', async () => {
    const pm = await signedIn(database.db, ['pm']);
    const res = await app.inject({
      url: '/api/v1/roadmap/view/export?format=html',
      headers: pm.headers,
    });
    expect(res.statusCode).toBe(200);
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? '';
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    expect(directivesOf(res)['style-src']).toEqual(["'self'", `'sha256-${hash}'`]);
    expect(directivesOf(res)['script-src']).toEqual(["'self'"]);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('session cookies', () => {
  it('are HttpOnly and SameSite, and not Secure over plain HTTP', async () => {
    const person = await makePerson(database.db, { roles: ['pm'], password });
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      // Without trusting a proxy, anyone could send X-Forwarded-Proto: it changes nothing.
      const res = await signIn(person.email, password, { headers });
      expect(res.statusCode).toBe(200);
      const c = cookiesOf(res);
      expect(c.prodops_session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(c.prodops_session?.secure).toBeFalsy();
      expect(c.prodops_csrf).toMatchObject({ sameSite: 'Strict' });
      expect(c.prodops_csrf?.secure).toBeFalsy();
    }
  });

  it('are Secure behind a trusted proxy that says the browser came over HTTPS', async () => {
    const behindProxy = await appWith({ trustProxy: true });
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const plain = await signIn(person.email, password, {
      app: behindProxy,
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(cookiesOf(plain).prodops_session?.secure).toBeFalsy();
    const res = await signIn(person.email, password, {
      app: behindProxy,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    const c = cookiesOf(res);
    expect(c.prodops_session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(c.prodops_csrf).toMatchObject({ secure: true, sameSite: 'Strict' });
  });

  it('are Secure only when the proxy that says HTTPS is one the operator listed', async () => {
    const config = loadConfig({ PRODOPS_TRUST_PROXY: '10.9.0.1, 10.8.0.0/16' });
    expect(config.trustProxy).toEqual(['10.9.0.1', '10.8.0.0/16']);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ PRODOPS_TRUST_PROXY: 'yes please' })).toThrow(/PRODOPS_TRUST_PROXY/);
    const behindProxy = await appWith({ trustProxy: config.trustProxy });
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const https = { 'x-forwarded-proto': 'https' };
    const fromProxy = await behindProxy.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.email, password },
      headers: https,
      remoteAddress: '10.8.3.4',
    });
    expect(cookiesOf(fromProxy).prodops_session?.secure).toBe(true);
    const fromElsewhere = await behindProxy.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: person.email, password },
      headers: https,
      remoteAddress: '192.0.2.9',
    });
    expect(fromElsewhere.statusCode).toBe(200);
    expect(cookiesOf(fromElsewhere).prodops_session?.secure).toBeFalsy();
  });

  it('are Secure when the operator says so (PRODOPS_SECURE_COOKIES)', async () => {
    const secure = await appWith({ secureCookies: true });
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const res = await signIn(person.email, password, { app: secure });
    expect(cookiesOf(res).prodops_session).toMatchObject({ secure: true, httpOnly: true });
  });
});

describe('sign-in lockout', () => {
  it('locks an email after 5 failures in a row, even for the right password, for 15 minutes', async () => {
    clock.set(START);
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(person.email, 'not the password')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const locked = await signIn(person.email.toUpperCase(), password);
    expect(locked.statusCode).toBe(429);
    expect(Object.keys(locked.json().error).sort()).toEqual(['code', 'message']);
    expect(locked.json().error.code).toBe('rate_limited');
    // 13:15 UTC is 14:15 in Berlin.
    expect(locked.json().error.message).toMatch(
      /try again after 14:15 \(Europe\/Berlin time\), in 15 minutes/,
    );
    expectSecurityHeaders(locked, 'the lockout answer');

    clock.advance(14 * MINUTE);
    const still = await signIn(person.email, password);
    expect(still.statusCode).toBe(429);
    expect(still.json().error.message).toMatch(/in 1 minute\b/);

    clock.advance(1 * MINUTE);
    expect((await signIn(person.email, password)).statusCode).toBe(200);

    const audit = await database.db.execute(
      sql`select action, entity_type, entity_id, change from audit_log where action = 'sign_in.locked' and entity_id = ${person.id}`,
    );
    const rows = (audit as unknown as { rows: { entity_type: string; change: { lockedUntil: string } }[] })
      .rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entity_type: 'person',
      change: { lockedUntil: '2026-11-19T13:15:00.000Z' },
    });
  });

  it('resets the count on a successful sign-in', async () => {
    clock.set(START);
    const person = await makePerson(database.db, { roles: ['pm'], password });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++)
        expect((await signIn(person.email, 'not the password')).statusCode).toBe(401);
      expect((await signIn(person.email, password)).statusCode).toBe(200);
    }
  });

  it('locks an unknown email the same way, so answers do not tell which accounts exist', async () => {
    clock.set(START);
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const known: LightMyRequestResponse[] = [];
    const unknown: LightMyRequestResponse[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await signIn(person.email, 'not the password'));
      unknown.push(await signIn(`nobody-${person.id}@example.com`, 'not the password'));
    }
    expect(unknown.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(unknown.map((r) => r.json())).toEqual(known.map((r) => r.json()));
    clock.advance(15 * MINUTE);
    expect((await signIn(`nobody-${person.id}@example.com`, 'not the password')).statusCode).toBe(401);
  });

  it('lets no more than 5 guesses through when they arrive at once', async () => {
    clock.set(START);
    const person = await makePerson(database.db, { roles: ['pm'], password });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => signIn(person.email, 'not the password')),
    );
    const wrong = answers.filter((r) => /wrong/.test(r.json().error.message));
    expect(wrong).toHaveLength(5);
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(4);
    expect((await signIn(person.email, password)).statusCode).toBe(429);
  });
});

describe('sign-in rate limit', () => {
  it('answers the (N+1)th sign-in from one address in a minute with 429 in the one error shape', async () => {
    const limited = await appWith({ signInPerMinute: 3 });
    const attempt = (i: number) =>
      limited.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        // A different email each time: the per-email lockout is not what answers here.
        payload: { email: `rate-${i}@example.com`, password: 'not the password' },
        remoteAddress: '192.0.2.44',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses).toEqual([401, 401, 401]);
    const over = await attempt(3);
    expect(over.statusCode).toBe(429);
    expect(over.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    expectSecurityHeaders(over, 'the rate limit answer');
  });
});

describe('passwords and tokens', () => {
  it('refuses a person password shorter than 10 characters, naming the field', async () => {
    const admin = await signedIn(database.db, ['admin']);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin.headers,
      payload: {
        name: 'Short Password',
        email: `short-${crypto.randomUUID()}@example.com`,
        function: 'pm',
        roles: ['pm'],
        password: '123456789',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('password');
  });

  it('stores API tokens only as their SHA-256, and the token works', async () => {
    const owner = await signedIn(database.db, ['pm']);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: owner.headers,
      payload: { name: 'ci' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const result = await database.db.execute(sql`select * from api_tokens`);
    const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
    const row = rows.find((r) => r.id === id);
    expect(row?.token_hash).toBe(sha256(token));
    for (const r of rows) {
      for (const value of Object.values(r)) expect(String(value)).not.toContain(token);
    }
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(owner.person.id);
  });
});
