import { Temporal } from '@js-temporal/polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, signedIn } from '../../../test/factories.ts';
import { databaseText, relayCapturing } from '../../../test/relay.ts';
import { LITE_SECTIONS } from '../../domain/releases/bundle.ts';
import { todayIn } from '../../shared/calendar.ts';
import { systemClock } from '../../shared/clock.ts';
import type { TInboxList } from '../../shared/delivery.ts';
import { systemActor } from '../actor.ts';
import { getSettings } from '../org/settings.ts';
import { releaseBundle, saveBundle } from '../releases/bundle.ts';
import { listSignOffs } from '../releases/readiness.ts';
import { createRelease } from '../releases/releases.ts';
import { enqueueMessage } from './outbox.ts';
import { recipientsForPeople } from './recipients.ts';

/**
 * Issue 21 item 6: the private links (feed, unsubscribe, one-click "I'm ready") work, yet the database keeps
 * only their hashes: no row of any table holds a usable token, and the stored copies of messages hold none.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, headers?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
const post = (url: string, headers?: Record<string, string>, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });

describe('the private feed key', () => {
  it('is shown once when made, works, is stored only as a hash and stops when replaced', async () => {
    const pm = await signedIn(t.database.db, ['pm']);
    expect((await get('/api/v1/calendar/feed-url', pm.headers)).json()).toEqual({
      active: false,
      since: null,
    });
    const made = await post('/api/v1/calendar/feed-url/rotate', pm.headers);
    expect(made.statusCode).toBe(200);
    const urls = made.json() as { url: string; feed: { rss: string }; updates: { atom: string } };
    const token = new URL(urls.url).pathname.split('/').pop()!.replace('.ics', '');
    expect(urls.feed.rss).toContain(`/feed/${token}.rss`);

    const status = await get('/api/v1/calendar/feed-url', pm.headers);
    expect(status.json()).toEqual({ active: true, since: expect.any(String) });
    expect(status.body).not.toContain(token);
    expect(await databaseText(t.database.db)).not.toContain(token);

    for (const url of [urls.url, urls.feed.rss, urls.updates.atom])
      expect((await get(new URL(url).pathname)).statusCode, url).toBe(200);

    await post('/api/v1/calendar/feed-url/rotate', pm.headers);
    for (const url of [urls.url, urls.feed.rss, urls.updates.atom])
      expect((await get(new URL(url).pathname)).statusCode, url).toBe(404);
  });
});

describe('the unsubscribe link', () => {
  it('is made for each email as it is sent, stored only as a hash, and stops email', async () => {
    const reader = await signedIn(t.database.db, ['stakeholder']);
    const send = async (key: string) => {
      await enqueueMessage(t.database.db, {
        key,
        kind: 'test',
        ref: key,
        message: { title: 'Hello', summary: 'A test message.' },
        recipients: await recipientsForPeople(t.database.db, [reader.person.id]),
      });
      const sent = await relayCapturing(t.database.db);
      const email = sent.find((s) => s.row.channel === 'email' && s.row.personId === reader.person.id);
      return email!.row.unsubscribeToken!;
    };
    const first = await send('unsubscribe-1');
    const second = await send('unsubscribe-2');
    expect(first).not.toBe(second);
    const stored = await databaseText(t.database.db);
    expect(stored).not.toContain(first);
    expect(stored).not.toContain(second);

    expect((await get('/api/v1/unsubscribe/not-a-real-token-000')).statusCode).toBe(404);
    expect((await post(`/api/v1/unsubscribe/${first}`)).statusCode).toBe(200);
    const prefs = (await get('/api/v1/me/preferences', reader.headers)).json() as {
      emailUnsubscribed: boolean;
    };
    expect(prefs.emailUnsubscribed).toBe(true);
    // The other email's link still answers (it is already done).
    expect((await post(`/api/v1/unsubscribe/${second}`)).statusCode).toBe(200);
  });
});

describe('the one-click readiness link', () => {
  it('is made as the email copy is sent; the stored copies hold none, and the inbox answers signed in', async () => {
    const db = t.database.db;
    const ops = systemActor('ops');
    const carla = await signedIn(db, ['stakeholder'], { function: 'support', name: 'Carla Support' });
    const sam = await signedIn(db, ['stakeholder'], { function: 'sales', name: 'Sam Sales' });
    const area = await makeArea(db, { name: 'Billing' });
    const today = Temporal.PlainDate.from(todayIn((await getSettings(db)).timeZone, systemClock.now()));
    const r = await createRelease({
      db,
      actor: ops,
      now: systemClock.now(),
      input: {
        title: 'Usage billing GA',
        areaId: area.id,
        targetDate: today.add({ days: 40 }).toString(),
        tier: 3,
      },
    });
    const sections = Object.fromEntries(LITE_SECTIONS.map((k) => [k, `Written for ${k}.`]));
    await saveBundle({ db, actor: ops, releaseId: r.id, input: { sections }, now: systemClock.now() });
    await releaseBundle({ db, actor: ops, releaseId: r.id, stage: 'distribution', now: systemClock.now() });
    const sent = await relayCapturing(db);

    const linkOf = (personId: string) =>
      sent
        .find((s) => s.row.channel === 'email' && s.row.personId === personId)
        ?.message.actions?.find((a) => a.url.startsWith('/ready/'))?.url;
    const carlaLink = linkOf(carla.person.id)!;
    expect(carlaLink).toMatch(/^\/ready\/[\w-]{16,64}$/);
    const token = carlaLink.replace('/ready/', '');
    const stored = await databaseText(db);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('/ready/');

    // The inbox copy answers signed in: no link, the release and the function.
    const inbox = (await get('/api/v1/inbox', sam.headers)).json() as TInboxList;
    const action = inbox.items.flatMap((i) => i.actions).find((a) => a.signOff);
    expect(action).toMatchObject({
      label: "I'm ready (Sales)",
      open: true,
      signOff: { releaseId: r.id, kind: 'sales' },
    });
    expect(JSON.stringify(inbox)).not.toContain('/ready/');
    const answered = await post(`/api/v1/releases/${r.id}/sign-offs`, sam.headers, { kind: 'sales' });
    expect(answered.statusCode, answered.body).toBe(200);

    // The email's link works without signing in, for Carla's function only.
    expect((await get(`/api/v1/readiness/${token}`)).json()).toMatchObject({
      kind: 'support',
      person: 'Carla Support',
    });
    expect((await post(`/api/v1/readiness/${token}`)).json()).toMatchObject({
      kind: 'support',
      confirmed: true,
    });
    const kinds = (await listSignOffs(db, r.id)).map((s) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sales', 'support']));
  });
});
