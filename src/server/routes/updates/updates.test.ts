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

    const { url } = (await call('POST', '/api/v1/calendar/feed-url/rotate', pm.headers)).json();
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

describe('submissions that say something, corrections that change something, and who is missing first', () => {
  const week = '2026-W46'; // due Thursday 2026-11-12; the clock is the Monday before
  let app: TestApp;
  const req = (
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) =>
    app.app.inject({
      method,
      url: `/api/v1/updates/${week}${url}`,
      headers,
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    app = await createTestApp({ clock: manualClock('2026-11-09T15:00:00Z') });
  });
  afterAll(() => app.close());

  it('refuses an empty update, publishes "nothing this week" and absences as short lines, and refuses a silent or identical correction', async () => {
    const db = app.database.db;
    const ops = await signedIn(db, ['product_ops']);
    const maya = await signedIn(db, ['pm'], { name: 'Maya Chen' });
    const leo = await signedIn(db, ['pm'], { name: 'Leo Martins' });
    await signedIn(db, ['stakeholder'], { function: 'sales' });
    const billing = (await makeArea(db, { name: 'Billing', ownerPmId: maya.person.id })).id;
    const search = (await makeArea(db, { name: 'Search', ownerPmId: leo.person.id })).id;
    const payments = (await makeArea(db, { name: 'Payments', ownerPmId: maya.person.id })).id;
    await makeArea(db, { name: 'Growth' });
    await makeArea(db, { name: 'Mobile' });

    // An empty update is refused, naming the field; nothing is written.
    for (const content of [{}, { wins: [], risks: [] }]) {
      const empty = await req('PUT', `/areas/${billing}`, maya.headers, { content });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.fields).toEqual([
        { path: 'content', message: expect.stringMatching(/at least one bullet.*nothing this week/) },
      ]);
    }
    const both = await req('PUT', `/areas/${search}`, leo.headers, {
      content: { wins: ['Shipped'], nothingThisWeek: true },
    });
    expect(both.json().error.fields).toEqual([
      { path: 'content.nothingThisWeek', message: expect.stringMatching(/cannot come with bullets/) },
    ]);
    expect((await req('GET', `/areas/${billing}`, maya.headers)).json().current).toBeNull();

    expect(
      (await req('PUT', `/areas/${billing}`, maya.headers, { content: { wins: ['Invoices v2'] } }))
        .statusCode,
    ).toBe(200);
    const quiet = await req('PUT', `/areas/${search}`, leo.headers, { content: { nothingThisWeek: true } });
    expect(quiet.statusCode).toBe(200);
    expect(quiet.json().content).toMatchObject({ wins: [], nothingThisWeek: true });

    // Only Product Ops excuses a PM; the PM of the area cannot.
    expect(
      (await req('POST', `/areas/${payments}/absence`, maya.headers, { reason: 'on leave' })).statusCode,
    ).toBe(403);
    expect(
      (await req('POST', `/areas/${payments}/absence`, ops.headers, { reason: 'on leave' })).statusCode,
    ).toBe(204);

    // Before publishing: who is missing, who is away, who gets it.
    const check = await req('GET', '/publish-check', ops.headers);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      week,
      correction: false,
      nextVersion: 1,
      submitted: 2,
      missing: [
        { areaName: 'Growth', pmName: null },
        { areaName: 'Mobile', pmName: null },
      ],
      absent: [{ areaName: 'Payments', pmName: 'Maya Chen', reason: 'on leave' }],
      recipients: { channels: 0 },
    });
    expect(check.json().recipients.people).toBeGreaterThan(0);

    const v1 = await req('POST', '/publish', ops.headers);
    expect(v1.statusCode).toBe(201);
    const md: string = v1.json().markdown;
    expect(md).toContain('## Search — Leo Martins\nNothing to report this week.\n');
    expect(md).toContain('- Payments: no update this week (on leave)');
    expect(md).toContain('- No update received from Growth (No PM), Mobile (No PM)\n');
    expect(md).not.toMatch(/## (Payments|Growth|Mobile)|missing/i);

    // An identical re-publish changes nothing: refused, with or without a note, and no version is written.
    for (const body of [undefined, { note: 'Typo' }]) {
      const same = await req('POST', '/publish', ops.headers, body);
      expect(same.statusCode).toBe(409);
      expect(same.json().error.message).toMatch(/nothing changed since version 1/);
    }
    // A real change without a note: 400 naming the note.
    await req('PUT', `/areas/${billing}`, maya.headers, { content: { wins: ['Invoices v2', 'Tax IDs'] } });
    const silent = await req('POST', '/publish', ops.headers, {});
    expect(silent.statusCode).toBe(400);
    expect(silent.json().error.fields).toEqual([{ path: 'note', message: expect.any(String) }]);
    expect((await req('GET', '', ops.headers)).json().versions).toHaveLength(1);

    const v2 = await req('POST', '/publish', ops.headers, { note: 'Billing added Tax IDs' });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({
      version: 2,
      changes: ['Billing added Tax IDs', 'Billing — Wins / shipped: added Tax IDs'],
    });
    expect((await req('GET', '/publish-check', ops.headers)).json()).toMatchObject({
      correction: true,
      nextVersion: 3,
    });
  });
});
