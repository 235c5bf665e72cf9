import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import { ZSettings } from '../shared/settings.ts';
import { systemActor } from './actor.ts';
import { getSettings, updateSettings } from './org/settings.ts';
import { inScope } from './scope.ts';

/** Issue 12: a request or job run reads the org's settings once (each read is a query and a full parse). */
let t: TestApp;
let headers: Record<string, string>;
const now = new Date('2026-11-20T15:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  headers = (await signedIn(t.database.db, ['product_ops'])).headers;
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

/** Settings reads while `fn` runs: each read parses the stored document once. */
async function readsDuring(fn: () => Promise<unknown>): Promise<number> {
  const parse = vi.spyOn(ZSettings, 'parse');
  await fn();
  const n = parse.mock.calls.length;
  parse.mockRestore();
  return n;
}

describe('the settings, once per scope', () => {
  it('outside a scope every call reads; inside one the first read serves the rest', async () => {
    const db = t.database.db;
    expect(await readsDuring(async () => Promise.all([getSettings(db), getSettings(db)]))).toBe(2);
    expect(
      await readsDuring(() =>
        inScope(async () => {
          await getSettings(db);
          await db.transaction((tx) => getSettings(tx));
          await getSettings(db);
        }),
      ),
    ).toBe(1);
  });

  it('reads what was written after an update in the same scope, and another scope reads afresh', async () => {
    const db = t.database.db;
    await inScope(async () => {
      const before = await getSettings(db);
      await updateSettings({
        db,
        actor: systemActor('test'),
        now,
        settings: { ...before, orgName: 'Scoped Co' },
      });
      expect((await getSettings(db)).orgName).toBe('Scoped Co');
    });
    expect(await readsDuring(() => inScope(() => getSettings(db)))).toBe(1);
    expect((await inScope(() => getSettings(db))).orgName).toBe('Scoped Co');
  });

  it('a request reads them once, a write with a body included', async () => {
    let id = '';
    const created = await readsDuring(async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/releases',
        headers,
        payload: { title: 'Usage alerts', targetDate: '2027-02-01', attributes: ['ga_launch'], tier: 3 },
      });
      expect(res.statusCode).toBe(201);
      id = res.json().id;
    });
    expect(created).toBe(1);
    const detail = await readsDuring(async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/releases/${id}/detail`, headers });
      expect(res.statusCode).toBe(200);
    });
    expect(detail).toBe(1);
  });
});
