import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../test/factories.ts';
import { startJiraPeer } from '../../../test/jira.ts';
import { outboundGuard } from '../../integrations/net/outbound-guard.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { createRelease } from '../releases/releases.ts';
import { setTrackerConnection } from './connection.ts';
import { syncAllTrackers } from './sync.ts';

/**
 * Issue 18, server-side request forgery: with the operator's switch (PRODOPS_WEBHOOK_ALLOW_PRIVATE) off, a
 * tracker's address may not be a private or internal one, and a sync refuses one stored earlier (the token is
 * never sent there).
 */
const clock = manualClock('2026-12-01T09:00:00Z');
let t: TestApp;
let peer: Awaited<ReturnType<typeof startJiraPeer>>;
let admin: Awaited<ReturnType<typeof signedIn>>;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ clock });
  peer = await startJiraPeer();
  admin = await signedIn(t.database.db, ['admin']);
});
afterAll(async () => {
  await t?.close();
  await peer?.stop();
});

describe('a tracker on a private address, the switch off', () => {
  it('refuses the address with a 400 naming apiUrl, keeping the connection as it was', async () => {
    for (const [apiUrl, words] of [
      ['http://10.0.0.5', '10.0.0.5 is a private network address'],
      [peer.url, '127.0.0.1 is a loopback address'],
      ['http://169.254.169.254/latest', '169.254.169.254 is a link-local address'],
    ] as const) {
      const res = await api('PUT', '/integrations/jira', {
        apiUrl,
        token: 'priya@example.com:ATATT3x-token',
      });
      expect(res.statusCode, apiUrl).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'apiUrl', message: expect.stringContaining(words) }]);
    }
    expect((await api('GET', '/integrations/jira')).json()).toMatchObject({ apiUrl: '', token: 'not set' });
  });

  it('a sync refuses one stored when it was allowed, at once and in words; the tracker hears nothing', async () => {
    const db = t.database.db;
    await setTrackerConnection({
      db,
      actor: systemActor('test'),
      kind: 'jira',
      input: { apiUrl: peer.url, token: 'priya@example.com:ATATT3x-token' },
      now: clock.now(),
      guard: outboundGuard('all'),
    });
    const pm = await makePerson(db, { roles: ['pm'] });
    const area = await makeArea(db, { name: 'Billing', ownerPmId: pm.id });
    const release = await createRelease({
      db,
      actor: systemActor('test'),
      now: clock.now(),
      input: { title: 'Usage billing GA', areaId: area.id, pmOwnerId: pm.id, targetDate: '2026-12-15' },
    });
    peer.epic('ED-12', { duedate: '2026-12-15', summary: 'Usage billing GA' });
    const linked = await api('POST', `/releases/${release.id}/tracker/link`, { kind: 'jira', epic: 'ED-12' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().link.pullError).toMatch(
      /^could not reach Jira: its address must not point at a private or internal address: 127\.0\.0\.1 is a loopback/,
    );
    const slept: number[] = [];
    const out = await syncAllTrackers({ db, clock, sleep: async (ms) => void slept.push(ms) }, 'jira');
    expect(out).toMatchObject({ links: 1, failed: 1 });
    expect(out.errors.join(' ')).toContain('PRODOPS_WEBHOOK_ALLOW_PRIVATE');
    expect(slept).toEqual([]); // no network retries: asking again changes nothing
    expect(peer.requests).toEqual([]);

    const allowed = await syncAllTrackers({ db, clock, allowPrivate: ['127.0.0.1'] }, 'jira');
    expect(allowed).toMatchObject({ links: 1, failed: 0 });
    expect(peer.requests.length).toBeGreaterThan(0);
  });
});
