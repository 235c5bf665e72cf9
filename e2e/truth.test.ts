import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRelease } from '../src/shared/releases.ts';
import type { TPublishedView, TViewItem } from '../src/shared/roadmap.ts';
import type { TUpdateArtifact, TUpdatesList } from '../src/shared/updates.ts';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { apiToken, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 13: every artifact tells the truth. Sales (Sam) and Support (Carla) walk the demo in Chromium: the
 * stakeholder view, the releases list, their calendar feed and the latest weekly update. For every release, what
 * one says must not contradict another: a launched release's roadmap item is Shipped, a planned release's date
 * lies inside its item's window, the calendar holds it on the same day with a status that matches, and the weekly
 * update never announces a launch that is on hold.
 */
let server: RunningServer;
let browser: Browser;

interface Seen {
  releases: TRelease[];
  view: TPublishedView;
  events: ICAL.Event[];
  update: TUpdateArtifact;
  pages: { view: string; releases: string; update: string };
}

async function api<T>(token: string, path: string, method = 'GET'): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
}

const mainText = async (page: Page) => (await page.locator('main').textContent()) ?? '';

/** What one stakeholder sees: the pages in the browser, and the same data through their own token. */
async function walk(email: string, audience: string): Promise<Seen> {
  const page = await signInAs(browser, server.url, email, {
    path: '/roadmap/view',
    heading: 'Stakeholder roadmap view',
  });
  await page.getByRole('tab', { name: audience }).click();
  await page.getByRole('tab', { name: audience, selected: true }).waitFor();
  await page.locator('main [aria-busy="false"]').first().waitFor();
  const pages = { view: await mainText(page), releases: '', update: '' };
  await page.goto(`${server.url}/releases`);
  await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
  await page.getByRole('table').first().waitFor();
  pages.releases = await mainText(page);
  const token = await apiToken(page, server.url, `truth walk ${email}`);
  const list = await api<TUpdatesList>(token, '/updates?limit=1');
  const week = list.items[0]!.week;
  await page.goto(`${server.url}/updates/${week}`);
  await page.getByRole('heading', { name: `Weekly update ${week}`, level: 1 }).waitFor();
  pages.update = await mainText(page);
  await page.close();
  // The feed URL is shown once, when made.
  const { url } = await api<{ url: string }>(token, '/calendar/feed-url/rotate', 'POST');
  const ics = await (await fetch(url)).text();
  return {
    releases: (await api<{ items: TRelease[] }>(token, '/releases?limit=500')).items,
    view: await api<TPublishedView>(token, '/roadmap/view'),
    events: new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
    update: await api<TUpdateArtifact>(token, `/updates/${week}/artifact`),
    pages,
  };
}

/** Every contradiction between the artifacts, in words. */
function contradictions(seen: Seen): string[] {
  const out: string[] = [];
  const itemsOf = (id: string): TViewItem[] =>
    seen.view.view.items.filter((i) => i.releases.some((r) => r.id === id));
  const held = new Set(seen.update.json.highlights.heldLaunches.map((l) => l.id));
  const announced = [
    ...seen.update.json.highlights.keyLaunches,
    ...seen.update.json.highlights.upcomingLaunches,
  ];
  for (const r of seen.releases) {
    const when = r.status === 'launched' ? (r.launchedOn ?? r.targetDate) : r.targetDate;
    for (const item of itemsOf(r.id)) {
      if (r.status === 'launched' && item.status !== 'shipped')
        out.push(`${r.title} launched on ${when}, the view says ${item.title} is ${item.status}`);
      if (r.status !== 'rolled_back' && (when < item.earliest || when > item.latest))
        out.push(`${r.title} is on ${when}, outside ${item.title}'s window ${item.earliest}–${item.latest}`);
      if (!seen.pages.view.includes(item.rangeText))
        out.push(`the view page does not show ${item.title}'s ${item.rangeText}`);
    }
    const event = seen.events.find((e) => e.uid === `release-${r.id}@prodops`);
    // Not announced yet: a stakeholder reads a range, on the page and nowhere a day (not in the calendar).
    if (!r.when.exact) {
      if (event) out.push(`${r.title} is not announced, yet the calendar holds it on ${event.startDate}`);
      if (!seen.pages.releases.includes(r.when.text))
        out.push(`the releases page does not say ${r.when.text}`);
    }
    if (event) {
      if (event.startDate.toString() !== when)
        out.push(`${r.title}: calendar on ${event.startDate}, release on ${when}`);
      const tentative = event.component.getFirstPropertyValue('status') === 'TENTATIVE';
      if (tentative !== ['hold', 'delay'].includes(r.status))
        out.push(
          `${r.title} is ${r.status}, the calendar says ${event.component.getFirstPropertyValue('status')}`,
        );
    }
    for (const l of announced.filter((x) => x.id === r.id)) {
      if (['hold', 'delay'].includes(r.status))
        out.push(`${r.title} is ${r.status}, the update announces it`);
      if (l.targetDate !== r.targetDate && r.status !== 'launched')
        out.push(`${r.title}: the update says ${l.targetDate}, the release ${r.targetDate}`);
    }
    if (held.has(r.id) && !['hold', 'delay'].includes(r.status))
      out.push(`${r.title}: held in the update, ${r.status} now`);
    if (!seen.pages.releases.includes(r.title)) out.push(`the releases page does not list ${r.title}`);
  }
  return out;
}

describe('Sales and Support walk the demo and find one truth per release', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [who, email, audience] of [
    ['Sam (Sales)', 'sam@example.com', 'Sales'],
    ['Carla (Support)', 'carla@example.com', 'Support'],
  ] as const)
    it(`${who}: the stakeholder view, releases, calendar and weekly update agree`, async () => {
      const seen = await walk(email, audience);
      // The demo's story has launched, planned and linked releases: the comparison has something to compare.
      expect(seen.releases.some((r) => r.status === 'launched')).toBe(true);
      expect(seen.view.view.items.some((i) => i.releases.length > 0)).toBe(true);
      expect(seen.events.length).toBeGreaterThan(0);
      expect(seen.releases.some((r) => !r.when.exact)).toBe(true);
      expect(contradictions(seen)).toEqual([]);
    }, 120_000);
});
