import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../../test/factories.ts';
import { outbox, ritualOccurrences, rituals } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { updateSettings } from '../../../services/org/settings.ts';
import { createRoadmapItem } from '../../../services/roadmap/item-writes.ts';
import { startReview } from '../../../services/roadmap/review-actions.ts';
import { manualClock } from '../../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';

let t: TestApp;
const clock = manualClock('2026-11-20T15:00:00Z');
type Caller = Awaited<ReturnType<typeof signedIn>>;
let ops: Caller;
let pm: Caller;
let head: Caller;
let reader: Caller;
let areaId: string;
let occurrenceId: string;
const WEEK = '2026-W48';

beforeAll(async () => {
  t = await createTestApp({ clock, planFrom: clock.now() });
  const db = t.database.db;
  ops = await signedIn(db, ['product_ops']);
  pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  head = await signedIn(db, ['head_of_product'], { name: 'Hana Ito' });
  reader = await signedIn(db, ['stakeholder'], { function: 'sales', name: 'Sam Sales' });
  await makePerson(db, { roles: ['stakeholder'], function: 'support', name: 'Sue Support' });
  areaId = (await makeArea(db, { name: 'Billing', ownerPmId: pm.person.id })).id;
  const [o] = await db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(eq(rituals.slug, 'roadmap-review'))
    .limit(1);
  occurrenceId = o!.id;
  await startReview({ db, actor: systemActor('test'), occurrenceId, now: clock.now() });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: Caller, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

describe('publishing the weekly update over the API: preview, hold, undo', () => {
  it('previews what Publish sends, holds it 60 s, and undoes it within the window', async () => {
    await call('PUT', `/api/v1/updates/${WEEK}/areas/${areaId}`, pm, { content: { wins: ['Invoices v2'] } });
    expect((await call('GET', `/api/v1/updates/${WEEK}/publish-preview`, pm)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/updates/${WEEK}/publish-preview`, reader)).statusCode).toBe(403);
    const preview = await call('GET', `/api/v1/updates/${WEEK}/publish-preview`, ops);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({
      undoSeconds: 60,
      note: null,
      message: { subject: expect.stringMatching(/^Weekly/) },
    });
    expect(p.recipients.people).toEqual(expect.arrayContaining(['Maya Chen', 'Sam Sales', 'Sue Support']));
    expect(JSON.stringify(p.recipients)).not.toContain('@'); // names, never emails

    const published = await call('POST', `/api/v1/updates/${WEEK}/publish`, ops);
    expect(published.statusCode, published.body).toBe(201);
    const { undo } = published.json();
    expect(undo).toMatchObject({
      kind: 'weekly_update.publish',
      status: 'held',
      sendAt: '2026-11-20T15:01:00.000Z',
    });
    // The preview and the send agree: the same number of copies, to the same people.
    expect(undo.messages).toBe(p.recipients.total);
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.broadcastId, undo.id));
    expect(rows).toHaveLength(p.recipients.total);

    // The banner comes back after a reload: my held actions, and nobody else's.
    expect((await call('GET', '/api/v1/broadcasts/held', ops)).json()).toEqual([undo]);
    expect((await call('GET', '/api/v1/broadcasts/held', pm)).json()).toEqual([]);
    expect((await call('GET', '/api/v1/broadcasts/held', reader)).json()).toEqual([]);

    expect((await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, pm)).statusCode).toBe(403);
    clock.advance(59_000);
    const undone = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'undone', cancelledMessages: rows.length });
    expect((await call('GET', '/api/v1/broadcasts/held', ops)).json()).toEqual([]);
    expect((await call('GET', `/api/v1/updates/${WEEK}/artifact`, ops)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/updates/${WEEK}`, ops)).json().publishedAt).toBeNull();
  });

  it('refuses an undo after the window with 409, and a correction without its note with 400', async () => {
    const published = (await call('POST', `/api/v1/updates/${WEEK}/publish`, ops)).json();
    clock.advance(60_000);
    const late = await call('POST', `/api/v1/broadcasts/${published.undo.id}/undo`, ops);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/too late to undo .*undo window closed/);
    expect((await call('GET', `/api/v1/updates/${WEEK}/artifact`, ops)).statusCode).toBe(200);

    await call('PUT', `/api/v1/updates/${WEEK}/areas/${areaId}`, pm, {
      content: { wins: ['Invoices v2 GA'] },
    });
    const preview = (await call('GET', `/api/v1/updates/${WEEK}/publish-preview?note=GA%20now`, ops)).json();
    expect(preview.note).toMatchObject({ path: 'note', required: true });
    expect(preview.message.summary).toMatch(/^What changed: GA now/);
    const noNote = await call('POST', `/api/v1/updates/${WEEK}/publish`, ops, {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
  });
});

describe('ratifying and rejecting over the API: preview, reason, undo', () => {
  it('needs a reason to reject, tells the PM it, and only the Head of Product previews or undoes it', async () => {
    const item = await createRoadmapItem({
      db: t.database.db,
      actor: { personId: pm.person.id, label: 'maya', roles: ['pm'] },
      input: {
        title: 'Usage billing',
        summary: 'Pay for use',
        areaId,
        confidence: 'high',
        earliest: '2027-01-10',
        latest: '2027-02-20',
      },
      now: clock.now(),
    });
    const url = `/api/v1/roadmap/reviews/${occurrenceId}/outcomes`;
    const q = `?itemId=${item.id}&outcome=rejected&note=Not%20this%20quarter`;
    expect((await call('GET', `${url}/preview${q}`, ops)).statusCode).toBe(403);
    const preview = await call('GET', `${url}/preview${q}`, head);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      action: 'Reject the changes to Usage billing',
      recipients: { people: ['Maya Chen'] },
      message: { summary: expect.stringContaining('Not this quarter') },
    });

    const bare = await call('POST', url, head, { itemId: item.id, outcome: 'rejected' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);

    const rejected = await call('POST', url, head, {
      itemId: item.id,
      outcome: 'rejected',
      note: 'Not this quarter',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const { undo } = rejected.json();
    expect(undo).toMatchObject({ kind: 'roadmap.reject', messages: preview.json().recipients.total });
    expect((await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops)).statusCode).toBe(403);
    const undone = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, head);
    expect(undone.statusCode, undone.body).toBe(200);
    const review = (await call('GET', `/api/v1/roadmap/reviews/${occurrenceId}`, head)).json();
    const back = review.areas
      .flatMap((a: { items: object[] }) => a.items)
      .find((i: { itemId: string }) => i.itemId === item.id);
    expect(back).toMatchObject({ pending: true, outcome: null });
  });

  it('sends at once, with nothing to undo, when the org sets no window', async () => {
    await updateSettings({
      db: t.database.db,
      actor: systemActor('test'),
      settings: { ...DEFAULT_SETTINGS, broadcast: { undoSeconds: 0 } },
      now: clock.now(),
    });
    const published = await call('POST', '/api/v1/updates/2026-W49/publish', ops);
    expect(published.statusCode).toBe(201);
    expect(published.json().undo).toBeNull();
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.ref, '2026-W49:v1'));
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
  });
});
