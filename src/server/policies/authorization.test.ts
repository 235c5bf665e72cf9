import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../test/factories.ts';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../services/actor.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import type { TRole } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';

type Who =
  | 'anon'
  | 'stakeholder'
  | 'engineer'
  | 'pm'
  | 'pmOwner'
  | 'product_ops'
  | 'head_of_product'
  | 'admin';
type Outcome = 'ok' | 401 | 403;
const WHO: Who[] = [
  'anon',
  'stakeholder',
  'engineer',
  'pm',
  'pmOwner',
  'product_ops',
  'head_of_product',
  'admin',
];

interface Ctx {
  db: Db;
  ids: { area: string; pod: string; person: string };
  who: Who;
  personId: string | null;
}
interface Case {
  /** Outcome per caller; callers not listed get `rest`. */
  expect: Partial<Record<Who, Outcome>> & { rest: Outcome };
  url?: (c: Ctx) => Promise<string> | string;
  body?: (c: Ctx) => unknown;
}

const publicRoute: Case['expect'] = { rest: 'ok' };
const signedInOnly: Case['expect'] = { anon: 401, rest: 'ok' };
const managers = (extra: Partial<Record<Who, Outcome>> = {}): Case['expect'] => ({
  anon: 401,
  stakeholder: 403,
  engineer: 403,
  pm: 403,
  pmOwner: 403,
  ...extra,
  rest: 'ok',
});

/**
 * Every route of the app, with who may call it. A route missing here fails the first test, so a new route
 * cannot ship without someone deciding its policy and testing it.
 */
const MATRIX: Record<string, Case> = {
  'GET /healthz': { expect: publicRoute },
  'GET /api/v1/openapi.json': { expect: publicRoute },
  'GET /*': { expect: publicRoute, url: () => '/favicon-that-does-not-exist.txt' },
  'POST /api/v1/auth/sign-in': {
    expect: publicRoute,
    body: () => ({ email: 'signin-target@example.com', password: 'correct horse battery' }),
  },
  'POST /api/v1/auth/sign-out': { expect: signedInOnly },
  'GET /api/v1/me': { expect: signedInOnly },
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

let t: TestApp;
const callers = new Map<Who, { headers: Record<string, string>; personId: string | null }>();
let ids: Ctx['ids'];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  callers.set('anon', { headers: {}, personId: null });
  const roleOf: Record<Exclude<Who, 'anon' | 'pmOwner'>, TRole> = {
    stakeholder: 'stakeholder',
    engineer: 'engineer',
    pm: 'pm',
    product_ops: 'product_ops',
    head_of_product: 'head_of_product',
    admin: 'admin',
  };
  for (const [who, role] of Object.entries(roleOf)) {
    const s = await signedIn(db, [role]);
    callers.set(who as Who, { headers: s.headers, personId: s.person.id });
  }
  const owner = await signedIn(db, ['pm']);
  callers.set('pmOwner', { headers: owner.headers, personId: owner.person.id });
  const area = await makeArea(db, { ownerPmId: owner.person.id });
  const pod = await makePod(db, { areaId: area.id });
  const person = await makePerson(db);
  await makePerson(db, { email: 'signin-target@example.com', password: 'correct horse battery' });
  ids = { area: area.id, pod: pod.id, person: person.id };
});
afterAll(() => t.close());

const key = (method: string, url: string) => `${method} ${url}`;

describe('authorization', () => {
  it('covers every route of the app, and only those', () => {
    const routes = t.app.routeTable.filter((r) => r.method !== 'HEAD').map((r) => key(r.method, r.url));
    expect([...new Set(routes)].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, spec] of Object.entries(MATRIX)) {
    it(`${route}: ${WHO.map((w) => `${w}→${spec.expect[w] ?? spec.expect.rest}`).join(' ')}`, async () => {
      const [method, pattern] = route.split(' ') as [string, string];
      for (const who of WHO) {
        const caller = callers.get(who)!;
        const ctx: Ctx = { db: t.database.db, ids, who, personId: caller.personId };
        const resource = pattern.split('/')[3] as 'people' | 'areas' | 'pods' | undefined;
        const defaultId = resource === 'people' ? ids.person : resource === 'areas' ? ids.area : ids.pod;
        const url = spec.url ? await spec.url(ctx) : pattern.replace(':id', defaultId);
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: caller.headers,
          ...(spec.body ? { payload: spec.body(ctx) as object } : {}),
        });
        const wanted = spec.expect[who] ?? spec.expect.rest;
        const got: Outcome | number =
          res.statusCode < 400 || (route === 'GET /*' && res.statusCode === 503) ? 'ok' : res.statusCode;
        expect({ who, status: got, body: got === 'ok' ? '' : res.body }).toMatchObject({
          who,
          status: wanted,
        });
      }
    });
  }
});
