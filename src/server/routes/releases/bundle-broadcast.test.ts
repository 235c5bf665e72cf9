import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../../test/factories.ts';
import { artifactVersions, enablementBundles, outbox, readinessLinks } from '../../../db/schema/index.ts';
import type { OutgoingMessage } from '../../../integrations/message.ts';
import { manualClock } from '../../../shared/clock.ts';

let t: TestApp;
const clock = manualClock('2026-11-20T15:00:00Z');
type Caller = Awaited<ReturnType<typeof signedIn>>;
let ops: Caller;
let pm: Caller;
let releaseId: string;

beforeAll(async () => {
  t = await createTestApp({ clock, planFrom: clock.now() });
  const db = t.database.db;
  ops = await signedIn(db, ['product_ops']);
  pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  await makePerson(db, { roles: ['stakeholder'], function: 'support', name: 'Sue Support' });
  await makePerson(db, { roles: ['stakeholder'], function: 'sales', name: 'Sam Sales' });
  const area = await makeArea(db, { name: 'Billing', ownerPmId: pm.person.id });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/releases',
    headers: pm.headers,
    payload: { title: 'Invoices v2', areaId: area.id, tier: 2, targetDate: '2027-01-20' },
  });
  expect(created.statusCode, created.body).toBe(201);
  releaseId = created.json().id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, who: Caller) =>
  t.app.inject({ method, url, headers: who.headers });

describe('distributing an enablement bundle safely', () => {
  it('previews what it sends, holds it, and is undone: version, stamp and readiness links put back', async () => {
    const url = `/api/v1/releases/${releaseId}/bundle/distribute`;
    expect((await call('GET', `${url}-preview`, pm)).statusCode).toBe(403);
    const preview = await call('GET', `${url}-preview`, ops);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.action).toBe('Distribute the bundle to Support & Sales (version 1)');
    expect(p.recipients.people).toEqual(expect.arrayContaining(['Sue Support', 'Sam Sales']));
    expect(p.warnings.join(' ')).toMatch(/^Sections still missing: /);
    // The preview wrote nothing.
    expect(
      await t.database.db.select().from(artifactVersions).where(eq(artifactVersions.key, releaseId)),
    ).toEqual([]);

    const sent = await call('POST', url, ops);
    expect(sent.statusCode, sent.body).toBe(200);
    const { undo, version } = sent.json();
    expect(version).toBe(1);
    expect(undo).toMatchObject({
      kind: 'release_bundle.distribute',
      status: 'held',
      sendAt: '2026-11-20T15:01:00.000Z',
    });
    const held = await t.database.db.select().from(outbox).where(eq(outbox.broadcastId, undo.id));
    expect(held.length).toBe(p.recipients.total);
    expect(held.every((m) => m.status === 'held')).toBe(true);
    // Support's and Sales' "I'm ready": asked in their copies; the one-click links are made only as they are sent.
    const asks = held
      .flatMap((m) => (m.message as OutgoingMessage).actions ?? [])
      .flatMap((a) => a.readiness ?? []);
    expect(asks.map((a) => a.kind)).toEqual(expect.arrayContaining(['sales', 'support']));
    expect(
      await t.database.db.select().from(readinessLinks).where(eq(readinessLinks.releaseId, releaseId)),
    ).toEqual([]);

    expect((await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, pm)).statusCode).toBe(403);
    clock.advance(30_000);
    const undone = await call('POST', `/api/v1/broadcasts/${undo.id}/undo`, ops);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().restored).toBe(
      'The bundle is not distributed (version 1 withdrawn), and nobody was messaged.',
    );
    const db = t.database.db;
    expect(await db.select().from(artifactVersions).where(eq(artifactVersions.key, releaseId))).toEqual([]);
    expect(await db.select().from(outbox).where(eq(outbox.broadcastId, undo.id))).toEqual([]);
    expect(await db.select().from(readinessLinks).where(eq(readinessLinks.releaseId, releaseId))).toEqual([]);
    const [bundle] = await db
      .select()
      .from(enablementBundles)
      .where(eq(enablementBundles.releaseId, releaseId));
    expect(bundle).toMatchObject({ distributedOn: null, distributedAt: null });
    const detail = (await call('GET', `/api/v1/releases/${releaseId}/detail`, ops)).json();
    expect(detail.bundle.distributedOn).toBeNull();
  });

  it('keeps the first distribution day when a second one is undone', async () => {
    const url = `/api/v1/releases/${releaseId}/bundle/distribute`;
    const first = (await call('POST', url, ops)).json();
    clock.advance(120_000); // its window passed: it stands
    const second = (await call('POST', url, ops)).json();
    expect(second.version).toBe(first.version + 1);
    expect((await call('POST', `/api/v1/broadcasts/${first.undo.id}/undo`, ops)).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/broadcasts/${second.undo.id}/undo`, ops)).statusCode).toBe(200);
    const db = t.database.db;
    const [bundle] = await db
      .select()
      .from(enablementBundles)
      .where(eq(enablementBundles.releaseId, releaseId));
    expect(bundle?.distributedOn).toBe('2026-11-20');
    const versions = await db
      .select({ version: artifactVersions.version })
      .from(artifactVersions)
      .where(and(eq(artifactVersions.key, releaseId), eq(artifactVersions.kind, 'enablement_bundle')));
    expect(versions).toEqual([{ version: first.version }]);
  });
});
