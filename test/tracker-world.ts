import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '../src/db/schema/index.ts';
import { createRelease } from '../src/services/releases/releases.ts';
import type { Clock } from '../src/shared/clock.ts';
import type { TTrackerKind } from '../src/shared/trackers.ts';
import { createTestApp, type TestApp } from './app.ts';
import { makeArea, makePerson, signedIn } from './factories.ts';

/**
 * What every tracker test starts from: the app, an admin, Maya (the Billing PM), Priya (Product Ops), the
 * "Usage billing GA" release due 15 Dec 2026, and the tracker connected to its local peer.
 */
export async function trackerWorld(o: { clock: Clock; kind: TTrackerKind; connection: object }) {
  // The peer listens on 127.0.0.1: the operator's switch lets the tracker live there.
  const t: TestApp = await createTestApp({ clock: o.clock, webhookAllowPrivate: ['127.0.0.1'] });
  const db = t.database.db;
  const admin = await signedIn(db, ['admin']);
  const pm = await makePerson(db, { roles: ['pm'], name: 'Maya Chen' });
  const ops = await makePerson(db, { roles: ['product_ops'], name: 'Priya Ops' });
  const area = await makeArea(db, { name: 'Billing', ownerPmId: pm.id });
  const release = await createRelease({
    db,
    actor: { personId: null, label: 'test', roles: ['admin'] },
    now: o.clock.now(),
    input: { title: 'Usage billing GA', areaId: area.id, pmOwnerId: pm.id, targetDate: '2026-12-15' },
  });
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });
  const messagesAbout = async (ref: string) =>
    (await db.select().from(outbox).where(eq(outbox.kind, 'trackers.difference'))).filter(
      (m) => m.ref === ref,
    );
  const put = await api('PUT', `/integrations/${o.kind}`, o.connection);
  expect(put.statusCode).toBe(200);
  return { t, admin, pm, ops, area, releaseId: release.id, api, messagesAbout };
}

export type TrackerWorld = Awaited<ReturnType<typeof trackerWorld>>;
