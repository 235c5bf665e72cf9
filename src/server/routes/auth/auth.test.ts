import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makePerson } from '../../../../test/factories.ts';
import { manualClock } from '../../../shared/clock.ts';

let t: TestApp;
const password = 'a long enough password';

beforeAll(async () => {
  t = await createTestApp({ signInPerMinute: 5 });
  await makePerson(t.database.db, { email: 'ana@example.com', roles: ['pm'], password });
});
afterAll(() => t.close());

function cookiesOf(res: {
  cookies: { name: string; value: string; httpOnly?: boolean; sameSite?: string }[];
}) {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c]));
}

async function signIn(email = 'ana@example.com', pw = password) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: pw },
    remoteAddress: `10.0.0.${Math.floor(Math.random() * 250) + 1}`,
  });
}

describe('password sign-in and the session cookie', () => {
  it('signs in, sets an HTTP-only session cookie and a readable CSRF cookie, and /me answers', async () => {
    const res = await signIn('ANA@example.com');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('ana@example.com');
    const c = cookiesOf(res);
    expect(c.prodops_session?.httpOnly).toBe(true);
    expect(c.prodops_session?.sameSite).toBe('Lax');
    expect(c.prodops_csrf?.httpOnly).toBeFalsy();
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      cookies: { prodops_session: c.prodops_session!.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().roles).toEqual(['pm']);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await signIn('ana@example.com', 'not the password');
    const unknown = await signIn('nobody@example.com', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const c = cookiesOf(await signIn());
    const cookies = { prodops_session: c.prodops_session!.value };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      cookies,
      payload: { name: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/csrf/i);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      cookies,
      headers: { 'x-csrf-token': 'guess' },
      payload: { name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      cookies,
      headers: { 'x-csrf-token': c.prodops_csrf!.value },
      payload: { name: 'x' },
    });
    expect(right.statusCode).toBe(201);
  });

  it('signs out: the session stops working', async () => {
    const c = cookiesOf(await signIn());
    const cookies = { prodops_session: c.prodops_session!.value };
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies,
      headers: { 'x-csrf-token': c.prodops_csrf!.value },
    });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
    expect(me.statusCode).toBe(401);
  });

  it('rate-limits sign-in attempts from one address', async () => {
    // A different email each time: the per-email lockout (security.test.ts) must not be what answers.
    let n = 0;
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: `guess-${n++}@example.com`, password: 'wrong-wrong' },
        remoteAddress: '192.0.2.7',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect((await attempt()).json().error.code).toBe('rate_limited');
  });
});

describe('API tokens', () => {
  it('creates a token (shown once), lists it without the secret, uses and revokes it', async () => {
    const c = cookiesOf(await signIn());
    const web = {
      cookies: { prodops_session: c.prodops_session!.value },
      headers: { 'x-csrf-token': c.prodops_csrf!.value },
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      ...web,
      payload: { name: 'laptop' },
    });
    const { id, token } = created.json() as { id: string; token: string };
    expect(token).toMatch(/^pdo_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', ...web });
    expect(list.body).not.toContain(token);
    expect(list.json().items.map((i: { name: string }) => i.name)).toContain('laptop');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    // Bearer requests carry no cookie, so they need no CSRF header.
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: bearer });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
  });

  it('rejects a malformed or unknown bearer token with 401', async () => {
    for (const header of ['Bearer pdo_nope', 'Bearer', 'Basic abc']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/people',
        headers: { authorization: header },
      });
      expect(res.statusCode).toBe(401);
    }
  });

  it('serves the OpenAPI document and health without sign-in', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/people',
        '/api/v1/people/{id}',
        '/api/v1/areas',
        '/api/v1/pods',
        '/api/v1/settings',
      ]),
    );
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
  });

  it('answers unknown API routes with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe("the server's instant, for the web app's clock", () => {
  it("stamps every response's Date with the request's instant, and /me carries it exactly", async () => {
    const clock = manualClock('2027-03-14T06:30:00.250Z');
    const at = await createTestApp({ clock });
    try {
      await makePerson(at.database.db, { email: 'bea@example.com', roles: ['pm'], password });
      const signedIn = await at.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'bea@example.com', password },
      });
      expect(signedIn.headers.date).toBe('Sun, 14 Mar 2027 06:30:00 GMT');
      expect(signedIn.json().user).not.toHaveProperty('now');
      const cookies = { prodops_session: cookiesOf(signedIn).prodops_session!.value };
      clock.advance(90_500);
      const me = await at.app.inject({ method: 'GET', url: '/api/v1/me', cookies });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ email: 'bea@example.com', now: '2027-03-14T06:31:30.750Z' });
      expect(me.headers.date).toBe('Sun, 14 Mar 2027 06:31:30 GMT');
      const refused = await at.app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers.date).toBe('Sun, 14 Mar 2027 06:31:30 GMT');
    } finally {
      await at.close();
    }
  });
});
