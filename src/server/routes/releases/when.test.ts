import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, signedIn } from '../../../../test/factories.ts';
import { markRatified } from '../../../services/roadmap/item-writes.ts';
import { manualClock } from '../../../shared/clock.ts';

/** Issue 13, finding 3: the launch calendar showed stakeholders exact days where the rule says ranges. */
let t: TestApp;
let ops: Record<string, string>;
let sam: Record<string, string>;
const clock = manualClock('2026-11-18T15:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ clock });
  ops = (await signedIn(t.database.db, ['product_ops'])).headers;
  sam = (await signedIn(t.database.db, ['stakeholder'], { function: 'sales' })).headers;
});
afterAll(() => t.close());

const post = async (url: string, payload: object) =>
  (await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: ops, payload })).json();
const whenOf = async (id: string) => {
  const list = (await t.app.inject({ method: 'GET', url: '/api/v1/releases', headers: sam })).json();
  const one = (await t.app.inject({ method: 'GET', url: `/api/v1/releases/${id}`, headers: sam })).json();
  const detail = (
    await t.app.inject({ method: 'GET', url: `/api/v1/releases/${id}/detail`, headers: sam })
  ).json();
  expect(one.when).toEqual(list.items.find((r: { id: string }) => r.id === id).when);
  expect(detail.release.when).toEqual(one.when);
  return one.when;
};

describe("a release's date as stakeholders read it", () => {
  it('a range (its roadmap item’s, ratified) until announced; the day within the weekly update’s two weeks', async () => {
    const area = await makeArea(t.database.db, { name: 'Integrations' });
    const item = await post('/roadmap/items', {
      title: 'Salesforce sync v2',
      summary: 'Two-way sync',
      areaId: area.id,
      confidence: 'medium',
      earliest: '2027-01-04',
      latest: '2027-02-15',
    });
    await markRatified(t.database.db, item.id, 1, clock.now());
    const later = await post('/releases', {
      title: 'Salesforce sync v2',
      tier: 3,
      targetDate: '2027-01-23',
      roadmapItemId: item.id,
    });
    expect(await whenOf(later.id)).toEqual({ exact: false, text: 'Early Jan – mid Feb 2027' });
    const unlinked = await post('/releases', { title: 'Bulk edit', tier: 2, targetDate: '2027-01-27' });
    expect(await whenOf(unlinked.id)).toEqual({ exact: false, text: 'Late Jan 2027' });
    const soon = await post('/releases', { title: 'Copy fixes', tier: 1, targetDate: '2026-12-02' });
    expect(await whenOf(soon.id)).toEqual({ exact: true, text: '2 Dec 2026' });
  });
});
