import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { snapshotAll } from '../../../../test/db.ts';
import { makePerson, signedIn } from '../../../../test/factories.ts';
import { followIssuer, startTestIssuer, type TestIssuer } from '../../../../test/oidc-provider.ts';
import { manualClock, systemClock } from '../../../shared/clock.ts';
import type { TSettings } from '../../../shared/settings.ts';
import type { TOidcSettings } from '../../../shared/sso.ts';

const BASE = 'http://prodops.test';
// The app's clock (the pending sign-in's expiry); the issuer and openid-client's token checks use real time.
const clock = manualClock(systemClock.now());
let t: TestApp;
let issuer: TestIssuer;
let admin: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ publicUrl: BASE, clock });
  issuer = await startTestIssuer({
    redirectUris: [`${BASE}/api/v1/auth/oidc/callback`],
    postLogoutRedirectUris: [`${BASE}/sign-in`],
    accounts: {
      ana: { email: 'ana@example.com', name: 'Ana Lima', groups: ['product'] },
      joe: { email: 'joe@acme.test', name: 'Joe Park', groups: ['pms', 'eng-leads'] },
      eve: { email: 'eve@elsewhere.test', name: 'Eve', groups: ['pms'] },
      ben: { email: 'ben@acme.test', name: 'Ben', groups: ['sales'] },
    },
  });
  admin = (await signedIn(t.database.db, ['head_of_product'])).headers;
  await makePerson(t.database.db, { email: 'ana@example.com', name: 'Ana', roles: ['pm'], function: 'pm' });
});
afterAll(async () => {
  await issuer?.close();
  await t?.close();
});

async function saveOidc(patch: Partial<TOidcSettings> & { clientSecret?: string | null }) {
  const current = (await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin })).json();
  const settings: TSettings = current.settings;
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/settings',
    headers: admin,
    payload: { ...settings, sso: { oidc: { ...settings.sso.oidc, ...patch } } },
  });
  return res;
}

const ON: Partial<TOidcSettings> & { clientSecret?: string } = {
  enabled: true,
  displayName: 'Acme login',
  scopes: ['openid', 'email', 'profile', 'groups'],
  groupRoles: [],
  allowedDomains: ['acme.test'],
  defaultFunction: 'sales',
  defaultRoles: ['stakeholder'],
  passwordSignIn: true,
};

beforeEach(async () => {
  const res = await saveOidc({
    ...ON,
    issuer: issuer.issuer,
    clientId: issuer.clientId,
    clientSecret: issuer.clientSecret,
  });
  expect(res.statusCode).toBe(200);
});

/** The browser's round trip: start at the app, through the issuer as `account`, back to the callback. */
async function roundTrip(account: string, tamper?: (callback: URL) => void) {
  issuer.signInAs(account);
  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?next=/releases' });
  expect(start.statusCode).toBe(302);
  const login = start.cookies.find((c) => c.name === 'prodops_oidc')!;
  expect(login.httpOnly).toBe(true);
  const authorize = new URL(start.headers.location as string);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const callback = await followIssuer(issuer.issuer, authorize.toString());
  expect(callback.pathname).toBe('/api/v1/auth/oidc/callback');
  tamper?.(callback);
  return t.app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    cookies: { prodops_oidc: login.value },
  });
}

const sessionOf = (res: Awaited<ReturnType<typeof roundTrip>>) =>
  res.cookies.find((c) => c.name === 'prodops_session')?.value;

async function meWith(session: string | undefined) {
  return t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { prodops_session: session ?? '' } });
}

describe('single sign-on (OIDC) against a real provider', () => {
  it('settings show only that the client secret is set, and the sign-in page hears SSO is on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin });
    expect(res.json().secrets).toEqual({ oidcClientSecretSet: true });
    expect(res.body).not.toContain(issuer.clientSecret);
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso' });
    expect(status.json()).toEqual({
      oidc: { enabled: true, label: 'Acme login', startUrl: '/api/v1/auth/oidc/start', passwordSignIn: true },
    });
    expect(status.body).not.toContain(issuer.clientSecret);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: admin });
    expect(audit.body).not.toContain(issuer.clientSecret);
  });

  it('signs an existing person in: a session like a password sign-in, then the page asked for', async () => {
    const res = await roundTrip('ana');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/releases');
    const me = await meWith(sessionOf(res));
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'ana@example.com', name: 'Ana', roles: ['pm'] });
  });

  it('creates a person of an allowed domain at their first sign-in, with the default function and roles', async () => {
    const res = await roundTrip('ben');
    expect(res.statusCode).toBe(302);
    const me = (await meWith(sessionOf(res))).json();
    expect(me).toMatchObject({
      email: 'ben@acme.test',
      name: 'Ben',
      function: 'sales',
      roles: ['stakeholder'],
    });
  });

  it('refuses someone of another domain without an account, creating nothing, in words', async () => {
    const before = await snapshotAll(t.database.db);
    const res = await roundTrip('eve');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('You cannot sign in to prodops with this account');
    expect(sessionOf(res)).toBeUndefined();
    expect(await snapshotAll(t.database.db)).toBe(before);
  });

  it('gives roles from the group mapping, and re-syncs them at each sign-in (audited)', async () => {
    await saveOidc({
      groupRoles: [
        { group: 'pms', roles: ['pm'] },
        { group: 'eng-leads', roles: ['eng_lead'] },
        { group: 'admins', roles: ['admin'] },
      ],
    });
    const first = (await meWith(sessionOf(await roundTrip('joe')))).json();
    expect(first.roles).toEqual(['pm', 'eng_lead']);
    // Ana's roles were set in prodops; her group maps to none, so she gets the default roles, not more.
    const ana = (await meWith(sessionOf(await roundTrip('ana')))).json();
    expect(ana.roles).toEqual(['stakeholder']);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: admin });
    const sync = audit
      .json()
      .items.find((e: { action: string; entityId: string }) => e.action === 'person.roles_sync');
    expect(sync).toMatchObject({
      entityId: ana.id,
      change: { roles: { from: ['pm'], to: ['stakeholder'] } },
    });
  });

  it('refuses a tampered state before writing anything', async () => {
    const before = await snapshotAll(t.database.db);
    const res = await roundTrip('ana', (cb) => cb.searchParams.set('state', 'forged-state-value'));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('This sign-in could not be finished');
    expect(sessionOf(res)).toBeUndefined();
    expect(await snapshotAll(t.database.db)).toBe(before);
  });

  it('refuses a sign-in finished more than 10 minutes after it started, by the app clock', async () => {
    const res = await roundTrip('ana', () => clock.advance(10 * 60_000 + 1));
    clock.set(systemClock.now());
    expect(res.statusCode).toBe(400);
    expect(sessionOf(res)).toBeUndefined();
  });

  it('refuses a callback without the browser cookie that started it', async () => {
    issuer.signInAs('ana');
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const callback = await followIssuer(issuer.issuer, start.headers.location as string);
    const res = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}` });
    expect(res.statusCode).toBe(400);
    expect(sessionOf(res)).toBeUndefined();
  });

  it('with password sign-in off, password sign-in answers 403 in words; API tokens still work', async () => {
    await makePerson(t.database.db, {
      email: 'pat@acme.test',
      roles: ['pm'],
      password: 'a long enough password',
    });
    expect((await saveOidc({ passwordSignIn: false })).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'pat@acme.test', password: 'a long enough password' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/Password sign-in is off/);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: admin })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso' })).json().oidc.passwordSignIn).toBe(
      false,
    );
  });

  it("signs out and sends the browser to the issuer's end-session endpoint", async () => {
    const session = sessionOf(await roundTrip('ana'));
    expect((await meWith(session)).statusCode).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { prodops_session: session! },
      headers: { 'x-csrf-token': await csrfOf(session!) },
    });
    expect(res.statusCode).toBe(200);
    const to = new URL(res.json().redirectTo);
    expect(`${to.origin}`).toBe(issuer.issuer);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${BASE}/sign-in`);
    expect((await meWith(session)).statusCode).toBe(401);
  });
});

describe('single sign-on settings', () => {
  it('name the field that is wrong', async () => {
    const res = await saveOidc({ issuer: 'http://login.example.com', clientId: null });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['sso.oidc.issuer', 'sso.oidc.clientId']));
    const off = await saveOidc({ enabled: false, passwordSignIn: false });
    expect(off.json().error.fields).toEqual([
      { path: 'sso.oidc.passwordSignIn', message: expect.stringMatching(/only while single sign-on is on/) },
    ]);
  });

  it('clears the secret with null and keeps it when omitted', async () => {
    await saveOidc({});
    const kept = await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin });
    expect(kept.json().secrets.oidcClientSecretSet).toBe(true);
    await saveOidc({ clientSecret: null });
    const cleared = await t.app.inject({ method: 'GET', url: '/api/v1/settings', headers: admin });
    expect(cleared.json().secrets.oidcClientSecretSet).toBe(false);
  });
});

async function csrfOf(session: string): Promise<string> {
  const { sessions } = await import('../../../db/schema/index.ts');
  const { sha256 } = await import('../../../services/auth/tokens.ts');
  const { eq } = await import('drizzle-orm');
  const [row] = await t.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sha256(session)));
  return row!.csrfToken;
}
