import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../test/factories.ts';
import { manualClock } from '../../shared/clock.ts';

/**
 * Issue 13, finding 8: every parameter a list documents does what it says. These were documented and ignored
 * (or half-honoured) before: each case here failed then.
 */
let t: TestApp;
let headers: Record<string, string>;
let areaId: string;
const clock = manualClock('2026-11-02T10:00:00Z'); // a Monday

beforeAll(async () => {
  t = await createTestApp({ clock });
  headers = (await signedIn(t.database.db, ['product_ops', 'admin'])).headers;
  const pm = await makePerson(t.database.db, { roles: ['pm'], name: 'Maya Chen' });
  areaId = (await makeArea(t.database.db, { name: 'Billing', ownerPmId: pm.id })).id;
});
afterAll(() => t.close());

async function get(url: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
}
async function post(url: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

describe('documented list parameters are honoured', () => {
  it('GET /channels?q finds channels by name or kind, like characters taken literally', async () => {
    await post('/channels', { kind: 'slack', name: '#product-updates', slackChannelId: 'C024BE91L' });
    await post('/channels', { kind: 'slack', name: '#sales-news', slackChannelId: 'C024BE91M' });
    await post('/channels', { kind: 'email_list', name: 'Support 100% list', email: 'support@example.com' });
    const names = async (q: string) =>
      (await get(`/channels?q=${q}`)).json().items.map((c: { name: string }) => c.name);
    expect(await names('SALES')).toEqual(['#sales-news']);
    expect(await names('email')).toEqual(['Support 100% list']);
    expect(await names('100%25')).toEqual(['Support 100% list']);
    expect(await names('s_n')).toEqual([]); // as a wildcard, _ would find #sales-news
  });

  it('GET /roadmap/items?q takes like characters literally', async () => {
    const item = { areaId, confidence: 'high', earliest: '2026-12-01', latest: '2027-01-31', summary: 'x' };
    await post('/roadmap/items', { ...item, title: '100% uptime' });
    await post('/roadmap/items', { ...item, title: 'Cut 1000 errors' });
    const titles = async (q: string) =>
      (await get(`/roadmap/items?q=${q}`)).json().items.map((i: { title: string }) => i.title);
    expect(await titles('100%25')).toEqual(['100% uptime']);
    expect(await titles('_00')).toEqual([]);
  });

  it('GET /insights/routings?open=false lists the decided ones, open=true the others', async () => {
    await post('/insights/intake', {
      source: 'support',
      items: ['Checkout page is slow to load', 'Pricing is too expensive', 'App crashes on upload'].map(
        (body, i) => ({ externalId: `c-${i}`, body, occurredAt: '2026-10-30T12:00:00Z' }),
      ),
    });
    const { routings } = await post('/insights/triage', {});
    expect(routings.length).toBeGreaterThan(0);
    await post(`/insights/routings/${routings[0].id}/disposition`, { disposition: 'backlog' });
    const ids = async (q: string) =>
      (await get(`/insights/routings${q}`)).json().items.map((r: { id: string }) => r.id);
    expect(await ids('?open=false')).toEqual([routings[0].id]);
    expect(await ids('?open=true')).not.toContain(routings[0].id);
    expect((await ids('')).length).toBe(routings.length);
  });

  it('GET /insights/themes/:theme takes the window only: an area or kind is refused, not ignored', async () => {
    const theme = (await get('/insights/themes?days=30')).json().themes[0].theme;
    expect((await get(`/insights/themes/${theme}?days=30`)).statusCode).toBe(200);
    for (const param of [`areaId=${areaId}`, 'kind=bug', 'limit=3']) {
      const res = await get(`/insights/themes/${theme}?${param}`);
      expect(res.statusCode, param).toBe(400);
      expect(res.json().error.fields).toEqual([
        { path: `query.${param.split('=')[0]}`, message: 'is not a known field' },
      ]);
    }
  });
});
