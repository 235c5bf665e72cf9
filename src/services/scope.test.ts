import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
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

/** Queries of the settings row while `fn` runs, on either driver, in a transaction or not (each read is one). */
async function readsDuring(fn: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const note = (q: unknown) => {
    if (/org_settings/.test(typeof q === 'string' ? q : String((q as { text?: string })?.text))) n += 1;
  };
  const spies = [vi.spyOn(PGlite.prototype, 'query'), vi.spyOn(pg.Client.prototype, 'query')];
  // PGlite runs a transaction's statements through the transaction object, not PGlite.prototype.query.
  const transaction = PGlite.prototype.transaction;
  const txSpy = vi.spyOn(PGlite.prototype, 'transaction').mockImplementation(function (this: PGlite, cb) {
    return transaction.call(this, (tx) => {
      const query = tx.query.bind(tx);
      return cb({
        ...tx,
        query: ((q: string, ...rest: never[]) => {
          note(q);
          return query(q, ...rest);
        }) as typeof tx.query,
      });
    });
  });
  await fn();
  for (const spy of spies) for (const [q] of spy.mock.calls) note(q);
  for (const spy of [...spies, txSpy]) spy.mockRestore();
  return n;
}

/** Parses of a stored document while `fn` runs. */
async function parsesDuring(fn: () => Promise<unknown>): Promise<number> {
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

describe('the settings, parsed once per stored version (issue 19)', () => {
  it('an unchanged document is not parsed again; a saved one is, once', async () => {
    const db = t.database.db;
    await getSettings(db);
    expect(await parsesDuring(() => Promise.all([getSettings(db), inScope(() => getSettings(db))]))).toBe(0);
    const before = await getSettings(db);
    await updateSettings({
      db,
      actor: systemActor('test'),
      now,
      settings: { ...before, orgName: 'Versioned Co' },
    });
    expect(await parsesDuring(() => Promise.all([getSettings(db), getSettings(db)]))).toBe(1);
    expect((await getSettings(db)).orgName).toBe('Versioned Co');
  });

  it('sees a save made elsewhere (another instance, by hand) on the next read, even in the same millisecond', async () => {
    const db = t.database.db;
    await getSettings(db);
    await db.execute(
      sql`update org_settings set value = jsonb_set(value, '{orgName}', '"Elsewhere Inc"') where id = 1`,
    );
    expect((await inScope(() => getSettings(db))).orgName).toBe('Elsewhere Inc');
  });

  it('hands out a frozen document: one caller cannot change what the next one reads', async () => {
    const settings = await getSettings(t.database.db);
    expect(() => {
      (settings.holidays as { date: string; name: string }[]).push({ date: '2026-12-25', name: 'X' });
    }).toThrow(TypeError);
  });
});
