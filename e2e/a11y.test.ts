import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { axe, axeTable, blocking, type Finding, settle } from './a11y.ts';
import { csrfHeader, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 9: axe-core on every page of the web app in Chromium — each route of src/web/app.tsx, its
 * parameters filled with real ids from the demo org's links — as Product Ops, the pages a Sales stakeholder
 * sees as that stakeholder, the public pages signed out, and every role's home on a phone. 0 serious, 0 critical.
 */
let server: RunningServer;
let browser: Browser;
const all: Finding[] = [];
const visited: string[] = [];

/** The routes of app.tsx as paths ('/' for the index route); `:param` segments are kept. */
function appRoutes(): string[] {
  const source = readFileSync(new URL('../src/web/app.tsx', import.meta.url), 'utf8');
  const paths = [...source.matchAll(/<Route (?:path="([^"]+)"|index)/g)].map((m) => m[1] ?? '');
  return paths.filter((p) => p !== '*').map((p) => (p.startsWith('/') ? p : `/${p}`));
}
const ROUTES = appRoutes();
const STATIC = ROUTES.filter((r) => !r.includes(':'));
/** Routes with parameters whose values come from a session-less link (emailed tokens). */
const PUBLIC = ['/ready/:token', '/surveys/:token'];
const PARAM = ROUTES.filter((r) => r.includes(':') && !PUBLIC.includes(r));
const asRegex = (route: string) => new RegExp(`^${route.replace(/:[A-Za-z]+/g, '[^/?#]+')}$`);

/** The app's own paths the page links to (nav, header and content). */
async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(server.url).origin;
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin)
    .map((u) => u.pathname);
}

/**
 * Opens each path, runs axe, and follows the first link found to every route with parameters not yet
 * covered. Returns the routes with parameters it found no link to.
 */
async function crawl(page: Page, who: string, start: string[]): Promise<string[]> {
  const queue = [...start];
  const seen = new Set(queue);
  const detail = start.filter((p) => !STATIC.includes(p));
  const covered = new Set(PARAM.filter((r) => detail.some((p) => asRegex(r).test(p))));
  while (queue.length > 0) {
    const path = queue.shift()!;
    await page.goto(`${server.url}${path}`);
    await settle(page);
    all.push(...(await axe(page, `${who} ${path}`)));
    visited.push(`${who} ${path}`);
    for (const href of await linksOn(page)) {
      if (seen.has(href) || STATIC.includes(href)) continue;
      const route = PARAM.find((r) => !covered.has(r) && asRegex(r).test(href));
      if (!route) continue;
      covered.add(route);
      seen.add(href);
      queue.push(href);
    }
  }
  return PARAM.filter((r) => !covered.has(r));
}

/**
 * Detail pages no page links to on the demo org as it starts: a routed theme (the routings page shows this
 * week's, the demo's are older) and a digest (none published yet: Product Ops publishes last month's here).
 */
async function unlinked(page: Page): Promise<string[]> {
  const api = `${server.url}/api/v1/insights`;
  const routings = (await (await page.request.get(`${api}/routings`)).json()) as { items: { id: string }[] };
  expect(routings.items.length).toBeGreaterThan(0);
  await page.goto(`${server.url}/insights/digests`);
  const month = await page.getByLabel('Month').locator('option').last().getAttribute('value');
  const published = await page.request.post(`${api}/digests/${month}/publish`, {
    headers: await csrfHeader(page),
  });
  expect(published.status()).toBeLessThan(300);
  return [`/insights/routings/${routings.items[0]!.id}`, `/insights/digests/${month}`];
}

describe('accessibility (axe-core)', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    console.info(`axe-core: pages checked: ${visited.join(', ')}`);
    console.info(axeTable(all, visited.length));
    await browser?.close();
    await server?.stop();
  });

  it('the check can fail: axe reports a nameless button and grey-on-white text as critical and serious', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await settle(page);
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.innerHTML = '<button type="button"></button><p>Faint</p>';
      // Styled through the CSSOM: the app's CSP refuses inline style attributes.
      const faint = probe.querySelector('p')!;
      faint.style.color = '#bbb';
      faint.style.background = '#fff';
      document.querySelector('main')?.append(probe);
    });
    const found = await axe(page, 'control');
    expect(found.find((f) => f.rule === 'button-name')?.impact).toBe('critical');
    expect(found.find((f) => f.rule === 'color-contrast')?.impact).toBe('serious');
    await page.close();
  });

  it('every page as Product Ops, each route with parameters opened with a real id', async () => {
    expect(STATIC.length + PARAM.length).toBeGreaterThan(50);
    const priya = await signInAs(browser, server.url, 'priya@example.com', { path: '/', heading: 'Home' });
    const missed = await crawl(priya, 'ops', [
      ...STATIC.filter((r) => !r.startsWith('/sign-in')),
      '/no-such-page',
      ...(await unlinked(priya)),
    ]);
    // Every route with parameters was reached from a link on another page.
    expect(missed).toEqual([]);
    await priya.close();
    expect(blocking(all)).toEqual([]);
  }, 600_000);

  it('the pages a Sales stakeholder sees, as that stakeholder', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', { path: '/', heading: 'Home' });
    await settle(sam);
    const start = [...new Set(await linksOn(sam))].filter((p) => STATIC.includes(p));
    expect(start).toContain('/releases/calendar');
    const before = all.length;
    await crawl(sam, 'sales', start);
    expect(blocking(all.slice(before))).toEqual([]);
    await sam.close();
  }, 300_000);

  it('the sign-in page and the public link pages, signed out', async () => {
    const page = await browser.newPage();
    const before = all.length;
    for (const path of ['/sign-in', '/ready/not-a-real-token-0000', '/surveys/not-a-real-token-0000']) {
      await page.goto(`${server.url}${path}`);
      await settle(page);
      all.push(...(await axe(page, `signed out ${path}`)));
      visited.push(`signed out ${path}`);
    }
    expect(blocking(all.slice(before))).toEqual([]);
    await page.close();
  });

  it('every role’s home on a phone (390 × 844): no violation that blocks, no sideways scroll', async () => {
    const before = all.length;
    const widths: Record<string, number> = {};
    for (const email of ['sam', 'carla', 'maya', 'priya', 'hana'].map((n) => `${n}@example.com`)) {
      const page = await signInAs(browser, server.url, email, { path: '/', heading: 'Home' });
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      all.push(...(await axe(page, `phone ${email} /`)));
      visited.push(`phone ${email} /`);
      widths[email] = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.close();
    }
    console.info(`phone: the home's scroll width per role: ${JSON.stringify(widths)}`);
    for (const w of Object.values(widths)) expect(w).toBeLessThanOrEqual(390);
    expect(blocking(all.slice(before))).toEqual([]);
  });
});
