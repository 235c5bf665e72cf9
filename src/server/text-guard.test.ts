import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import { controlCharacterPaths } from '../shared/text.ts';

/**
 * Issue 13, finding 9: a NUL (or another control character) in any text field was a 500 on 30 routes. Every
 * write route's every body field, from the route table, now answers 400 naming that field, and nothing else.
 */
let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t.database.db, ['admin'])).headers;
});
afterAll(() => t.close());

/** A body with `bad` at one field path ("replacement.ownerId" nests). */
function bodyWith(path: string, bad: string): Record<string, unknown> {
  const keys = path.split('.');
  const body: Record<string, unknown> = {};
  let at = body;
  for (const k of keys.slice(0, -1)) {
    at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = bad;
  return body;
}
/** Slack's own requests: unsigned, refused before the body is read; signed: routes/slack/slack.test.ts. */
const SIGNED_BY_SLACK = ['POST /api/v1/slack/commands', 'POST /api/v1/slack/interactions'];
const urlOf = (pattern: string) =>
  pattern.replace(/:(\w+)/g, (_, name: string) =>
    name === 'week' ? '2026-W48' : name === 'file' ? 'x.ics' : crypto.randomUUID(),
  );

describe('control characters in text', () => {
  it('finds them by path in nested values, and only the forbidden ones', () => {
    expect(
      controlCharacterPaths({ a: 'ok\ttab\nline\r', b: ['x', 'y\u0000'], c: { d: '\u001b[31m' } }),
    ).toEqual(['b.1', 'c.d']);
    expect(controlCharacterPaths({ 'k\u0000': 1, n: 5, e: 'é — ✓', z: null })).toEqual(['k\u0000']);
    for (let code = 0; code < 0x20; code++)
      expect(controlCharacterPaths(String.fromCharCode(code)).length, `U+${code}`).toBe(
        [9, 10, 13].includes(code) ? 0 : 1,
      );
  });

  it('every body field of every write route: 400 naming the field, never a 500, for NUL and for ESC', async () => {
    const cases: string[] = [];
    const wrong: string[] = [];
    for (const route of t.app.routeTable) {
      if (route.method === 'GET' || route.method === 'HEAD') continue;
      if (SIGNED_BY_SLACK.includes(`${route.method} ${route.url}`)) continue;
      for (const field of route.bodyFields) {
        for (const bad of ['a\u0000b', 'x\u001by']) {
          cases.push(`${route.method} ${route.url} ${field}`);
          const res = await t.app.inject({
            method: route.method as 'POST',
            url: `${urlOf(route.url)}`,
            headers: admin,
            payload: bodyWith(field, bad),
          });
          const fields = res.statusCode === 400 ? (res.json().error.fields ?? []) : [];
          if (!fields.some((f: { path: string }) => f.path === field))
            wrong.push(`${route.method} ${route.url} ${field}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(cases.length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
  });

  it('in a query or a path parameter too', async () => {
    const q = await t.app.inject({ method: 'GET', url: '/api/v1/people?q=a%00b', headers: admin });
    expect(q.statusCode).toBe(400);
    expect(q.json().error.fields).toEqual([{ path: 'query.q', message: expect.stringContaining('control') }]);
    const p = await t.app.inject({ method: 'GET', url: '/api/v1/updates/2026%00W48', headers: admin });
    expect(p.statusCode).toBe(400);
    expect(p.json().error.fields[0].path).toBe('params.week');
  });

  it('keeps 401 first for an anonymous caller of a private route', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/areas', payload: { name: 'a\u0000' } });
    expect(res.statusCode).toBe(401);
  });
});
