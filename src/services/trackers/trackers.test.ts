import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { snapshotAll } from '../../../test/db.ts';
import { signedIn } from '../../../test/factories.ts';
import { githubDelivery, startGithubPeer } from '../../../test/github.ts';
import { type TrackerWorld, trackerWorld } from '../../../test/tracker-world.ts';
import { bugs, insightItems, trackerDeliveries } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { syncAllTrackers } from './sync.ts';

const SECRET = 'github-webhook-secret-for-tests';
const REPO = 'acme/billing';
const clock = manualClock('2026-12-01T09:00:00Z');

const LOCAL = ['127.0.0.1'];
let t: TestApp;
let peer: Awaited<ReturnType<typeof startGithubPeer>>;
let pm: { id: string };
let ops: { id: string };
let releaseId = '';
let api: TrackerWorld['api'];
let messagesAbout: TrackerWorld['messagesAbout'];

const deliver = (event: string, body: unknown, id: string, secret = SECRET) => {
  const raw = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/github/webhook',
    headers: githubDelivery(raw, secret, event, id),
    payload: raw,
  });
};

beforeAll(async () => {
  peer = await startGithubPeer();
  ({ t, pm, ops, releaseId, api, messagesAbout } = await trackerWorld({
    clock,
    kind: 'github',
    connection: { apiUrl: peer.url, token: 'ghp_testtoken0123456789', webhookSecret: SECRET },
  }));
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

describe('GitHub tracker connection', () => {
  it('shows the token and the webhook secret only as set', async () => {
    const res = await api('GET', '/integrations/github');
    expect(res.json()).toMatchObject({
      apiUrl: peer.url,
      token: 'set',
      webhookSecret: 'set',
      bugLabel: 'bug',
      connected: true,
      permissions: { update: true },
    });
    // Settings → Trackers is read-only to a PM: the reply says so.
    const reader = await signedIn(t.database.db, ['pm']);
    expect((await api('GET', '/integrations/github', undefined, reader)).json().permissions).toEqual({
      update: false,
    });
    expect((await api('GET', '/integrations/jira')).json()).toMatchObject({ connected: false });
    expect(res.body).not.toContain('ghp_testtoken');
    expect(res.body).not.toContain(SECRET);
  });

  it('link → pull → a moved due date is flagged once to the PM and Product Ops, never written over', async () => {
    peer.milestone(REPO, 7, { due_on: '2026-12-15T08:00:00Z', title: 'Usage billing GA' });
    for (let i = 0; i < 12; i++) peer.issue(REPO, { milestone: 7, state: i < 7 ? 'closed' : 'open' });
    const linked = await api('POST', `/releases/${releaseId}/tracker/link`, { repo: REPO, milestone: 7 });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().link).toMatchObject({
      repo: REPO,
      milestone: 7,
      dueOn: '2026-12-15',
      state: 'open',
      progressText: '7 of 12 issues closed',
    });
    expect(linked.json().differences).toEqual([]);
    expect(peer.requests.at(-1)?.authorization).toBe('Bearer ghp_testtoken0123456789');

    peer.milestone(REPO, 7, { due_on: '2026-12-18T08:00:00Z' });
    const sync = await api('POST', '/integrations/github/sync');
    expect(sync.statusCode).toBe(200);
    expect(sync.json()).toMatchObject({ links: 1, failed: 0, differences: 1, errors: [] });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.dueOn).toBe('2026-12-18');
    expect(panel.differences).toEqual([
      expect.objectContaining({
        kind: 'due_date',
        text: "GitHub's due date is 18 December 2026; the launch date in prodops is 15 December 2026",
      }),
    ]);
    const release = (await api('GET', `/releases/${releaseId}`)).json();
    expect(release.targetDate).toBe('2026-12-15');
    const told = await messagesAbout(panel.differences[0].id);
    expect(new Set(told.map((m) => m.personId))).toEqual(new Set([pm.id, ops.id]));

    // Syncing again tells nobody again.
    expect((await api('POST', '/integrations/github/sync')).json().differences).toBe(0);
    expect(await messagesAbout(panel.differences[0].id)).toHaveLength(told.length);

    const ack = await api('POST', `/integrations/github/differences/${panel.differences[0].id}/acknowledge`);
    expect(ack.json()).toMatchObject({ acknowledgedAt: clock.now().toISOString() });
    expect((await api('GET', '/integrations/github/differences')).json().differences).toEqual([]);
  });

  it('a bug closed on GitHub leaves the backlog; feedback becomes one insight item', async () => {
    const bug = peer.issue(REPO, { milestone: 7, labels: ['bug'], title: 'Invoice totals off by a cent' });
    peer.issue(REPO, { labels: ['customer-feedback'], title: 'Customers want invoices in PDF' });
    await api('POST', '/integrations/github/sync');
    const backlog = async () =>
      (await api('GET', '/quality/bugs?state=open'))
        .json()
        .bugs.filter((b: { source: string }) => b.source === 'github');
    expect((await backlog()).map((b: { title: string }) => b.title)).toEqual([
      'Invoice totals off by a cent',
    ]);

    peer.close(bug);
    const res = await deliver(
      'issues',
      { action: 'closed', issue: peer.issuePayload(REPO, bug), repository: { full_name: REPO } },
      'd-close-1',
    );
    expect(res.json()).toEqual({ outcome: 'applied' });
    expect(await backlog()).toEqual([]);
    const [row] = await t.database.db
      .select()
      .from(bugs)
      .where(and(eq(bugs.source, 'github'), eq(bugs.externalId, String(bug.id))));
    expect(row).toMatchObject({ state: 'closed', closedReason: 'fixed', closedBy: 'GitHub' });

    // A redelivery and another full sync change nothing; the feedback item exists once.
    const before = await snapshotAll(t.database.db);
    expect(
      (
        await deliver(
          'issues',
          { action: 'closed', issue: peer.issuePayload(REPO, bug), repository: { full_name: REPO } },
          'd-close-1',
        )
      ).json(),
    ).toEqual({ outcome: 'duplicate' });
    expect(await snapshotAll(t.database.db)).toBe(before);
    await api('POST', '/integrations/github/sync');
    const items = await t.database.db.select().from(insightItems).where(eq(insightItems.source, 'github'));
    expect(items.map((i) => i.title)).toEqual(['Customers want invoices in PDF']);
  });

  it('refuses a webhook with a wrong signature and writes nothing', async () => {
    const bug = peer.issue(REPO, { milestone: 7, labels: ['bug'], title: 'Forged' });
    const before = await snapshotAll(t.database.db);
    const body = { action: 'opened', issue: peer.issuePayload(REPO, bug), repository: { full_name: REPO } };
    const forged = await deliver('issues', body, 'd-forged', 'not-the-secret-at-all');
    expect(forged.statusCode).toBe(401);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/github/webhook',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'd-x' },
      payload: JSON.stringify(body),
    });
    expect(unsigned.statusCode).toBe(401);
    // Signed for other bytes: the body was altered on the way.
    const raw = JSON.stringify(body);
    const altered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/github/webhook',
      headers: githubDelivery(raw, SECRET, 'issues', 'd-altered'),
      payload: raw.replace('Forged', 'Forgex'),
    });
    expect(altered.statusCode).toBe(401);
    expect(await snapshotAll(t.database.db)).toBe(before);
    expect(
      await t.database.db
        .select()
        .from(trackerDeliveries)
        .where(eq(trackerDeliveries.deliveryId, 'd-forged')),
    ).toEqual([]);
  });

  it('refuses a signed delivery that is not JSON, misses its headers or is not an issues payload', async () => {
    const before = await snapshotAll(t.database.db);
    const post = (raw: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/integrations/github/webhook', headers, payload: raw });
    const notJson = await post(
      'payload=%7B%7D',
      githubDelivery('payload=%7B%7D', SECRET, 'issues', 'd-form'),
    );
    expect(notJson.statusCode).toBe(400);
    const noId = githubDelivery('{}', SECRET, 'issues', 'x');
    const missing = await post('{}', { ...noId, 'x-github-delivery': '' });
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'headers.x-github-delivery',
    ]);
    const bad = await deliver(
      'issues',
      { action: 'opened', issue: { id: 'x' }, repository: { full_name: REPO } },
      'd-bad',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.issue.id');
    expect(await snapshotAll(t.database.db)).toBe(before);
    // A ping (any other event) is acknowledged and remembered, nothing else.
    expect((await deliver('ping', { zen: 'Design for failure.' }, 'd-ping')).json()).toEqual({
      outcome: 'ignored',
    });
  });

  it('a milestone webhook moving the due date flags it at once', async () => {
    const m = peer.milestone(REPO, 7, { due_on: '2026-12-22T08:00:00Z' });
    const res = await deliver(
      'milestone',
      { action: 'edited', milestone: m, repository: { full_name: REPO } },
      'd-ms-1',
    );
    expect(res.json()).toEqual({ outcome: 'applied' });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.differences.map((d: { trackerValue: string }) => d.trackerValue)).toEqual(['2026-12-22']);
  });

  it('waits out a 429 (Retry-After, then X-RateLimit-Reset) and the sync completes, across pages', async () => {
    for (let i = 0; i < 130; i++) peer.issue(REPO, { milestone: 7, labels: i % 10 === 0 ? ['bug'] : [] });
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
    };
    const resetAt = Math.floor(clock.now().getTime() / 1000) + 45;
    peer.limitNext(
      { 'retry-after': '30' },
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt + 30) },
    );
    const seen = peer.requests.length;
    const out = await syncAllTrackers({ db: t.database.db, clock, sleep, allowPrivate: LOCAL });
    expect(out).toMatchObject({ links: 1, failed: 0, errors: [] });
    expect(waits).toEqual([30_000, 45_000]);
    const pages = peer.requests.slice(seen).filter((r) => r.path.includes('milestone=7'));
    expect(pages.map((r) => new URL(r.path, peer.url).searchParams.get('page') ?? '1')).toEqual(['1', '2']);
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.openIssues + panel.link.closedIssues).toBe(12 + 2 + 130);
  });

  it('gives up after bounded retries and says so on the link', async () => {
    peer.limitNext(...Array.from({ length: 5 }, () => ({ 'retry-after': '1' })));
    const out = await syncAllTrackers({
      db: t.database.db,
      clock,
      sleep: async (ms) => clock.advance(ms),
      allowPrivate: LOCAL,
    });
    expect(out.failed).toBe(1);
    expect(out.errors[0]).toContain('rate limit');
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.pullError).toContain('rate limit');
  });
});
