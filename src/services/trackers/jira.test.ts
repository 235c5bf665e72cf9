import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { snapshotAll } from '../../../test/db.ts';
import { startJiraPeer } from '../../../test/jira.ts';
import { type TrackerWorld, trackerWorld } from '../../../test/tracker-world.ts';
import { bugs, insightItems, trackerDeliveries } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { createRoadmapItem, markRatified } from '../roadmap/item-writes.ts';
import { syncAllTrackers } from './sync.ts';

const SECRET = 'jira-shared-secret-for-tests';
const TOKEN = 'maya@acme.example:ATATT3xFfGF0-test-token';
const clock = manualClock('2026-12-01T09:00:00Z');

const LOCAL = ['127.0.0.1'];
let t: TestApp;
let peer: Awaited<ReturnType<typeof startJiraPeer>>;
let pm: { id: string };
let ops: { id: string };
let releaseId = '';
let api: TrackerWorld['api'];
let messagesAbout: TrackerWorld['messagesAbout'];
let itemId = '';
let area: TrackerWorld['area'];

const deliver = (body: unknown, o: { id?: string; secret?: string; via?: 'query' | 'header' } = {}) => {
  const secret = o.secret ?? SECRET;
  const via = o.via ?? 'query';
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/integrations/jira/webhook${via === 'query' ? `?secret=${encodeURIComponent(secret)}` : ''}`,
    headers: {
      'content-type': 'application/json',
      ...(o.id ? { 'x-atlassian-webhook-identifier': o.id } : {}),
      ...(via === 'header' ? { 'x-prodops-secret': secret } : {}),
    },
    payload: JSON.stringify(body),
  });
};

beforeAll(async () => {
  peer = await startJiraPeer();
  ({ t, pm, ops, area, releaseId, api, messagesAbout } = await trackerWorld({
    clock,
    kind: 'jira',
    connection: { apiUrl: peer.url, token: TOKEN, webhookSecret: SECRET },
  }));
  const db = t.database.db;
  const actor = { personId: null, label: 'test', roles: ['admin' as const] };
  const item = await createRoadmapItem({
    db,
    actor,
    input: {
      title: 'Invoices as PDF',
      summary: 'Download invoices',
      areaId: area.id,
      confidence: 'high',
      earliest: '2027-01-04',
      latest: '2027-02-26',
    },
    now: clock.now(),
  });
  await markRatified(db, item.id, item.version, clock.now());
  itemId = item.id;
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

describe('Jira tracker connection', () => {
  it('shows the token and the secret only as set, and needs a site and an email:token', async () => {
    const res = await api('GET', '/integrations/jira');
    expect(res.json()).toMatchObject({
      kind: 'jira',
      apiUrl: peer.url,
      token: 'set',
      webhookSecret: 'set',
      bugLabel: 'Bug',
      feedbackLabel: 'customer-feedback',
      webhookPath: '/api/v1/integrations/jira/webhook',
    });
    expect(res.body).not.toContain('ATATT3x');
    expect(res.body).not.toContain(SECRET);
    const bad = await api('PUT', '/integrations/jira', { token: 'just-a-token-without-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['token']);
  });

  it('link an epic → pull → a moved due date is flagged once, never written over', async () => {
    peer.epic('ED-12', { duedate: '2026-12-15', summary: 'Usage billing GA' });
    for (let i = 0; i < 5; i++) peer.issue('ED', { epic: 'ED-12', done: i < 2 });
    const linked = await api('POST', `/releases/${releaseId}/tracker/link`, { kind: 'jira', epic: 'ed-12' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().link).toMatchObject({
      kind: 'jira',
      target: 'Jira epic ED-12',
      ref: 'ED-12',
      milestone: null,
      title: 'Usage billing GA',
      url: `${peer.url}/browse/ED-12`,
      dueOn: '2026-12-15',
      state: 'open',
      progressText: '2 of 5 issues closed',
    });
    expect(linked.json().differences).toEqual([]);
    const basic = `Basic ${Buffer.from(TOKEN).toString('base64')}`;
    expect(peer.requests.at(-1)?.authorization).toBe(basic);
    expect(peer.requests.some((r) => r.path.startsWith('/rest/api/3/search/jql?jql=parent+%3D+ED-12'))).toBe(
      true,
    );

    peer.epic('ED-12', { duedate: '2026-12-18' });
    const sync = await api('POST', '/integrations/jira/sync');
    expect(sync.json()).toMatchObject({ links: 1, failed: 0, differences: 1, errors: [] });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.differences).toEqual([
      expect.objectContaining({
        kind: 'due_date',
        text: "Jira's due date is 18 December 2026; the launch date in prodops is 15 December 2026",
      }),
    ]);
    expect((await api('GET', `/releases/${releaseId}`)).json().targetDate).toBe('2026-12-15');
    const told = await messagesAbout(panel.differences[0].id);
    expect(new Set(told.map((m) => m.personId))).toEqual(new Set([pm.id, ops.id]));
    expect((await api('POST', '/integrations/jira/sync')).json().differences).toBe(0);
    expect(await messagesAbout(panel.differences[0].id)).toHaveLength(told.length);
    // Jira's differences are listed, and acknowledged, apart from GitHub's.
    const elsewhere = await api(
      'POST',
      `/integrations/github/differences/${panel.differences[0].id}/acknowledge`,
    );
    expect(elsewhere.statusCode).toBe(404);
    expect((await api('GET', '/integrations/jira/differences')).json().differences).toHaveLength(1);
    expect((await api('GET', '/integrations/github/differences')).json().differences).toEqual([]);
  });

  it('a roadmap item linked to a fix version: its release date and released state', async () => {
    peer.version('10001', { name: 'Billing 2027.1', releaseDate: '2027-01-20', released: false });
    peer.issue('ED', { fixVersion: '10001', done: true });
    const linked = await api('POST', `/roadmap/items/${itemId}/tracker/link`, {
      kind: 'jira',
      fixVersion: '10001',
    });
    expect(linked.json().link).toMatchObject({
      target: 'Jira version Billing 2027.1',
      dueOn: '2027-01-20',
      progressText: '1 of 1 issue closed',
    });
    expect(linked.json().differences.map((d: { text: string }) => d.text)).toEqual([
      'Jira says the work is done (every issue closed); prodops says Planned',
    ]);
    // The version's project (10000, from its pull) is searched for bugs and feedback too.
    const seen = peer.requests.length;
    await api('POST', '/integrations/jira/sync');
    expect(peer.requests.slice(seen).some((r) => r.path.includes('project+%3D+%2210000%22'))).toBe(true);
    peer.version('10001', { released: true, releaseDate: '2027-03-10' });
    await api('POST', '/integrations/jira/sync');
    const panel = (await api('GET', `/roadmap/items/${itemId}/tracker`)).json();
    expect(panel.differences.map((d: { text: string }) => d.text).sort()).toEqual([
      'Jira says the work is done (version released); prodops says Planned',
      "Jira's due date is 10 March 2027, outside the roadmap range 4 January 2027 – 26 February 2027",
    ]);
  });

  it('a Bug closed on Jira leaves the backlog; customer feedback becomes one insight item', async () => {
    const bug = peer.issue('ED', { epic: 'ED-12', type: 'Bug', summary: 'Invoice totals off by a cent' });
    peer.issue('ED', { labels: ['customer-feedback'], summary: 'Customers want invoices in PDF' });
    await api('POST', '/integrations/jira/sync');
    const backlog = async () =>
      (await api('GET', '/quality/bugs?state=open'))
        .json()
        .bugs.filter((b: { source: string }) => b.source === 'jira');
    expect((await backlog()).map((b: { title: string }) => b.title)).toEqual([
      'Invoice totals off by a cent',
    ]);

    peer.close(bug);
    const res = await deliver(peer.delivery(bug), { id: 'wh-close-1' });
    expect(res.json()).toEqual({ outcome: 'applied' });
    expect(await backlog()).toEqual([]);
    const [row] = await t.database.db
      .select()
      .from(bugs)
      .where(and(eq(bugs.source, 'jira'), eq(bugs.externalId, bug.id)));
    expect(row).toMatchObject({ state: 'closed', closedReason: 'fixed', closedBy: 'Jira' });

    const before = await snapshotAll(t.database.db);
    expect((await deliver(peer.delivery(bug), { id: 'wh-close-1', via: 'header' })).json()).toEqual({
      outcome: 'duplicate',
    });
    // Without Jira's identifier, the event, issue and timestamp name the delivery.
    expect((await deliver(peer.delivery(bug, 'jira:issue_updated', 1764930000000))).json()).toEqual({
      outcome: 'applied',
    });
    expect((await deliver(peer.delivery(bug, 'jira:issue_updated', 1764930000000))).json()).toEqual({
      outcome: 'duplicate',
    });
    expect(await snapshotAll(t.database.db)).not.toBe(before); // two deliveries remembered
    await api('POST', '/integrations/jira/sync');
    const items = await t.database.db.select().from(insightItems).where(eq(insightItems.source, 'jira'));
    expect(items.map((i) => i.title)).toEqual(['Customers want invoices in PDF']);
  });

  it('refuses a webhook without the right secret and writes nothing', async () => {
    const bug = peer.issue('ED', { epic: 'ED-12', type: 'Bug', summary: 'Forged' });
    const before = await snapshotAll(t.database.db);
    expect(
      (await deliver(peer.delivery(bug), { id: 'wh-forged', secret: 'not-the-secret' })).statusCode,
    ).toBe(401);
    expect(
      (await deliver(peer.delivery(bug), { id: 'wh-forged', secret: 'not-the-secret', via: 'header' }))
        .statusCode,
    ).toBe(401);
    const none = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/jira/webhook',
      headers: { 'content-type': 'application/json', 'x-atlassian-webhook-identifier': 'wh-none' },
      payload: JSON.stringify(peer.delivery(bug)),
    });
    expect(none.statusCode).toBe(401);
    // The right secret but not an issue payload: refused whole.
    const bad = await deliver(
      { webhookEvent: 'jira:issue_created', timestamp: 1, issue: { id: 7 } },
      { id: 'wh-bad' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.issue.id');
    expect(await snapshotAll(t.database.db)).toBe(before);
    expect(
      await t.database.db
        .select()
        .from(trackerDeliveries)
        .where(eq(trackerDeliveries.deliveryId, 'jira:wh-forged')),
    ).toEqual([]);
  });

  it('an epic webhook moving its due date flags it at once', async () => {
    const epic = peer.epic('ED-12', { duedate: '2026-12-22' });
    expect((await deliver(peer.delivery(epic), { id: 'wh-epic-1' })).json()).toEqual({ outcome: 'applied' });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.dueOn).toBe('2026-12-22');
    expect(panel.differences.map((d: { trackerValue: string }) => d.trackerValue)).toEqual(['2026-12-22']);
  });

  it('waits out a 429 (Retry-After, then X-RateLimit-Reset) and the sync completes, across pages', async () => {
    for (let i = 0; i < 130; i++) peer.issue('ED', { epic: 'ED-12', type: i % 10 === 0 ? 'Bug' : 'Story' });
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
    };
    const resetAt = new Date(clock.now().getTime() + 75_000).toISOString();
    peer.limitNext({ 'retry-after': '30' }, { 'x-ratelimit-reset': resetAt });
    const seen = peer.requests.length;
    const out = await syncAllTrackers({ db: t.database.db, clock, sleep, allowPrivate: LOCAL }, 'jira');
    expect(out).toMatchObject({ links: 2, failed: 0, errors: [] });
    expect(waits).toEqual([30_000, 45_000]);
    const pages = peer.requests.slice(seen).filter((r) => r.path.includes('parent+%3D+ED-12'));
    expect(pages.map((r) => new URL(r.path, peer.url).searchParams.get('nextPageToken'))).toEqual([
      null,
      '100',
    ]);
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.openIssues + panel.link.closedIssues).toBe(5 + 1 + 1 + 130);
  });

  it('gives up after bounded retries and says so on the link', async () => {
    peer.limitNext(...Array.from({ length: 5 }, () => ({ 'retry-after': '1' })));
    const out = await syncAllTrackers(
      { db: t.database.db, clock, sleep: async (ms) => clock.advance(ms), allowPrivate: LOCAL },
      'jira',
    );
    expect(out.failed).toBe(1);
    expect(out.errors[0]).toContain('rate limit');
    expect((await api('GET', `/releases/${releaseId}/tracker`)).json().link.pullError).toContain(
      'rate limit',
    );
  });
});
