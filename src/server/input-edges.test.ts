import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { snapshotAll } from '../../test/db.ts';
import { signedIn } from '../../test/factories.ts';

/**
 * Issue 21, items 2–4: what a 115,000-request fuzz found. Each answer is a 400 naming what was wrong (or the one
 * error shape for what the framework refuses), never a 500, never input changed silently.
 */
let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t.database.db, ['admin'])).headers;
});
afterAll(() => t.close());

/** The one error shape: `{ error: { code, message, fields? } }` and nothing else. */
function expectOneShape(body: unknown) {
  const { error, ...rest } = body as { error: Record<string, unknown> };
  expect(rest).toEqual({});
  const { code, message, fields, ...more } = error;
  expect(more).toEqual({});
  expect(typeof code).toBe('string');
  expect(typeof message).toBe('string');
  if (fields !== undefined) expect(Array.isArray(fields)).toBe(true);
}

const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as { error: { fields?: { path: string }[] } }).error.fields ?? []).map((f) => f.path);

const post = (url: string, payload: unknown, method: 'POST' | 'PATCH' = 'POST') =>
  t.app.inject({ method, url, headers: admin, payload: payload as object });

describe('item 2: no 500 for edge input', () => {
  it('an empty PATCH is a 400 "nothing to change", on every CRUD resource', async () => {
    const channel = await post('/api/v1/channels', {
      kind: 'email_list',
      name: 'Updates',
      email: 'updates@example.com',
    });
    expect(channel.statusCode, channel.body).toBe(201);
    const before = await snapshotAll(t.database.db);
    const res = await post(`/api/v1/channels/${channel.json().id}`, {}, 'PATCH');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain('nothing to change');
    expectOneShape(res.json());
    expect(await snapshotAll(t.database.db)).toBe(before);
  });

  it('a group id beyond a bigint is a 400 naming it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/insights?groupId=99999999999999999999',
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['query.groupId']);
  });

  it('a NUL in a list filter is a 400 naming it, on every list', async () => {
    const lists = t.app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':'));
    const wrong: string[] = [];
    for (const route of lists) {
      const res = await t.app.inject({ method: 'GET', url: `${route.url}?q=a%00b`, headers: admin });
      if (res.statusCode >= 500) wrong.push(`${route.url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('PostgreSQL refusing a value (bad encoding, out of range) is a 400', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/insights/99999999999999999999',
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(400);
    expectOneShape(res.json());
  });
});

describe('item 3: one error shape, input never echoed', () => {
  it('a path parameter over 100 characters', async () => {
    const long = 'x'.repeat(150);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/people/${long}`, headers: admin });
    expect(res.statusCode).toBeLessThan(500);
    expectOneShape(res.json());
    expect(res.body).not.toContain(long);
  });

  it('a route that does not exist, a body too large, a media type not taken, bad JSON', async () => {
    const secret = 'SECRET-INPUT-abc';
    const answers = [
      await t.app.inject({ method: 'GET', url: `/api/v1/${secret}`, headers: admin }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/areas',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: `{"name":"${secret}${'x'.repeat(1024 * 1024)}"}`,
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/areas',
        headers: { ...admin, 'content-type': `text/${secret}` },
        payload: secret,
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/areas',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: `{"name": ${secret}`,
      }),
      await t.app.inject({ method: 'GET', url: `/api/v1/people/%E0%A4%A${secret}`, headers: admin }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([404, 413, 400, 400, 400]);
    for (const res of answers) {
      expectOneShape(res.json());
      expect(res.body).not.toContain(secret);
    }
  });
});

describe('item 4: text is stored as sent or refused by field', () => {
  it('a lone surrogate is a 400 naming the field, on every route', async () => {
    for (const [url, body, field] of [
      ['/api/v1/areas', { slug: 'lone-one', name: 'Billing \ud800' }, 'name'],
      ['/api/v1/decisions', { title: 'T \udc00', context: 'c', decision: 'd' }, 'title'],
    ] as const) {
      const res = await post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(fieldsOf(res)).toContain(field);
    }
  });

  it('invalid UTF-8 in a JSON body is a 400 naming the body, not replaced', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"slug":"bad-bytes","name":"A'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/areas',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toEqual(['body']);
  });

  it('an intake hint that is not in the taxonomy is a 400 naming it; known ones are taken', async () => {
    const item = { externalId: 'x-1', title: 'Export is broken' };
    for (const [hint, value] of [
      ['severity', 'catastrophic'],
      ['segment', 'galactic'],
      ['evidenceType', 'rumour'],
      ['kind', 'vibes'],
    ] as const) {
      const res = await post('/api/v1/insights/intake', {
        source: 'support',
        items: [item, { ...item, externalId: 'x-2', [hint]: value }],
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toEqual([`items.1.${hint}`]);
    }
    const ok = await post('/api/v1/insights/intake', {
      source: 'support',
      items: [{ ...item, severity: 'Urgent', segment: 'Enterprise', evidenceType: 'quote', kind: 'Bug' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
