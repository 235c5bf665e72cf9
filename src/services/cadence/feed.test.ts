import { Temporal } from '@js-temporal/polyfill';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeArea, makePerson, signedIn } from '../../../test/factories.ts';
import { todayIn } from '../../shared/calendar.ts';
import { systemClock } from '../../shared/clock.ts';
import { getSettings } from '../org/settings.ts';

/**
 * Launches in the iCalendar feed, read the way a calendar app reads it: the private feed URL over HTTP,
 * parsed back with ical.js (an implementation independent of the one that wrote it).
 */

let t: TestApp;
let ops: Awaited<ReturnType<typeof signedIn>>;
let sales: Awaited<ReturnType<typeof signedIn>>;
let pm: Awaited<ReturnType<typeof signedIn>>;
let today: Temporal.PlainDate;

beforeAll(async () => {
  t = await createTestApp();
  ops = await signedIn(t.database.db, ['product_ops']);
  sales = await signedIn(t.database.db, ['stakeholder']);
  pm = await signedIn(t.database.db, ['pm']);
  today = Temporal.PlainDate.from(todayIn((await getSettings(t.database.db)).timeZone, systemClock.now()));
});
afterAll(() => t.close());

const inDays = (n: number) => today.add({ days: n }).toString();

async function api<T>(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: object): Promise<T> {
  const res = await t.app.inject({ method, url, headers: ops.headers, ...(body ? { payload: body } : {}) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return (res.body ? res.json() : null) as T;
}

const createRelease = (input: object) => api<{ id: string }>('POST', '/api/v1/releases', input);

/** A PM's feed (not Product Ops): every launch is in the product org's calendars. */
async function feed(who = pm) {
  const { url } = (
    await t.app.inject({ method: 'POST', url: '/api/v1/calendar/feed-url/rotate', headers: who.headers })
  ).json() as { url: string };
  const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
  expect(res.statusCode).toBe(200);
  const events = new ICAL.Component(ICAL.parse(res.body))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  // The links use the address the feed was fetched at, like the feed URL itself.
  return { origin: url.slice(0, url.indexOf('/api/v1/')), events };
}

const launchesOf = (events: ICAL.Event[], releaseId: string) =>
  events.filter((e) => e.uid === `release-${releaseId}@prodops`);

describe('launches in the calendar feed', () => {
  it('shows a launch as an all-day event on its target date, with area, PM, status and a link', async () => {
    const pm = await makePerson(t.database.db, { roles: ['pm'], name: 'Maya Chen' });
    const area = await makeArea(t.database.db, { name: 'Billing', ownerPmId: pm.id });
    const release = await createRelease({
      title: 'Usage-based billing',
      areaId: area.id,
      pmOwnerId: pm.id,
      tier: 3,
      attributes: ['pricing_overhaul'],
      targetDate: inDays(30),
    });
    const { origin, events } = await feed();
    const [launch] = launchesOf(events, release.id);
    expect(launch?.summary).toBe('Launch: Usage-based billing (Tier 3)');
    expect(launch?.startDate.isDate).toBe(true);
    expect(launch?.startDate.toString()).toBe(inDays(30));
    expect(launch?.endDate.toString()).toBe(inDays(31));
    expect(launch?.description).toBe(
      ['Area: Billing', 'PM: Maya Chen', 'Status: planned', `${origin}/releases/${release.id}`].join('\n'),
    );
    expect(launch?.component.getFirstPropertyValue('url')).toBe(`${origin}/releases/${release.id}`);
  });

  it('moves the event, same UID, when the date moves by an edit or a delay decision', async () => {
    const release = await createRelease({ title: 'Salesforce sync v2', tier: 2, targetDate: inDays(20) });
    const before = launchesOf((await feed()).events, release.id);
    expect(before.map((e) => e.startDate.toString())).toEqual([inDays(20)]);

    await api('PATCH', `/api/v1/releases/${release.id}`, { targetDate: inDays(27) });
    const edited = launchesOf((await feed()).events, release.id);
    expect(edited.map((e) => [e.uid, e.startDate.toString()])).toEqual([[before[0]!.uid, inDays(27)]]);

    await api('POST', `/api/v1/releases/${release.id}/decisions`, {
      decision: 'delay',
      reason: 'Partner API not ready',
      newTargetDate: inDays(41),
    });
    const delayed = launchesOf((await feed()).events, release.id);
    expect(delayed.map((e) => [e.uid, e.startDate.toString()])).toEqual([[before[0]!.uid, inDays(41)]]);
    expect(delayed[0]?.description).toContain('Status: delay');
    expect(delayed[0]?.summary).toBe('Launch (delayed): Salesforce sync v2 (Tier 2)');
    expect(delayed[0]?.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(before[0]?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // LAST-MODIFIED follows the release's changes (to the second), for clients that look at it.
    const modified = (e: ICAL.Event) => String(e.component.getFirstPropertyValue('last-modified'));
    expect(modified(delayed[0]!) >= modified(before[0]!)).toBe(true);
  });

  it('keeps a held launch on calendars as tentative, never as a confirmed launch', async () => {
    const held = await createRelease({ title: 'Tax engine', tier: 2, targetDate: inDays(8) });
    await api('POST', `/api/v1/releases/${held.id}/decisions`, { decision: 'hold', reason: 'Not certified' });
    const [event] = launchesOf((await feed()).events, held.id);
    expect(event?.summary).toBe('Launch on hold: Tax engine (Tier 2)');
    expect(event?.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });

  it('drops rolled-back and deleted releases, and names an untiered launch without a tier', async () => {
    const rolledBack = await createRelease({ title: 'Dark mode', tier: 1, targetDate: inDays(-2) });
    await api('PATCH', `/api/v1/releases/${rolledBack.id}`, { status: 'launched' });
    expect(launchesOf((await feed()).events, rolledBack.id)).toHaveLength(1);
    await api('PATCH', `/api/v1/releases/${rolledBack.id}`, { status: 'rolled_back' });

    const deleted = await createRelease({ title: 'Old idea', targetDate: inDays(5) });
    const untiered = await createRelease({ title: 'Unsure', targetDate: inDays(6) });
    await api('DELETE', `/api/v1/releases/${deleted.id}`);

    const { events } = await feed();
    expect(launchesOf(events, rolledBack.id)).toEqual([]);
    expect(launchesOf(events, deleted.id)).toEqual([]);
    expect(launchesOf(events, untiered.id).map((e) => e.summary)).toEqual(['Launch: Unsure']);
  });

  it('shows a launched release on the day it shipped, and keeps last month’s launches only', async () => {
    const early = await createRelease({ title: 'Shipped early', tier: 1, targetDate: inDays(10) });
    await api('PATCH', `/api/v1/releases/${early.id}`, { status: 'launched' });
    const old = await createRelease({ title: 'Long ago', tier: 1, targetDate: inDays(-40) });
    const { events } = await feed();
    expect(launchesOf(events, early.id).map((e) => e.startDate.toString())).toEqual([today.toString()]);
    expect(launchesOf(events, old.id)).toEqual([]);
  });

  it("holds a stakeholder's launches once their day is announced: within two weeks, bundle out, or launched", async () => {
    const soon = await createRelease({ title: 'Soon', tier: 2, targetDate: inDays(14) });
    const later = await createRelease({ title: 'Later', tier: 3, targetDate: inDays(30) });
    const { events } = await feed(sales);
    expect(launchesOf(events, soon.id)).toHaveLength(1);
    // A range is not a day: it waits for its bundle (which names the day) or the weekly update's two weeks.
    expect(launchesOf(events, later.id)).toEqual([]);
    expect(launchesOf((await feed()).events, later.id)).toHaveLength(1);
  });
});
