import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../../test/factories.ts';
import { auditLog, releases } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { proposeContractVersion, signContract } from '../../../services/org/contracts.ts';
import { createRelease } from '../../../services/releases/releases.ts';
import { createRoadmapItem } from '../../../services/roadmap/item-writes.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TTradeOffMenu, TVelocityOverview } from '../../../shared/velocity.ts';

/** Issue 15: launches per pod per week and the trade-off menu, against the real app and database. */
const clock = manualClock('2026-12-07T12:00:00Z'); // a Monday
const ops = systemActor('ops');
let t: TestApp;
let head: { headers: Record<string, string> };
let owner: { headers: Record<string, string>; person: { id: string } };
let otherPm: { headers: Record<string, string> };
let sales: { headers: Record<string, string> };
const ids = { pod: '', area: '', items: [] as string[] };

async function item(title: string, earliest: string, status: 'planned' | 'in_progress' | 'shipped') {
  const i = await createRoadmapItem({
    db: t.database.db,
    actor: ops,
    now: clock.now(),
    input: {
      title,
      summary: `${title} for customers`,
      areaId: ids.area,
      status,
      confidence: 'medium',
      earliest,
      latest: '2027-06-30',
    },
  });
  return i.id;
}

async function launched(title: string, launchedOn: string) {
  const r = await createRelease({
    db: t.database.db,
    actor: ops,
    now: clock.now(),
    input: { title, areaId: ids.area, targetDate: launchedOn, attributes: [], tier: 1 },
  });
  await t.database.db.update(releases).set({ status: 'launched', launchedOn }).where(eq(releases.id, r.id));
}

const send = async <T>(
  method: 'GET' | 'PUT',
  url: string,
  who: { headers: Record<string, string> },
  body?: object,
) => {
  const res = await t.app.inject({ method, url, headers: who.headers, payload: body });
  return { status: res.statusCode, body: res.json() as T };
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  head = await signedIn(db, ['head_of_product']);
  owner = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  otherPm = await signedIn(db, ['pm']);
  sales = await signedIn(db, ['stakeholder'], { function: 'sales' });
  ids.area = (await makeArea(db, { name: 'Billing', ownerPmId: owner.person.id })).id;
  const engineers = [];
  for (const name of ['Ravi Rao', 'Ana Lima'])
    engineers.push(await makePerson(db, { roles: ['engineer'], name }));
  const gone = await makePerson(db, { roles: ['engineer'], name: 'Former Engineer', active: false });
  ids.pod = (
    await makePod(db, {
      name: 'Billing pod',
      areaId: ids.area,
      members: [...engineers, gone].map((p) => ({ personId: p.id, role: 'engineer' as const })),
    })
  ).id;
  ids.items = [
    await item('Invoice redesign', '2027-01-04', 'planned'),
    await item('Tax engine', '2026-12-01', 'in_progress'),
    await item('Dunning emails', '2027-02-01', 'planned'),
    await item('Shipped thing', '2026-10-01', 'shipped'),
  ];
  await launched('Card updater', '2026-11-24');
  await launched('Receipts', '2026-11-26');
  await launched('Refund notes', '2026-12-01');
  await launched('Old launch', '2026-08-03');
}, 120_000);
afterAll(() => t.close());

describe('velocity per pod', () => {
  it('counts the pod area launches per ISO week, quiet weeks included', async () => {
    const res = await send<TVelocityOverview>('GET', '/api/v1/velocity/pods?weeks=4', head);
    expect(res.status).toBe(200);
    const pod = res.body.pods.find((p) => p.pod.id === ids.pod)!;
    expect(pod.engineers).toBe(2); // the inactive engineer is no capacity
    expect(pod.weeks.map((w) => [w.week, w.launches.map((l) => l.title)])).toEqual([
      ['2026-W47', []],
      ['2026-W48', ['Card updater', 'Receipts']],
      ['2026-W49', ['Refund notes']],
      ['2026-W50', []],
    ]);
    expect(pod.perWeek).toBe(0.8);
  });

  it('is the product org planning: a stakeholder is refused, a bad window is named', async () => {
    expect((await send('GET', '/api/v1/velocity/pods', sales)).status).toBe(403);
    expect((await send('GET', `/api/v1/velocity/pods/${ids.pod}/menu`, sales)).status).toBe(403);
    const bad = await send<{ error: { details: { path: string }[] } }>(
      'GET',
      '/api/v1/velocity/pods?weeks=0',
      head,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('weeks');
  });
});

describe('lead time', () => {
  it("counts from the day the pod's contract was fully signed to its first launch since", async () => {
    const signer = await makePerson(t.database.db, { roles: ['head_of_product'], name: 'Hana Okafor' });
    const hana = { personId: signer.id, label: 'Hana Okafor', roles: ['head_of_product' as const] };
    await proposeContractVersion({
      db: t.database.db,
      actor: ops,
      podId: ids.pod,
      input: { goal: 'Billing customers trust', deadline: '2027-03-31', signers: [signer.id] },
      now: new Date('2026-11-20T12:00:00Z'),
    });
    const lead = async () =>
      (await send<TVelocityOverview>('GET', '/api/v1/velocity/pods?weeks=4', head)).body.pods.find(
        (p) => p.pod.id === ids.pod,
      )!.leadTime;
    expect(await lead()).toBeNull(); // not signed yet
    await signContract({
      db: t.database.db,
      actor: hana,
      podId: ids.pod,
      now: new Date('2026-11-23T15:00:00Z'),
    });
    // Signed Monday 23 Nov; Card updater launched the next day.
    expect(await lead()).toMatchObject({
      signedOn: '2026-11-23',
      days: 1,
      firstLaunch: { title: 'Card updater' },
    });
  });
});

describe('the trade-off menu', () => {
  it('plans the sized open items, in progress first, and lists the unsized apart', async () => {
    const [invoice, tax, dunning] = ids.items as [string, string, string];
    for (const [id, size] of [
      [tax, 4],
      [invoice, 6],
    ] as const) {
      expect(
        (await send('PUT', `/api/v1/roadmap/items/${id}/size`, owner, { engineerWeeks: size })).status,
      ).toBe(200);
    }
    const res = await send<TTradeOffMenu>('GET', `/api/v1/velocity/pods/${ids.pod}/menu?weeks=4`, head);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ engineers: 2, horizonWeeks: 4, capacityWeeks: 8, today: '2026-12-07' });
    // Focus: Tax engine (4 ew / 2 engineers) lands at week 2; with Invoice redesign at week 5, past 4 weeks.
    expect(res.body.focus.items.map((i) => [i.title, i.weeks, i.landsOn])).toEqual([
      ['Tax engine', 2, '2026-12-21'],
    ]);
    // Spread: both at once; Tax engine lands once 4 + 4 are done (week 4), Invoice redesign at week 5.
    expect(res.body.spread.items.map((i) => [i.title, i.weeks])).toEqual([
      ['Tax engine', 4],
      ['Invoice redesign', 5],
    ]);
    expect(res.body.unsized).toEqual([{ id: dunning, title: 'Dunning emails' }]);
  });

  it("lets the area's PM size an item, names a bad size, refuses another PM, and audits", async () => {
    const id = ids.items[2]!;
    const bad = await send('PUT', `/api/v1/roadmap/items/${id}/size`, owner, { engineerWeeks: 1.3 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('engineerWeeks');
    expect(
      (await send('PUT', `/api/v1/roadmap/items/${id}/size`, otherPm, { engineerWeeks: 2 })).status,
    ).toBe(403);
    expect(
      (await send('PUT', `/api/v1/roadmap/items/${id}/size`, owner, { engineerWeeks: null })).status,
    ).toBe(200);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toContain('roadmap_item.size');
  });
});
