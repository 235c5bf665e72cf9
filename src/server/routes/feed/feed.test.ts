import { eq } from 'drizzle-orm';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, signedIn } from '../../../../test/factories.ts';
import { releases } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { updateSettings } from '../../../services/org/settings.ts';
import { markRatified } from '../../../services/roadmap/item-writes.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TFeed, TFeedEntry } from '../../../shared/feed.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';

/** Issue 17, part 2: the stakeholder feed over the API, its Atom/RSS, and what it never says. */
let t: TestApp;
let ops: Record<string, string>;
let sales: Awaited<ReturnType<typeof signedIn>>;
const clock = manualClock('2026-11-18T15:00:00Z');
const ids: Record<string, string> = {};

const call = async (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers = ops,
  payload?: object,
) => {
  const res = await t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const feed = async (headers: Record<string, string>, q = ''): Promise<TFeed> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/feed${q}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const entries = (f: TFeed): TFeedEntry[] => f.months.flatMap((m) => m.entries);
const titles = (f: TFeed, month: string) =>
  f.months.find((m) => m.month === month)?.entries.map((e) => e.title);

async function release(title: string, tier: number, targetDate: string, extra: object = {}) {
  return (await call('POST', '/releases', ops, { title, tier, targetDate, areaId: ids.area, ...extra }))
    .id as string;
}
async function bundle(id: string, sections: Record<string, string>, distribute = true) {
  await call('PUT', `/releases/${id}/bundle`, ops, { sections });
  if (distribute) await call('POST', `/releases/${id}/bundle/distribute`, ops, {});
}
async function item(input: object, ratify = true) {
  const it = await call('POST', '/roadmap/items', ops, { confidence: 'medium', areaId: ids.area, ...input });
  if (ratify) await markRatified(t.database.db, it.id, 1, clock.now());
  return it.id as string;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  const now = clock.now();
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' };
  await updateSettings({ db, actor: systemActor('test'), settings, now });
  ops = (await signedIn(db, ['product_ops'])).headers;
  sales = await signedIn(db, ['stakeholder'], { function: 'sales' });
  const pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  ids.pm = pm.person.id;
  ids.area = (await makeArea(db, { name: 'Billing', ownerPmId: pm.person.id })).id;

  ids.soon = await release('Invoice reminders', 2, '2026-11-27');
  await bundle(ids.soon, {
    what_changed: 'Customers get a reminder before an invoice is due.',
    sales_talk_track: '- Positioning: fewer late payments',
    support_macros: '- Scenario: reminder not received. Resolution: check the billing email.',
  });
  // A later edit of the draft is not what was sent: the feed keeps the sent words.
  await bundle(ids.soon, { what_changed: 'LEAK-DRAFT reminders copy' }, false);

  ids.pricing = await release('Usage-based pricing', 3, '2026-12-16');
  await item({
    title: 'Pay for what you use',
    summary: 'Usage-based plans',
    customerNote: 'Pay only for the seats and usage you have.',
    earliest: '2026-12-01',
    latest: '2026-12-31',
    releaseIds: [ids.pricing],
  });
  ids.old = await release('Faster invoices', 2, '2026-10-20');
  ids.fasterItem = await item({
    title: 'Invoices in seconds',
    summary: 'Invoice generation is fast',
    earliest: '2026-10-01',
    latest: '2026-12-15',
    releaseIds: [ids.old],
  });
  ids.dunning = await item({
    title: 'Smarter dunning',
    summary: 'Retries failed payments at the right time',
    earliest: '2027-01-04',
    latest: '2027-02-26',
  });
  const internal = await item({
    title: 'LEAK-INTERNAL pricing test',
    summary: 'LEAK-INTERNAL',
    earliest: '2026-12-01',
    latest: '2026-12-31',
    visibility: 'internal',
  });
  ids.internal = internal;
  ids.secret = await release('LEAK-SECRET experiment', 2, '2026-12-10', { roadmapItemId: internal });
  ids.never = await item(
    { title: 'LEAK-NEVER ratified', summary: 'LEAK-NEVER', earliest: '2026-12-01', latest: '2026-12-31' },
    false,
  );
  ids.held = await release('LEAK-HELD launch', 2, '2026-11-25');
  await bundle(ids.held, { what_changed: 'LEAK-HELD copy' });
  await call('POST', `/releases/${ids.held}/decisions`, ops, { decision: 'hold', reason: 'Not ready' });
  await call('POST', '/decisions', ops, {
    decidedOn: '2026-11-17',
    title: 'Bill by usage from December',
    context: 'Context',
    options: ['Usage', 'Seats'],
    rationale: 'Customers asked to pay for what they use.',
    ownerId: ids.pm,
    reviewDate: '2027-02-01',
  });
  await call('POST', '/roadmap/view/publish', ops, {});
  // After publication: an unratified change, and a launch the published view does not know of yet.
  await call('PATCH', `/roadmap/items/${ids.dunning}`, ops, { title: 'LEAK-UNRATIFIED dunning' });
  await db
    .update(releases)
    .set({ status: 'launched', launchedOn: '2026-10-20' })
    .where(eq(releases.id, ids.old));
});
afterAll(() => t.close());

describe('GET /feed', () => {
  it('Sales: by month in the org’s calendar, upcoming first, in the sent words with the talk track', async () => {
    const f = await feed(sales.headers);
    expect(f).toMatchObject({ timeZone: 'America/New_York', today: '2026-11-18', audience: 'sales' });
    expect(f.readerAudience).toBe('sales');
    expect(f.months.map((m) => [m.month, m.when])).toEqual([
      ['2027-01', 'upcoming'],
      ['2026-12', 'upcoming'],
      ['2026-11', 'current'],
      ['2026-10', 'past'],
    ]);
    expect(f.months[2]!.label).toBe('November 2026');
    expect(titles(f, '2026-11')).toEqual(['Invoice reminders']);
    expect(entries(f).find((e) => e.title === 'Invoice reminders')).toMatchObject({
      kind: 'launch',
      date: '2026-11-27',
      dateText: 'Launches 27 Nov 2026',
      statusText: 'Upcoming',
      tierText: 'Tier 2 (Medium)',
      words: 'Customers get a reminder before an invoice is due.',
      talkTrack: '- Positioning: fewer late payments',
      href: `/releases/${ids.soon}`,
    });
    // No bundle sent yet: the published view's words for its item, no talk track; the item is told with it.
    expect(entries(f).find((e) => e.title === 'Usage-based pricing')).toMatchObject({
      dateText: 'Expected early–late Dec 2026',
      exact: false,
      words: 'Pay only for the seats and usage you have.',
      talkTrack: null,
      roadmapItems: [{ title: 'Pay for what you use', statusText: 'Planned' }],
    });
    expect(entries(f).find((e) => e.title === 'Smarter dunning')).toMatchObject({
      kind: 'roadmap',
      date: '2027-01-04',
      dateText: 'Early Jan – late Feb 2027',
      talkTrack: 'OK to share as a range (Early Jan – late Feb 2027), never as a date.',
    });
    // Decisions are the exec summary's: not in Sales' own feed.
    expect(entries(f).some((e) => e.kind === 'decision')).toBe(false);
  });

  it('shows an item Shipped once its release launched, as the roadmap does, before any republication', async () => {
    const f = await feed(sales.headers);
    expect(entries(f).find((e) => e.title === 'Faster invoices')).toMatchObject({
      date: '2026-10-20',
      dateText: 'Launched 20 Oct 2026',
      statusText: 'Launched',
      roadmapItems: [{ title: 'Invoices in seconds', statusText: 'Shipped' }],
    });
    const shown = await call('GET', `/roadmap/items/${ids.fasterItem}`, sales.headers);
    expect(shown.status).toBe('shipped');
  });

  it('never shows a held launch, a draft’s words, an internal, unratified or never-ratified item', async () => {
    for (const q of [
      '',
      '?audience=all',
      '?audience=support',
      '?audience=exec',
      '?before=2026-11&months=12',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/feed${q}`, headers: sales.headers });
      expect(res.statusCode).toBe(200);
      for (const secret of ['LEAK-', ids.held!, ids.secret!, ids.internal!, ids.never!])
        expect(res.body, `${q} shows ${secret}`).not.toContain(secret);
    }
    const all = entries(await feed(sales.headers, '?audience=all'));
    expect(all.find((e) => e.kind === 'roadmap' && e.href.endsWith(ids.dunning!))?.title).toBe(
      'Smarter dunning',
    );
  });

  it('filters to the reader’s audience by default; any audience or all on request', async () => {
    const exec = await signedIn(t.database.db, ['stakeholder'], { function: 'exec' });
    const e = await feed(exec.headers);
    expect(e.audience).toBe('exec');
    // Exec: the Tier 3 launch and decisions, not the Tier 2 one.
    expect(entries(e).map((x) => x.title)).toContain('Decision #1: Bill by usage from December');
    expect(entries(e).map((x) => x.title)).toContain('Usage-based pricing');
    expect(entries(e).map((x) => x.title)).not.toContain('Invoice reminders');
    const allOfThem = await feed(exec.headers, '?audience=all');
    expect(allOfThem).toMatchObject({ audience: 'all', readerAudience: 'exec' });
    expect(entries(allOfThem).map((x) => x.title)).toContain('Invoice reminders');
    // A PM reads everything by default.
    const pm = await signedIn(t.database.db, ['pm']);
    expect((await feed(pm.headers)).audience).toBe('all');
    const support = await signedIn(t.database.db, ['stakeholder'], { function: 'cs' });
    const s = entries(await feed(support.headers));
    expect(s.find((x) => x.title === 'Invoice reminders')?.supportNotes).toMatch(/reminder not received/);
  });

  it('pages back by month: the months before `before`, and where to go next', async () => {
    const first = await feed(sales.headers, '?months=1');
    expect(first.months.map((m) => m.month)).toEqual(['2027-01', '2026-12', '2026-11', '2026-10']);
    expect(first.olderBefore).toBeNull();
    const older = await feed(sales.headers, '?before=2026-11&months=2');
    expect(older.months.map((m) => m.month)).toEqual(['2026-10']);
    expect(older.olderBefore).toBeNull();
    const none = await feed(sales.headers, '?before=2026-10');
    expect(none.months).toEqual([]);
  });

  it('refuses bad parameters with a 400 naming the field, and callers without a session', async () => {
    for (const [q, field] of [
      ['audience=everyone', 'audience'],
      ['before=2026-13', 'before'],
      ['before=november', 'before'],
      ['months=0', 'months'],
      ['months=13', 'months'],
      ['months=two', 'months'],
      ['page=2', 'page'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/feed?${q}`, headers: sales.headers });
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json()), q).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feed' })).statusCode).toBe(401);
  });
});

describe('the feed as Atom and RSS', () => {
  it('parses with a real feed parser, per reader, with the same entries and nothing held or internal', async () => {
    // The reader's private addresses, shown once when made (POST /calendar/feed-url/rotate).
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/feed-url/rotate',
      headers: sales.headers,
    });
    const subscribe = (made.json() as { feed: { atom: string; rss: string } }).feed;
    expect(subscribe.atom).toMatch(/^http:\/\/localhost(:\d+)?\/api\/v1\/feed\/[\w-]+\.atom$/);
    const parser = new Parser();
    for (const url of [subscribe!.atom, subscribe!.rss]) {
      const path = new URL(url).pathname;
      const res = await t.app.inject({ method: 'GET', url: path });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/(atom|rss)\+xml/);
      const parsed = await parser.parseString(res.body);
      expect(parsed.title).toMatch(/: what ships$/);
      const got = parsed.items.map((i) => i.title);
      expect(got).toContain('Upcoming: Invoice reminders');
      expect(got).toContain('Launched: Faster invoices');
      expect(got).not.toContain('Decision #1: Bill by usage from December');
      const reminders = parsed.items.find((i) => i.title === 'Upcoming: Invoice reminders')!;
      expect(JSON.stringify(reminders)).toContain('fewer late payments');
      expect(reminders.link).toMatch(new RegExp(`/releases/${ids.soon}$`));
      expect(res.body).not.toContain('LEAK-');
      // Another audience by parameter (feed readers may add their own, ignored).
      const all = await t.app.inject({ method: 'GET', url: `${path}?audience=all&utm_source=reader` });
      const allItems = (await parser.parseString(all.body)).items.map((i) => i.title);
      expect(allItems).toContain('Decided: Decision #1: Bill by usage from December');
    }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/feed/${'x'.repeat(32)}.atom` })).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({
      method: 'GET',
      url: `${new URL(subscribe!.rss).pathname}?audience=nobody`,
    });
    expect(bad.statusCode).toBe(400);
  });
});
