import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, signedIn } from '../../../../test/factories.ts';

let t: TestApp;
type Caller = Awaited<ReturnType<typeof signedIn>>;
let ops: Caller;
let maya: Caller;
let leo: Caller;
let sam: Caller;
let billing: string;
let growth: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ops = await signedIn(db, ['product_ops']);
  maya = await signedIn(db, ['pm'], { name: 'Maya' });
  leo = await signedIn(db, ['pm'], { name: 'Leo' });
  sam = await signedIn(db, ['stakeholder'], { function: 'sales' });
  billing = (await makeArea(db, { name: 'Billing', ownerPmId: maya.person.id })).id;
  growth = (await makeArea(db, { name: 'Growth', ownerPmId: leo.person.id })).id;
});
afterAll(() => t.close());

const call = (who: Caller, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: who.headers, ...(payload ? { payload } : {}) });

const newItem = (areaId: string, over: object = {}) => ({
  title: 'Usage billing',
  summary: 'Pay for <what> you use',
  areaId,
  confidence: 'high',
  earliest: '2026-12-01',
  latest: '2027-01-31',
  ...over,
});

describe('roadmap items over HTTP', () => {
  it('lets a PM add and change items in their own area only, and keeps every version', async () => {
    expect((await call(leo, 'POST', '/api/v1/roadmap/items', newItem(billing))).statusCode).toBe(403);
    const created = await call(maya, 'POST', '/api/v1/roadmap/items', newItem(billing));
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      version: 1,
      ratifiedVersion: null,
      pending: true,
      quarters: 'Q4 2026 – Q1 2027',
      rangeText: 'Early Dec 2026 – late Jan 2027',
    });
    expect(item.permissions.update).toBe(true);
    // Moving it to an area she does not own is refused; a real change is a new version.
    expect(
      (await call(maya, 'PATCH', `/api/v1/roadmap/items/${item.id}`, { areaId: growth })).statusCode,
    ).toBe(403);
    const moved = await call(maya, 'PATCH', `/api/v1/roadmap/items/${item.id}`, {
      latest: '2027-02-28',
      note: 'Vendor slipped',
    });
    expect(moved.json()).toMatchObject({ version: 2, latest: '2027-02-28' });
    const same = await call(maya, 'PATCH', `/api/v1/roadmap/items/${item.id}`, { latest: '2027-02-28' });
    expect(same.json().version).toBe(2);
    // Nothing is ratified yet: to a stakeholder the item does not exist.
    expect((await call(sam, 'GET', `/api/v1/roadmap/items/${item.id}/history`)).statusCode).toBe(404);
    const history = (await call(leo, 'GET', `/api/v1/roadmap/items/${item.id}/history`)).json().items;
    expect(history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({
      note: 'Vendor slipped',
      changes: [
        'Usage billing slipped 28 days: Early Dec 2026 – late Jan 2027 → Early Dec 2026 – late Feb 2027',
      ],
    });
    expect(history[1].changes).toEqual(['Usage billing added (Early Dec 2026 – late Jan 2027)']);
    // Ops may move it; the stakeholder can neither read nor edit what was never ratified.
    expect(
      (await call(ops, 'PATCH', `/api/v1/roadmap/items/${item.id}`, { areaId: growth })).statusCode,
    ).toBe(200);
    expect(
      (await call(sam, 'PATCH', `/api/v1/roadmap/items/${item.id}`, { latest: '2027-03-01' })).statusCode,
    ).toBe(404);
  });

  it('refuses a dependency cycle, naming the field', async () => {
    const a = (await call(ops, 'POST', '/api/v1/roadmap/items', newItem(billing, { title: 'A' }))).json();
    const b = (
      await call(ops, 'POST', '/api/v1/roadmap/items', newItem(billing, { title: 'B', dependsOn: [a.id] }))
    ).json();
    const res = await call(ops, 'PATCH', `/api/v1/roadmap/items/${a.id}`, { dependsOn: [b.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'dependsOn', message: 'would make a dependency cycle' },
    ]);
  });

  it('filters the list by area, pending and words', async () => {
    const list = (q: string, who = ops) =>
      call(who, 'GET', `/api/v1/roadmap/items?${q}`).then((r) =>
        r.json().items.map((i: { title: string }) => i.title),
      );
    expect(await list(`areaId=${growth}`)).toEqual(['Usage billing']);
    expect(await list('q=usage')).toEqual(['Usage billing']);
    expect(await list('pending=false')).toEqual([]);
    // Unratified: a stakeholder's list holds none of it.
    expect(await list(`areaId=${growth}`, sam)).toEqual([]);
    const linked = (
      await call(
        ops,
        'POST',
        '/api/v1/roadmap/items',
        newItem(billing, { title: 'Themed', themes: ['pricing'] }),
      )
    ).json();
    expect(await list('theme=pricing')).toEqual(['Themed']);
    expect(await list(`releaseId=${crypto.randomUUID()}`)).toEqual([]);
    expect(linked.themes).toEqual(['pricing']);
  });
});

describe('internal items', () => {
  it('are seen by the product org only: stakeholders get the stakeholder-visible roadmap', async () => {
    const secret = (
      await call(
        ops,
        'POST',
        '/api/v1/roadmap/items',
        newItem(billing, { title: 'Acquire a tax vendor', visibility: 'internal' }),
      )
    ).json();
    const titles = async (who: Caller) =>
      (await call(who, 'GET', '/api/v1/roadmap/items')).json().items.map((i: { title: string }) => i.title);
    expect(await titles(maya)).toContain('Acquire a tax vendor');
    expect(await titles(sam)).not.toContain('Acquire a tax vendor');
    // Not found, not forbidden: a stakeholder is not told an internal item exists.
    expect((await call(sam, 'GET', `/api/v1/roadmap/items/${secret.id}`)).statusCode).toBe(404);
    expect((await call(sam, 'GET', `/api/v1/roadmap/items/${secret.id}/history`)).statusCode).toBe(404);
    const changed = async (who: Caller) =>
      (await call(who, 'GET', '/api/v1/roadmap/changes?since=2020-01-01'))
        .json()
        .changes.map((c: { title: string }) => c.title);
    expect(await changed(maya)).toContain('Acquire a tax vendor');
    expect(await changed(sam)).not.toContain('Acquire a tax vendor');
    // Nothing was ratified: a stakeholder has no changes to read.
    expect(await changed(sam)).toEqual([]);
  });
});

describe('the stakeholder view over HTTP', () => {
  it('shows a draft before anything is published, and 404s an unknown version', async () => {
    const draft = await call(sam, 'GET', '/api/v1/roadmap/view');
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: null, view: { items: [] } });
    expect((await call(sam, 'GET', '/api/v1/roadmap/view?version=7')).statusCode).toBe(404);
  });

  it('exports markdown as a download and HTML that escapes what people typed', async () => {
    expect((await call(ops, 'POST', '/api/v1/roadmap/view/publish', {})).json().version).toBe(1);
    const md = await call(sam, 'GET', '/api/v1/roadmap/view/export?audience=support');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.headers['content-disposition']).toMatch(
      /^attachment; filename="roadmap-support-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    expect(md.body).toMatch(/^# .* roadmap for Support/);
    const html = await call(sam, 'GET', '/api/v1/roadmap/view/export?format=html&version=1');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<!doctype html>');
    expect(html.body).not.toContain('<script');
    const bad = await call(sam, 'GET', '/api/v1/roadmap/view/export?format=pdf&audience=marketing');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['query.audience', 'query.format']);
  });
});
