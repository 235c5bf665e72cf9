import { makeArea, makePerson, makePod } from '../../../test/factories.ts';
import { systemActor } from '../../services/actor.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import { rotateFeedToken } from '../../services/cadence/feed.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Case, managers, publicRoute, signedInOnly } from './authorization-cases.fixture.ts';

/**
 * The public routes, signing in, one's own account, home and feed, and the org: people, areas, pods, settings,
 * RACI, audit.
 */
export const ORG_CASES: Record<string, Case> = {
  'GET /healthz': { expect: publicRoute },
  'GET /api/v1/openapi.json': { expect: publicRoute },
  'GET /*': { expect: publicRoute, url: () => '/favicon-that-does-not-exist.txt' },
  'POST /api/v1/auth/sign-in': {
    expect: publicRoute,
    body: () => ({ email: 'signin-target@example.com', password: 'correct horse battery' }),
  },
  'POST /api/v1/auth/sign-out': { expect: signedInOnly },
  // Issue 18: single sign-on. With it off (the default here) both ends send the browser back to the sign-in page;
  // routes/auth/oidc.test.ts drives them against a real issuer.
  'GET /api/v1/auth/sso': { expect: publicRoute },
  'GET /api/v1/auth/oidc/start': { expect: publicRoute },
  'GET /api/v1/auth/oidc/callback': {
    expect: publicRoute,
    url: () => '/api/v1/auth/oidc/callback?code=x&state=y',
  },
  'GET /api/v1/me': { expect: signedInOnly },
  // Issue 17: everyone signed in has a home; its sections follow their roles (src/server/routes/home).
  'GET /api/v1/home': { expect: signedInOnly },
  // Issue 17: one's own held actions (the undo banner after a reload); nobody else's.
  'GET /api/v1/broadcasts/held': { expect: signedInOnly },
  // Issue 17: the stakeholder feed is everyone's; its Atom/RSS is public, the private token in the URL the credential.
  'GET /api/v1/feed': { expect: signedInOnly },
  'GET /api/v1/feed/:file': {
    expect: publicRoute,
    url: async (c) =>
      new URL((await rotateFeedToken(c.db, c.ids.person, 'http://localhost', systemClock.now())).feed.rss)
        .pathname,
  },
  'GET /api/v1/me/tokens': { expect: signedInOnly },
  'POST /api/v1/me/tokens': { expect: signedInOnly, body: () => ({ name: 'ci' }) },
  'DELETE /api/v1/me/tokens/:id': {
    expect: signedInOnly,
    url: async (c) => {
      if (!c.personId) return `/api/v1/me/tokens/${crypto.randomUUID()}`;
      const t = await createApiToken({
        db: c.db,
        actor: systemActor('test'),
        personId: c.personId,
        name: 'to revoke',
        now: systemClock.now(),
      });
      return `/api/v1/me/tokens/${t.id}`;
    },
  },
  'GET /api/v1/people': { expect: signedInOnly },
  'GET /api/v1/people/:id': { expect: signedInOnly },
  'POST /api/v1/people': {
    expect: managers(),
    body: () => ({
      name: 'New Person',
      email: `new-${crypto.randomUUID()}@example.com`,
      function: 'sales',
      roles: ['stakeholder'],
    }),
  },
  'PATCH /api/v1/people/:id': { expect: managers(), body: () => ({ name: 'Renamed' }) },
  'DELETE /api/v1/people/:id': {
    expect: managers({ product_ops: 403, head_of_product: 403 }),
    url: async (c) => `/api/v1/people/${(await makePerson(c.db)).id}`,
  },
  'GET /api/v1/areas': { expect: signedInOnly },
  'GET /api/v1/areas/:id': { expect: signedInOnly },
  'POST /api/v1/areas': {
    expect: managers(),
    body: () => ({ slug: `a-${Math.random().toString(36).slice(2, 10)}`, name: 'New area' }),
  },
  'PATCH /api/v1/areas/:id': {
    expect: managers({ pmOwner: 'ok' }),
    body: () => ({ description: 'Changed' }),
  },
  // Issue 15: the active users its operational burden divides by; recorded as the area is edited.
  'GET /api/v1/areas/:id/active-users': { expect: signedInOnly },
  'POST /api/v1/areas/:id/active-users': {
    expect: managers({ pmOwner: 'ok' }),
    body: () => ({ entries: [{ month: '2026-11', users: 1200 }] }),
  },
  'DELETE /api/v1/areas/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/areas/${(await makeArea(c.db)).id}`,
  },
  'GET /api/v1/pods': { expect: signedInOnly },
  'GET /api/v1/pods/:id': { expect: signedInOnly },
  'POST /api/v1/pods': {
    expect: managers(),
    body: () => ({ slug: `p-${Math.random().toString(36).slice(2, 10)}`, name: 'New pod' }),
  },
  'PATCH /api/v1/pods/:id': { expect: managers({ pmOwner: 'ok' }), body: () => ({ mission: 'Changed' }) },
  'DELETE /api/v1/pods/:id': {
    expect: managers(),
    url: async (c) => `/api/v1/pods/${(await makePod(c.db)).id}`,
  },
  'GET /api/v1/settings': { expect: signedInOnly },
  'PUT /api/v1/settings': { expect: managers({ product_ops: 403 }), body: () => DEFAULT_SETTINGS },
  'GET /api/v1/raci': { expect: signedInOnly },
  'PUT /api/v1/raci': {
    expect: managers(),
    body: () => ({
      items: [
        {
          activity: 'Weekly product update',
          responsible: 'PMs',
          accountable: 'Product Ops',
          consulted: [],
          informed: [],
        },
      ],
    }),
  },
  'GET /api/v1/audit': { expect: managers() },
};
