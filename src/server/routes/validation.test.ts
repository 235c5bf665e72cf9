import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../test/factories.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';

interface BadCase {
  name: string;
  url?: string;
  body?: unknown;
  raw?: string;
  /** Field paths the 400 must name. */
  fields: string[];
}

let t: TestApp;
let admin: { headers: Record<string, string> };
const ids = { person: '', area: '', pod: '', stakeholder: '', pm1: '', pm2: '' };

/** Bad input for every write route. `fields` are the paths the error must name. */
function cases(): Record<string, BadCase[]> {
  return {
    'POST /api/v1/auth/sign-in': [
      { name: 'bad email, no password', body: { email: 'nope' }, fields: ['email', 'password'] },
    ],
    'POST /api/v1/auth/sign-out': [],
    'POST /api/v1/me/tokens': [{ name: 'empty name', body: { name: '' }, fields: ['name'] }],
    'DELETE /api/v1/me/tokens/:id': [
      { name: 'not an id', url: '/api/v1/me/tokens/xyz', fields: ['params.id'] },
    ],
    'POST /api/v1/people': [
      {
        name: 'every field wrong',
        body: { name: '', email: 'bad', function: 'wizard', roles: [] },
        fields: ['name', 'email', 'function', 'roles'],
      },
      {
        name: 'unknown field',
        body: { name: 'A', email: 'a@example.com', function: 'sales', roles: ['stakeholder'], isBoss: true },
        fields: ['isBoss'],
      },
      {
        name: 'bad slack id and short password',
        body: {
          name: 'A',
          email: 'a@example.com',
          function: 'sales',
          roles: ['stakeholder'],
          slackId: 'bob',
          password: 'short',
        },
        fields: ['slackId', 'password'],
      },
      { name: 'not JSON', raw: '{"name": ', fields: ['body'] },
    ],
    'PATCH /api/v1/people/:id': [
      { name: 'unknown role', body: { roles: ['king'] }, fields: ['roles.0'] },
      { name: 'not an id', url: '/api/v1/people/42', body: { name: 'X' }, fields: ['params.id'] },
    ],
    'DELETE /api/v1/people/:id': [{ name: 'not an id', url: '/api/v1/people/42', fields: ['params.id'] }],
    'POST /api/v1/areas': [
      { name: 'bad slug, no name', body: { slug: 'Bad Slug' }, fields: ['slug', 'name'] },
      {
        name: 'owner is not a PM',
        body: { slug: 'fine-slug', name: 'Fine', ownerPmId: ids.stakeholder },
        fields: ['ownerPmId'],
      },
      {
        name: 'unknown owner',
        body: { slug: 'fine-slug', name: 'Fine', ownerPmId: crypto.randomUUID() },
        fields: ['ownerPmId'],
      },
    ],
    'PATCH /api/v1/areas/:id': [
      { name: 'negative users', body: { activeUsers: -1 }, fields: ['activeUsers'] },
    ],
    'DELETE /api/v1/areas/:id': [{ name: 'not an id', url: '/api/v1/areas/abc', fields: ['params.id'] }],
    'POST /api/v1/pods': [
      {
        name: 'two PMs (3-1-1 is single-threaded)',
        body: {
          slug: 'two-pms',
          name: 'Two PMs',
          members: [
            { personId: ids.pm1, role: 'pm' },
            { personId: ids.pm2, role: 'pm' },
          ],
        },
        fields: ['members'],
      },
      {
        name: 'unknown area and member',
        body: {
          slug: 'ok-pod',
          name: 'OK',
          areaId: crypto.randomUUID(),
          members: [{ personId: crypto.randomUUID(), role: 'engineer' }],
        },
        fields: ['areaId', 'members.0.personId'],
      },
      {
        name: 'bad member role',
        body: { slug: 'ok-pod', name: 'OK', members: [{ personId: ids.pm1, role: 'boss' }] },
        fields: ['members.0.role'],
      },
    ],
    'PATCH /api/v1/pods/:id': [
      { name: 'bad channel', body: { slackChannel: 'pod billing' }, fields: ['slackChannel'] },
      {
        name: 'same week twice',
        body: {
          rotation: [
            { week: '2026-W47', personId: ids.pm1 },
            { week: '2026-W47', personId: ids.pm2 },
          ],
        },
        fields: ['rotation.1.week'],
      },
      {
        name: 'bad week',
        body: { rotation: [{ week: '2026-47', personId: ids.pm1 }] },
        fields: ['rotation.0.week'],
      },
    ],
    'DELETE /api/v1/pods/:id': [{ name: 'not an id', url: '/api/v1/pods/abc', fields: ['params.id'] }],
    'PUT /api/v1/settings': [
      {
        name: 'unknown zone, bad time, impossible holiday',
        body: {
          ...DEFAULT_SETTINGS,
          timeZone: 'Mars/Olympus_Mons',
          deadlines: { ...DEFAULT_SETTINGS.deadlines, weeklyUpdateDue: { weekday: 4, time: '25:00' } },
          holidays: [{ date: '2026-02-30', name: 'Nope' }],
        },
        fields: ['timeZone', 'deadlines.weeklyUpdateDue.time', 'holidays.0.date'],
      },
      {
        name: 'repeated weekday, missing tiers',
        body: { ...DEFAULT_SETTINGS, workWeek: [1, 1], tiers: undefined },
        fields: ['workWeek', 'tiers'],
      },
    ],
    'PUT /api/v1/raci': [
      {
        name: 'empty activity',
        body: { items: [{ activity: '', responsible: 'x', accountable: 'y', consulted: [], informed: [] }] },
        fields: ['items.0.activity'],
      },
    ],
  };
}

/** Everything a write could touch: row counts, the audit log, settings and RACI. */
async function snapshot() {
  const db = t.database.db;
  const counts = await db.execute(sql`
    select (select count(*) from people) as people, (select count(*) from areas) as areas,
           (select count(*) from pods) as pods, (select count(*) from pod_members) as members,
           (select count(*) from pod_rotation) as rotation, (select count(*) from audit_log) as audit,
           (select count(*) from api_tokens where revoked_at is null) as tokens, (select count(*) from sessions) as sessions,
           (select value::text from org_settings) as settings,
           (select string_agg(activity, '|' order by position) from raci_entries) as raci,
           (select string_agg(name || email || array_to_string(roles, ','), '|' order by id) from people) as people_text`);
  return JSON.stringify((counts as unknown as { rows: unknown[] }).rows);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const a = await signedIn(db, ['admin']);
  admin = a;
  ids.stakeholder = (await makePerson(db)).id;
  ids.pm1 = (await makePerson(db, { roles: ['pm'] })).id;
  ids.pm2 = (await makePerson(db, { roles: ['pm'] })).id;
  ids.person = ids.stakeholder;
  ids.area = (await makeArea(db, { ownerPmId: ids.pm1 })).id;
  ids.pod = (await makePod(db, { areaId: ids.area })).id;
});
afterAll(() => t.close());

describe('bad input on write routes', () => {
  it('has cases for every write route', () => {
    const writes = t.app.routeTable
      .filter((r) => !['GET', 'HEAD'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect([...new Set(writes)].sort()).toEqual(Object.keys(cases()).sort());
  });

  for (const [route, list] of Object.entries(cases())) {
    for (const c of list) {
      it(`${route}: ${c.name} → 400 naming ${c.fields.join(', ')}; nothing written`, async () => {
        const all = cases()[route]!.find((x) => x.name === c.name)!; // re-read: ids are filled in by beforeAll
        const [method, pattern] = route.split(' ') as [string, string];
        const resource = pattern.split('/')[3];
        const id = resource === 'people' ? ids.person : resource === 'areas' ? ids.area : ids.pod;
        const before = await snapshot();
        const res = await t.app.inject({
          method: method as 'POST',
          url: all.url ?? pattern.replace(':id', id),
          headers: {
            ...admin.headers,
            ...(all.raw !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          ...(all.raw !== undefined
            ? { payload: all.raw }
            : all.body !== undefined
              ? { payload: all.body as object }
              : {}),
        });
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json() as { error: { code: string; fields: { path: string; message: string }[] } };
        expect(body.error.code).toBe('validation_failed');
        const paths = body.error.fields.map((f) => f.path);
        for (const f of all.fields) expect(paths, res.body).toContain(f);
        for (const f of body.error.fields) expect(f.message.length).toBeGreaterThan(0);
        expect(await snapshot()).toBe(before);
      });
    }
  }
});
