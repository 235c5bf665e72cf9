import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newReadinessLink } from '../../src/services/delivery/send-links.ts';
import { manualClock } from '../../src/shared/clock.ts';
import { BUNDLE_SECTION_KEYS } from '../../src/shared/release-vocabulary.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { makeArea, makePerson, signedIn } from '../factories.ts';

/**
 * The response schemas against real data: releases and insights walked through their life cycle over the API, so
 * every reply with content (not only the empty lists a fresh database gives) goes through its schema. A schema
 * that does not describe what the service returns fails the reply (500) here.
 */

let t: TestApp;
let ops: Awaited<ReturnType<typeof signedIn>>;
let areaId: string;
let pmId: string;
const clock = manualClock('2026-11-02T10:00:00Z'); // a Monday

beforeAll(async () => {
  t = await createTestApp({ clock });
  ops = await signedIn(t.database.db, ['product_ops', 'admin']);
  const pm = await makePerson(t.database.db, { roles: ['pm'], name: 'Maya Chen' });
  pmId = pm.id;
  areaId = (await makeArea(t.database.db, { name: 'Billing', ownerPmId: pm.id })).id;
  // Support and Sales hear about Tier 2/3 releases by default: distributing the bundle gives them readiness links.
  await makePerson(t.database.db, { function: 'support', roles: ['stakeholder'] });
  await makePerson(t.database.db, { function: 'sales', roles: ['stakeholder'] });
});
afterAll(() => t.close());

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
  headers: Record<string, string> = ops.headers,
) {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res;
}
const json = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  (await call(method, url, payload)).json();

describe('release responses', () => {
  it('describe a release from planning through launch and its retro', async () => {
    const suggestion = await json('POST', '/releases/tier-suggestion', {
      attributes: ['ga_launch', 'api_change'],
    });
    expect(suggestion.tier).toBe(3);
    expect((await json('GET', '/releases/leadtime?tier=3&launch=2026-12-15')).deadlines).toHaveLength(2);

    const release = await json('POST', '/releases', {
      title: 'Usage-based invoices',
      areaId,
      pmOwnerId: pmId,
      targetDate: '2026-12-15',
      tier: 3,
      attributes: ['ga_launch'],
    });
    const id: string = release.id;
    const sections = Object.fromEntries(BUNDLE_SECTION_KEYS.map((k) => [k, `Written: ${k}`]));
    expect((await json('PUT', `/releases/${id}/bundle`, { sections })).checklist).toHaveLength(9);
    expect(await json('POST', `/releases/${id}/bundle/distribute`)).toMatchObject({ stage: 'distribution' });
    expect(await json('POST', `/releases/${id}/bundle/publish`)).toMatchObject({ stage: 'publication' });

    // The link an email copy gets as it is sent (services/delivery/send-links).
    const token = await newReadinessLink(t.database.db, {
      releaseId: id,
      personId: ops.person.id,
      kind: 'support',
    });
    expect((await call('GET', `/readiness/${token}`, undefined, {})).json().confirmedAt).toBeNull();
    expect((await call('POST', `/readiness/${token}`, undefined, {})).json().confirmed).toBe(true);

    for (const kind of ['eng_monitoring', 'eng_rollback', 'training'])
      await json('POST', `/releases/${id}/sign-offs`, { kind, note: 'Done' });
    expect(
      await json('POST', `/releases/${id}/decisions`, { decision: 'ship', reason: 'All ready' }),
    ).toHaveLength(1);
    await json('PATCH', `/releases/${id}`, { status: 'launched' });

    const detail = await json('GET', `/releases/${id}/detail`);
    expect(detail.bundle.versions).toHaveLength(2);
    expect(detail.postLaunch.checks.length).toBeGreaterThan(0);
    expect(detail.tierHistory.length).toBeGreaterThan(0);
    expect(detail.release.areaOwnerId).toBe(pmId);
    await json('GET', `/releases/${id}/gate`);

    await json('PUT', `/releases/${id}/post-launch/day3`, { answers: {} });
    const retro = await json('PUT', `/releases/${id}/post-launch/day14`, {
      answers: {},
      actionItems: ['Write the FAQ earlier'],
    });
    expect(retro.actionItems).toHaveLength(1);
    const items = (await json('GET', '/release-action-items?status=open')).items;
    expect(items[0].releaseTitle).toBe('Usage-based invoices');
    expect((await json('PATCH', `/release-action-items/${items[0].id}`, { status: 'done' })).status).toBe(
      'done',
    );
    await json('GET', '/releases/coverage?from=2026-11-01&to=2027-01-31&bucket=week');
    expect((await json('GET', '/releases?limit=10')).items[0].permissions).toBeDefined();
  });
});

describe('insight responses', () => {
  it('describe intake, the inbox, themes, triage and the digest', async () => {
    const texts = [
      'The export is slow and times out on big accounts',
      'Checkout page is slow to load',
      'Pricing is too expensive for small teams',
      'The price went up again, too expensive',
      'App crashes when I upload a file',
      'App crashes when I upload a file',
    ];
    const intake = await json('POST', '/insights/intake', {
      source: 'support',
      items: texts.map((body, i) => ({
        externalId: `c-${i}`,
        body,
        occurredAt: `2026-10-${30 + (i % 2)}T12:00:00Z`,
        customer: i % 2 ? 'Acme' : null,
      })),
    });
    expect(intake.inserted).toBe(texts.length);

    const inbox = await json('GET', '/insights?limit=3');
    expect(inbox.items).toHaveLength(3);
    const first = inbox.items[0];
    await json('GET', `/insights/${first.id}`);
    expect(
      (await json('PATCH', `/insights/${first.id}`, { areaId, severity: 'high' })).applied,
    ).toBeGreaterThan(0);

    const themes = await json('GET', '/insights/themes?days=30');
    expect(themes.themes.length).toBeGreaterThan(0);
    await json('GET', `/insights/themes/${themes.themes[0].theme}?days=30`);

    const triage = await json('POST', '/insights/triage', {});
    expect(triage.routings.length).toBeGreaterThan(0);
    const routing = triage.routings[0];
    await json('GET', '/insights/routings?open=true');
    await json('GET', `/insights/routings/${routing.id}`);
    expect(
      (await json('POST', `/insights/routings/${routing.id}/disposition`, { disposition: 'backlog' }))
        .disposition,
    ).toBe('backlog');

    expect((await json('POST', '/insights/digests/2026-10/publish')).themes.length).toBeGreaterThan(0);
    expect((await json('GET', '/insights/digests')).items).toHaveLength(1);
    expect((await json('GET', '/insights/digests/2026-10')).json.themes.length).toBeGreaterThan(0);
  });
});

describe('text responses', () => {
  it('answer with their own media types', async () => {
    const { url } = await json('POST', '/calendar/feed-url/rotate');
    const ics = await call('GET', new URL(url).pathname.replace('/api/v1', ''), undefined, {});
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    await json('GET', '/calendar');
    const md = await call('GET', '/roadmap/view/export?format=md');
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    const html = await call('GET', '/roadmap/view/export?format=html');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
  });
});
