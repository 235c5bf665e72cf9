import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, signedIn } from '../../../../test/factories.ts';
import { manualClock } from '../../../shared/clock.ts';

let t: TestApp;
let ops: Awaited<ReturnType<typeof signedIn>>;
let pm: Awaited<ReturnType<typeof signedIn>>;
let areaId: string;
const WEEK = '2026-W47';

beforeAll(async () => {
  t = await createTestApp();
  ops = await signedIn(t.database.db, ['product_ops']);
  pm = await signedIn(t.database.db, ['pm'], { name: 'Maya Chen' });
  areaId = (await makeArea(t.database.db, { name: 'Billing', ownerPmId: pm.person.id })).id;
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

describe('the weekly update over the API', () => {
  it('lets the PM submit, Product Ops publish, and anyone read it as markdown, JSON and an Atom/RSS feed', async () => {
    const submitted = await call('PUT', `/api/v1/updates/${WEEK}/areas/${areaId}`, pm.headers, {
      content: { wins: ['Invoices v2'], risks: ['Tax vendor late'] },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ week: WEEK, content: { wins: ['Invoices v2'], next: [] } });
    const other = await signedIn(t.database.db, ['pm']);
    expect(
      (
        await call('PUT', `/api/v1/updates/${WEEK}/areas/${areaId}`, other.headers, {
          content: { wins: ['Not mine'] },
        })
      ).statusCode,
    ).toBe(403);

    const board = (await call('GET', `/api/v1/updates/${WEEK}`, pm.headers)).json();
    expect(board.areas.find((a: { areaId: string }) => a.areaId === areaId)).toMatchObject({
      status: expect.stringMatching(/submitted|late/),
      pmName: 'Maya Chen',
    });
    expect(board.done.published).toBe(false);

    const published = await call('POST', `/api/v1/updates/${WEEK}/publish`, ops.headers);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      version: 1,
      title: expect.stringMatching(/^Weekly Product Update — 2026-11-19$/),
    });

    const md = await call('GET', `/api/v1/updates/${WEEK}/artifact?format=md`, pm.headers);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toContain('## Billing — Maya Chen');
    expect(md.body).toContain('Invoices v2');

    const { url } = (await call('GET', '/api/v1/calendar/feed-url', pm.headers)).json();
    const token = new URL(url).pathname.split('/').pop()!.replace('.ics', '');
    const parser = new Parser();
    for (const ext of ['atom', 'rss']) {
      const res = await call('GET', `/api/v1/updates/feed/${token}.${ext}`, {});
      expect(res.statusCode).toBe(200);
      const feed = await parser.parseString(res.body);
      expect(feed.items[0]?.title).toBe('Weekly Product Update — 2026-11-19');
      expect(JSON.stringify(feed.items[0])).toContain('Invoices v2'); // the full update, not only a summary
    }
    expect((await call('GET', `/api/v1/updates/feed/${'x'.repeat(32)}.atom`, {})).statusCode).toBe(404);

    const archive = (await call('GET', '/api/v1/updates?q=invoices', pm.headers)).json();
    expect(archive.items.map((i: { week: string }) => i.week)).toEqual([WEEK]);
    expect((await call('GET', '/api/v1/updates?q=nothing-like-this', pm.headers)).json().items).toEqual([]);

    const followUps = (await call('GET', '/api/v1/follow-ups?status=open', pm.headers)).json().items;
    const mine = followUps.find((f: { title: string }) => f.title === 'Tax vendor late');
    expect(mine.assigneeIds).toContain(pm.person.id);
    expect((await call('POST', `/api/v1/follow-ups/${mine.id}/close`, pm.headers)).statusCode).toBe(204);
  });
});

describe('the app clock', () => {
  it("answers as of the app's clock, not the machine's: the current week follows it", async () => {
    const clock = manualClock('2027-01-03T23:30:00Z'); // Sunday of 2026-W53 in UTC, the org's default zone
    const app = await createTestApp({ clock });
    try {
      const reader = await signedIn(app.database.db, ['stakeholder']);
      const week = async () =>
        (await app.app.inject({ method: 'GET', url: '/api/v1/updates', headers: reader.headers })).json()
          .currentWeek;
      expect(await week()).toBe('2026-W53');
      clock.advance(3_600_000);
      expect(await week()).toBe('2027-W01');
    } finally {
      await app.close();
    }
  });
});

describe('the outbox relay', () => {
  it('is nudged after every write that succeeded, without the route asking: not after a read or a refusal', async () => {
    let nudges = 0;
    const app = await createTestApp({ onEnqueued: () => nudges++ });
    try {
      const ops = await signedIn(app.database.db, ['product_ops']);
      const reader = await signedIn(app.database.db, ['stakeholder']);
      const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>) =>
        app.app.inject({ method, url, headers });
      await inject('GET', '/api/v1/updates', ops.headers);
      expect(nudges).toBe(0);
      expect((await inject('POST', '/api/v1/updates/2026-W47/publish', reader.headers)).statusCode).toBe(403);
      expect(nudges).toBe(0);
      expect((await inject('POST', '/api/v1/updates/2026-W47/publish', ops.headers)).statusCode).toBe(201);
      expect(nudges).toBe(1);
    } finally {
      await app.close();
    }
  });
});
