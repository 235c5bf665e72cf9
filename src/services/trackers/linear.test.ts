import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { snapshotAll } from '../../../test/db.ts';
import { linearDelivery, startLinearPeer } from '../../../test/linear.ts';
import { type TrackerWorld, trackerWorld } from '../../../test/tracker-world.ts';
import { bugs, insightItems } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { syncAllTrackers } from './sync.ts';

const SECRET = 'lin_wh_signing_secret_for_tests';
const KEY = 'lin_api_testkey0123456789';
const PROJECT = 'a3c1d0e6-5b0a-4c5e-9a43-7c1e2f8d9b10';
const clock = manualClock('2026-12-01T09:00:00Z');

const LOCAL = ['127.0.0.1'];
let t: TestApp;
let peer: Awaited<ReturnType<typeof startLinearPeer>>;
let pm: { id: string };
let ops: { id: string };
let releaseId = '';
let api: TrackerWorld['api'];
let messagesAbout: TrackerWorld['messagesAbout'];

const post = (raw: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/integrations/linear/webhook', headers, payload: raw });
const deliver = (body: unknown, id: string, secret = SECRET) => {
  const raw = JSON.stringify(body);
  return post(raw, linearDelivery(raw, secret, id));
};
const now = () => clock.now().getTime();

beforeAll(async () => {
  peer = await startLinearPeer();
  ({ t, pm, ops, releaseId, api, messagesAbout } = await trackerWorld({
    clock,
    kind: 'linear',
    connection: { apiUrl: peer.url, token: KEY, webhookSecret: SECRET },
  }));
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

describe('Linear tracker connection', () => {
  it('shows the key and the signing secret only as set', async () => {
    const res = await api('GET', '/integrations/linear');
    expect(res.json()).toMatchObject({
      kind: 'linear',
      apiUrl: peer.url,
      token: 'set',
      webhookSecret: 'set',
      bugLabel: 'Bug',
      webhookPath: '/api/v1/integrations/linear/webhook',
    });
    expect(res.body).not.toContain(KEY);
    expect(res.body).not.toContain(SECRET);
  });

  it('link a project → pull → a moved target date is flagged once, never written over', async () => {
    peer.project(PROJECT, { targetDate: '2026-12-15', state: 'started' });
    for (let i = 0; i < 4; i++) peer.issue(PROJECT, { done: i < 3 });
    const linked = await api('POST', `/releases/${releaseId}/tracker/link`, {
      kind: 'linear',
      project: PROJECT,
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().link).toMatchObject({
      kind: 'linear',
      target: 'Linear project Usage billing GA',
      ref: PROJECT,
      dueOn: '2026-12-15',
      state: 'open',
      progressText: '3 of 4 issues closed',
    });
    expect(linked.json().differences).toEqual([]);
    expect(peer.requests.at(-1)?.authorization).toBe(KEY);

    peer.project(PROJECT, { targetDate: '2026-12-18' });
    const sync = await api('POST', '/integrations/linear/sync');
    expect(sync.json()).toMatchObject({ links: 1, failed: 0, differences: 1, errors: [] });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.differences).toEqual([
      expect.objectContaining({
        text: "Linear's due date is 18 December 2026; the launch date in prodops is 15 December 2026",
      }),
    ]);
    expect((await api('GET', `/releases/${releaseId}`)).json().targetDate).toBe('2026-12-15');
    const told = await messagesAbout(panel.differences[0].id);
    expect(new Set(told.map((m) => m.personId))).toEqual(new Set([pm.id, ops.id]));
    expect((await api('POST', '/integrations/linear/sync')).json().differences).toBe(0);
    expect(await messagesAbout(panel.differences[0].id)).toHaveLength(told.length);
  });

  it('a bug closed on Linear leaves the backlog; feedback becomes one insight item', async () => {
    const bug = peer.issue(PROJECT, { labels: ['Bug'], title: 'Invoice totals off by a cent' });
    peer.issue(PROJECT, { labels: ['customer-feedback'], title: 'Customers want invoices in PDF' });
    await api('POST', '/integrations/linear/sync');
    const backlog = async () =>
      (await api('GET', '/quality/bugs?state=open'))
        .json()
        .bugs.filter((b: { source: string }) => b.source === 'linear');
    expect((await backlog()).map((b: { title: string }) => b.title)).toEqual([
      'Invoice totals off by a cent',
    ]);

    peer.close(bug);
    const res = await deliver(peer.delivery('Issue', bug, now()), 'ld-close-1');
    expect(res.json()).toEqual({ outcome: 'applied' });
    expect(await backlog()).toEqual([]);
    const [row] = await t.database.db
      .select()
      .from(bugs)
      .where(and(eq(bugs.source, 'linear'), eq(bugs.externalId, bug.id)));
    expect(row).toMatchObject({ state: 'closed', closedReason: 'fixed', closedBy: 'Linear' });

    const before = await snapshotAll(t.database.db);
    expect((await deliver(peer.delivery('Issue', bug, now()), 'ld-close-1')).json()).toEqual({
      outcome: 'duplicate',
    });
    expect(await snapshotAll(t.database.db)).toBe(before);
    await api('POST', '/integrations/linear/sync');
    const items = await t.database.db.select().from(insightItems).where(eq(insightItems.source, 'linear'));
    expect(items.map((i) => i.title)).toEqual(['Customers want invoices in PDF']);
  });

  it('refuses a wrong signature, altered bytes or a stale timestamp, and writes nothing', async () => {
    const bug = peer.issue(PROJECT, { labels: ['Bug'], title: 'Forged' });
    const before = await snapshotAll(t.database.db);
    expect(
      (await deliver(peer.delivery('Issue', bug, now()), 'ld-forged', 'not-the-secret')).statusCode,
    ).toBe(401);
    const raw = JSON.stringify(peer.delivery('Issue', bug, now()));
    expect(
      (await post(raw.replace('Forged', 'Forgex'), linearDelivery(raw, SECRET, 'ld-altered'))).statusCode,
    ).toBe(401);
    const { 'linear-signature': _, ...unsigned } = linearDelivery(raw, SECRET, 'ld-unsigned');
    expect((await post(raw, unsigned)).statusCode).toBe(401);
    const stale = await deliver(peer.delivery('Issue', bug, now() - 61_000), 'ld-stale');
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.message).toContain('stale');
    const bad = await deliver({ ...peer.delivery('Issue', bug, now()), data: { id: 1 } }, 'ld-bad');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('body.data.identifier');
    expect(await snapshotAll(t.database.db)).toBe(before);
  });

  it('a project webhook moving its target date flags it at once', async () => {
    const p = peer.project(PROJECT, { targetDate: '2026-12-22' });
    expect((await deliver(peer.delivery('Project', p, now()), 'ld-project-1')).json()).toEqual({
      outcome: 'applied',
    });
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.differences.map((d: { trackerValue: string }) => d.trackerValue)).toEqual(['2026-12-22']);
  });

  it('waits out a 429 (Retry-After, then X-RateLimit-Requests-Reset) and the sync completes, across pages', async () => {
    for (let i = 0; i < 130; i++) peer.issue(PROJECT, { labels: i % 10 === 0 ? ['Bug'] : [] });
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance(ms);
    };
    peer.limitNext({ 'retry-after': '30' }, { 'x-ratelimit-requests-reset': String(now() + 75_000) });
    const seen = peer.requests.length;
    const out = await syncAllTrackers({ db: t.database.db, clock, sleep, allowPrivate: LOCAL }, 'linear');
    expect(out).toMatchObject({ links: 1, failed: 0, errors: [] });
    expect(waits).toEqual([30_000, 45_000]);
    const pages = peer.requests.slice(seen).filter((r) => r.operation === 'ProjectIssues');
    expect(pages.map((r) => r.variables.after ?? null).slice(-2)).toEqual([null, '100']);
    const panel = (await api('GET', `/releases/${releaseId}/tracker`)).json();
    expect(panel.link.openIssues + panel.link.closedIssues).toBe(4 + 3 + 130);
  });

  it('gives up after bounded retries and says so on the link', async () => {
    peer.limitNext(...Array.from({ length: 5 }, () => ({ 'retry-after': '1' })));
    const out = await syncAllTrackers(
      { db: t.database.db, clock, sleep: async (ms) => clock.advance(ms), allowPrivate: LOCAL },
      'linear',
    );
    expect(out.failed).toBe(1);
    expect(out.errors[0]).toContain('rate limit');
    expect((await api('GET', `/releases/${releaseId}/tracker`)).json().link.pullError).toContain(
      'rate limit',
    );
  });
});
