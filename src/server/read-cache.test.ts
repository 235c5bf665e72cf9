import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import { systemActor } from '../services/actor.ts';
import { revokeApiToken } from '../services/auth/tokens.ts';
import { manualClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import { ReadCache } from './read-cache.ts';

const T0 = new Date('2026-11-18T15:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('ReadCache', () => {
  it('reuses an answer for its time by the given clock, then asks again', async () => {
    const cache = new ReadCache(2000);
    let asked = 0;
    const load = async () => ++asked;
    expect(await cache.get('k', at(0), load)).toBe(1);
    expect(await cache.get('k', at(1999), load)).toBe(1);
    expect(await cache.get('k', at(2000), load)).toBe(2);
  });

  it('never keeps "not found", forgets everything on clear, and is off at 0', async () => {
    const cache = new ReadCache(2000);
    let answer: string | null = null;
    const load = async () => answer;
    expect(await cache.get('k', at(0), load)).toBeNull();
    answer = 'found';
    expect(await cache.get('k', at(1), load)).toBe('found');
    answer = 'changed';
    cache.clear();
    expect(await cache.get('k', at(2), load)).toBe('changed');
    const off = new ReadCache(0);
    let n = 0;
    await off.get('k', at(0), async () => ++n);
    expect(await off.get('k', at(0), async () => ++n)).toBe(2);
  });
});

describe('the server reuses who a credential is and which version is published, for a moment', () => {
  const clock = manualClock(T0);
  let t: TestApp;
  let other: FastifyInstance;

  beforeAll(async () => {
    t = await createTestApp({ clock, planFrom: T0, readCacheMs: 2000 });
    // A second instance on the same database, as behind a load balancer.
    other = await buildApp({
      db: t.database.db,
      clock,
      readCacheMs: 2000,
      config: { secureCookies: false, sessionHours: 24, signInPerMinute: 1000 },
    });
  }, 120_000);
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  const me = (headers: Record<string, string>, app = t.app) =>
    app.inject({ method: 'GET', url: '/api/v1/me', headers });

  it('a token revoked through this instance is refused on the next request here', async () => {
    const { headers } = await signedIn(t.database.db, ['pm']);
    expect((await me(headers)).statusCode).toBe(200);
    const tokens = (await t.app.inject({ method: 'GET', url: '/api/v1/me/tokens', headers })).json() as {
      items: { id: string }[];
    };
    const id = tokens.items[0]!.id;
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('a token revoked elsewhere (another instance, the CLI) still works here until the time is up, not after', async () => {
    clock.set(T0);
    const { headers, person } = await signedIn(t.database.db, ['pm']);
    expect((await me(headers)).statusCode).toBe(200);
    const [{ id }] = (await t.database.db.query.apiTokens.findMany({
      where: (tk, { eq }) => eq(tk.personId, person.id),
      columns: { id: true },
    })) as [{ id: string }];
    await revokeApiToken({
      db: t.database.db,
      actor: systemActor('cli'),
      personId: person.id,
      tokenId: id,
      now: T0,
    });
    expect((await me(headers)).statusCode).toBe(200);
    clock.set(at(1999));
    expect((await me(headers)).statusCode).toBe(200);
    clock.set(at(2000));
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('a new roadmap view published here is what the next reader here gets; another instance follows within the time', async () => {
    clock.set(T0);
    const ops = (await signedIn(t.database.db, ['product_ops'])).headers;
    const publish = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/roadmap/view/publish', headers: ops, payload: {} });
    const version = async (app: FastifyInstance) =>
      (
        (await app.inject({ method: 'GET', url: '/api/v1/roadmap/view', headers: ops })).json() as {
          version: number;
        }
      ).version;
    expect((await publish()).statusCode).toBeLessThan(300);
    const first = await version(t.app);
    expect(await version(other)).toBe(first);
    expect((await publish()).statusCode).toBeLessThan(300);
    expect(await version(t.app)).toBe(first + 1);
    expect(await version(other)).toBe(first);
    clock.set(at(2000));
    expect(await version(other)).toBe(first + 1);
  });
});
