import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, signedIn } from '../../../../test/factories.ts';
import { markRatified } from '../../../services/roadmap/item-writes.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { THome, THomeSection } from '../../../shared/home.ts';

/** Issue 17, part 1: each role's home answers its questions, and Sales reads only customer-visible launches. */
let t: TestApp;
let ops: Record<string, string>;
let pmHeaders: Record<string, string>;
const clock = manualClock('2026-11-18T15:00:00Z');
const ids: Record<string, string> = {};

const post = async (url: string, payload: object, headers = ops) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const home = async (headers: Record<string, string>): Promise<THome> => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/home', headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const section = <K extends THomeSection['kind']>(h: THome, kind: K) =>
  h.sections.find((s) => s.kind === kind) as Extract<THomeSection, { kind: K }>;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  ops = (await signedIn(db, ['product_ops'])).headers;
  const pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  pmHeaders = pm.headers;
  const area = await makeArea(db, { name: 'Billing', ownerPmId: pm.person.id });
  const soon = await post('/releases', {
    title: 'Invoice reminders',
    tier: 2,
    targetDate: '2026-11-27',
    areaId: area.id,
    pmOwnerId: pm.person.id,
  });
  ids.soon = soon.id;
  await t.app.inject({
    method: 'PUT',
    url: `/api/v1/releases/${soon.id}/bundle`,
    headers: ops,
    payload: {
      sections: {
        what_changed: 'Customers get a reminder before an invoice is due.',
        sales_talk_track: '- Positioning: fewer late payments',
      },
    },
  });
  await post(`/releases/${soon.id}/bundle/distribute`, {});
  ids.next = (
    await post('/releases', {
      title: 'Usage-based pricing',
      tier: 3,
      targetDate: '2026-12-16',
      areaId: area.id,
    })
  ).id;
  const shown = await post('/roadmap/items', {
    title: 'Pay for what you use',
    summary: 'Usage-based plans',
    customerNote: 'Pay only for the seats and usage you have.',
    areaId: area.id,
    confidence: 'medium',
    earliest: '2026-12-01',
    latest: '2026-12-31',
    releaseIds: [ids.next],
  });
  await markRatified(t.database.db, shown.id, 1, clock.now());
  await post('/roadmap/view/publish', {});
  ids.internal = (
    await post('/releases', {
      title: 'INTERNAL copy fixes',
      tier: 1,
      targetDate: '2026-11-25',
      areaId: area.id,
    })
  ).id;
  const secret = await post('/roadmap/items', {
    title: 'Secret pricing test',
    summary: 'Internal only',
    areaId: area.id,
    confidence: 'low',
    earliest: '2026-12-01',
    latest: '2026-12-31',
    visibility: 'internal',
  });
  ids.secretItem = secret.id;
  ids.secret = (
    await post('/releases', {
      title: 'SECRET pricing experiment',
      tier: 2,
      targetDate: '2026-12-10',
      areaId: area.id,
      roadmapItemId: secret.id,
    })
  ).id;
  ids.past = (
    await post('/releases', { title: 'Old launch', tier: 2, targetDate: '2026-10-20', areaId: area.id })
  ).id;
});
afterAll(() => t.close());

describe('GET /home', () => {
  it('Sales: this month and next, customer-visible only, the sent bundle’s words and talk track', async () => {
    const sam = (await signedIn(t.database.db, ['stakeholder'], { function: 'sales' })).headers;
    const h = await home(sam);
    expect(h.sections.map((s) => s.kind)).toEqual(['sales']);
    expect(h.orgOverview).toBe(false);
    const s = section(h, 'sales');
    expect(s.thisMonth.label).toBe('November 2026');
    expect(s.thisMonth.launches.map((l) => l.title)).toEqual(['Invoice reminders']);
    expect(s.thisMonth.launches[0]).toMatchObject({
      whenText: '27 Nov 2026',
      exact: true,
      whatChanged: 'Customers get a reminder before an invoice is due.',
      talkTrack: '- Positioning: fewer late payments',
      href: `/releases/${ids.soon}`,
    });
    expect(s.nextMonth.launches.map((l) => l.title)).toEqual(['Usage-based pricing']);
    // No bundle yet: the published stakeholder view's words for its item, and no talk track.
    expect(s.nextMonth.launches[0]).toMatchObject({
      whatChanged: 'Pay only for the seats and usage you have.',
      talkTrack: null,
    });
    const body = JSON.stringify(h);
    expect(body).not.toContain('INTERNAL');
    // A Tier 2 launch shipping only an internal roadmap item is not Sales' to talk about.
    expect(body).not.toContain('SECRET');
    expect(body).not.toContain(ids.secret);
    expect(body).not.toContain(ids.internal);
    expect(body).not.toContain('Old launch');
  });

  it('Support: the next 14 days with readiness; a sign-off leaves the "needs my sign-off" queue', async () => {
    const carla = (
      await signedIn(t.database.db, ['stakeholder'], { function: 'support', name: 'Carla Diaz' })
    ).headers;
    const before = section(await home(carla), 'support');
    expect(before.scope).toBe('all areas');
    expect(before.launches.map((l) => l.title)).toEqual(['Invoice reminders']);
    expect(before.needsMe.map((l) => l.title)).toEqual(['Invoice reminders']);
    expect(before.needsMe[0]!.mySignOff).toMatchObject({ kind: 'support', state: 'pending', open: true });
    await post(`/releases/${ids.soon}/sign-offs`, { kind: 'support' }, carla);
    const after = section(await home(carla), 'support');
    expect(after.needsMe).toEqual([]);
    expect(after.launches[0]!.mySignOff!.state).toBe('ready');
    expect(after.launches[0]!.readiness).toContainEqual({ label: 'Support readiness', done: true });
  });

  it('PM: the update due this week in the org’s zone, the release’s next step and deadlines', async () => {
    const h = await home(pmHeaders);
    expect(h.timeZone).toBeTruthy();
    const s = section(h, 'pm');
    expect(s.updates).toHaveLength(1);
    expect(s.updates[0]).toMatchObject({ areaName: 'Billing', status: 'missing', submittedAt: null });
    expect(new Date(s.updates[0]!.dueAt).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(s.releases.map((r) => r.label)).toEqual(['Invoice reminders — launches 27 Nov 2026']);
    expect(s.releases[0]!.detail).toMatch(/^Next: .+ · publish by /);
  });

  it('PM: once the week’s publish time has passed, the next week’s update is the one due', async () => {
    const week = section(await home(pmHeaders), 'pm').updates[0]!;
    clock.set('2026-11-20T15:00:00Z'); // Friday: Thursday's update went out at 16:00
    try {
      const next = section(await home(pmHeaders), 'pm').updates[0]!;
      expect(next.week).not.toBe(week.week);
      expect(Date.parse(next.dueAt) - Date.parse(week.dueAt)).toBe(7 * 86_400_000);
      expect(next.status).toBe('missing');
    } finally {
      clock.set('2026-11-18T15:00:00Z');
    }
  });

  it('Product Ops: missing updates by name; Head of Product: the metrics’ headline figures; both the org overview', async () => {
    const o = await home(ops);
    expect(o.orgOverview).toBe(true);
    const s = section(o, 'ops');
    expect(s.missingUpdates).toContainEqual({ areaName: 'Billing', pmName: 'Maya Chen' });
    expect(s.failedDeliveries.href).toBe('/deliveries');
    const hana = (await signedIn(t.database.db, ['head_of_product'], { function: 'pm' })).headers;
    const h = await home(hana);
    expect(h.sections[0]!.kind).toBe('head');
    const head = section(h, 'head');
    expect(head.metrics.length).toBeGreaterThan(3);
    expect(head.metrics[0]).toHaveProperty('target');
  });

  it('refuses without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/home' });
    expect(res.statusCode).toBe(401);
  });
});
