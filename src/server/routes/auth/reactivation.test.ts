import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { people, sessions } from '../../../db/schema/index.ts';
import { openSession } from '../../../services/auth/sessions.ts';

let t: TestApp;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t.database.db, ['admin']);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PATCH', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const setActive = async (personId: string, active: boolean) =>
  (await call('PATCH', `/api/v1/people/${personId}`, admin.headers, { active })).statusCode;

async function signInCookie(email: string, password: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  expect(res.statusCode).toBe(200);
  return `prodops_session=${res.cookies.find((c) => c.name === 'prodops_session')!.value}`;
}

describe('reactivating a person', () => {
  it('does not bring back the sessions and API tokens they held before deactivation', async () => {
    const me = await signedIn(t.database.db, ['pm'], { password: 'a password of mine' });
    const cookie = await signInCookie(me.person.email, 'a password of mine');
    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(200);

    expect(await setActive(me.person.id, false)).toBe(200);
    expect(await setActive(me.person.id, true)).toBe(200);

    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', me.headers)).statusCode).toBe(401);
    // Signing in again works: only the old credentials are gone.
    const fresh = await signInCookie(me.person.email, 'a password of mine');
    expect((await call('GET', '/api/v1/me', { cookie: fresh })).statusCode).toBe(200);
  });

  it('refuses a session opened for a person deactivated after their password was checked', async () => {
    const me = await signedIn(t.database.db, ['pm'], { password: 'a password of mine' });
    // The sign-in read the person (active) and checked the password; the deactivation commits meanwhile.
    const [readBefore] = await t.database.db.select().from(people).where(eq(people.id, me.person.id));
    expect(await setActive(me.person.id, false)).toBe(200);
    const opening = t.database.db.transaction((tx) =>
      openSession(tx, readBefore!, { now: new Date('2026-11-02T12:00:00Z'), ttlHours: 24, change: {} }),
    );
    await expect(opening).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await setActive(me.person.id, true)).toBe(200);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.personId, me.person.id))).toEqual(
      [],
    );
  });
});
