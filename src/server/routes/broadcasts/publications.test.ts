import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../../test/factories.ts';
import { outbox } from '../../../db/schema/index.ts';
import { createRoadmapItem, markRatified } from '../../../services/roadmap/item-writes.ts';
import { manualClock } from '../../../shared/clock.ts';

/* Issue 17: the digest's publication and the stakeholder view's republication over the API: preview, hold, undo. */
let t: TestApp;
const clock = manualClock('2026-11-20T15:00:00Z');
type Caller = Awaited<ReturnType<typeof signedIn>>;
let ops: Caller;
let pm: Caller;
let reader: Caller;
let areaId: string;

beforeAll(async () => {
  t = await createTestApp({ clock, planFrom: clock.now() });
  const db = t.database.db;
  ops = await signedIn(db, ['product_ops']);
  pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  reader = await signedIn(db, ['stakeholder'], { function: 'sales', name: 'Sam Sales' });
  await makePerson(db, { roles: ['stakeholder'], function: 'data', name: 'Dana Data' });
  areaId = (await makeArea(db, { name: 'Billing', ownerPmId: pm.person.id })).id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: Caller, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
const heldRows = (id: string) => t.database.db.select().from(outbox).where(eq(outbox.broadcastId, id));

describe('publishing the Monthly Insights Digest over the API', () => {
  const url = '/api/v1/insights/digests/2026-10';

  it('previews what Publish sends, holds it 60 s, and undoes it within the window', async () => {
    expect((await call('GET', `${url}/publish-preview`, pm)).statusCode).toBe(403);
    expect((await call('GET', `${url}/publish-preview`, reader)).statusCode).toBe(403);
    const bad = await call('GET', '/api/v1/insights/digests/2026-13/publish-preview', ops);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['params.month']);
    const preview = await call('GET', `${url}/publish-preview`, ops);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({
      undoSeconds: 60,
      note: null,
      action: expect.stringMatching(/^Publish the Monthly/),
    });
    expect(p.recipients.people).toEqual(expect.arrayContaining(['Dana Data', 'Maya Chen']));
    expect(JSON.stringify(p.recipients)).not.toContain('@');

    const published = await call('POST', `${url}/publish`, ops);
    expect(published.statusCode, published.body).toBe(200);
    const { undo } = published.json();
    expect(undo).toMatchObject({
      kind: 'insights_digest.publish',
      status: 'held',
      messages: p.recipients.total,
    });
    expect(await heldRows(undo.id)).toHaveLength(p.recipients.total);

    expect((await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, pm)).statusCode).toBe(403);
    clock.advance(59_000);
    const undone = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone', cancelledMessages: p.recipients.total });
    expect(await heldRows(undo.id)).toHaveLength(0);
    expect((await call('GET', url, ops)).statusCode).toBe(404);
  });

  it('refuses an undo after the window with 409; the digest stands', async () => {
    const { undo } = (await call('POST', `${url}/publish`, ops)).json();
    clock.advance(60_000);
    const late = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/too late to undo/);
    expect((await call('GET', url, ops)).json().version).toBe(1);
  });
});

describe('republishing the stakeholder view over the API', () => {
  const url = '/api/v1/roadmap/view';

  it('previews what Republish sends, holds it, and undoes it within the window', async () => {
    const db = t.database.db;
    await call('POST', `${url}/publish`, ops, {}); // a first version (its hold lapses below)
    clock.advance(60_000);
    const item = await createRoadmapItem({
      db,
      actor: { personId: pm.person.id, label: 'maya', roles: ['pm'] },
      now: clock.now(),
      input: {
        title: 'Usage billing',
        summary: 'Pay for use',
        areaId,
        confidence: 'high',
        earliest: '2027-01-10',
        latest: '2027-02-20',
      },
    });
    await markRatified(db, item.id, 1, clock.now());
    expect((await call('GET', `${url}/publish-preview`, pm)).statusCode).toBe(403);
    const tooLong = await call('GET', `${url}/publish-preview?note=${'x'.repeat(1001)}`, ops);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['query.note']);
    const preview = await call('GET', `${url}/publish-preview?note=After%20the%20review`, ops);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.action).toBe('Republish the stakeholder roadmap view (version 2)');
    expect(p.message.markdown).toContain('New: Usage billing');
    expect(p.recipients.people).toEqual(expect.arrayContaining(['Maya Chen', 'Sam Sales']));

    const published = await call('POST', `${url}/publish`, ops, { note: 'After the review' });
    expect(published.statusCode, published.body).toBe(200);
    const { undo, version } = published.json();
    expect(version).toBe(2);
    expect(undo).toMatchObject({ kind: 'roadmap_view.publish', messages: p.recipients.total });
    const undone = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(await heldRows(undo.id)).toHaveLength(0);
    expect((await call('GET', url, reader)).json().version).toBe(1);

    const again = (await call('POST', `${url}/publish`, ops, {})).json();
    clock.advance(60_000);
    expect((await call('POST', `/api/v1/broadcasts/${again.undo.id}/undo`, ops)).statusCode).toBe(409);
    expect((await call('GET', url, reader)).json().version).toBe(2);
  });
});
