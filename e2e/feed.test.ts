import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFeed } from '../src/shared/feed.ts';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, makePrivateFeedAddress, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 2: Sales reads this month's launches on the stakeholder feed, counting the clicks after "Sign
 * in" (≤ 2), the talk track behind one more; the page shows what GET /feed says for this month, nothing internal.
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };

describe('the stakeholder feed', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Sales: this month’s launches one click from sign-in, the talk track one more', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', { path: '/', heading: 'Home' });
    let clicks = 0;
    await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'What ships' }).click();
    clicks += 1;
    await sam.getByRole('heading', { name: 'What ships', level: 1 }).waitFor(SLOW);
    const thisMonth = sam.getByRole('region', { name: /^This month: / });
    await thisMonth.waitFor(SLOW);
    const toAnswer = clicks;
    expect(toAnswer).toBeLessThanOrEqual(2);

    // The page says what the API says for this month, as Sales (their audience by default).
    const api = (await (await sam.request.get(`${server.url}/api/v1/feed`)).json()) as TFeed;
    expect(api.audience).toBe('sales');
    const current = api.months.find((m) => m.when === 'current')!;
    const launches = current.entries.filter((e) => e.kind === 'launch').map((e) => e.title);
    // The demo launches 2 days ahead and launched 10 days ago: one of them is always this month.
    expect(launches.length).toBeGreaterThan(0);
    const headings = await thisMonth.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings).toEqual(current.entries.map((e) => e.title));
    const intro = (await sam.getByRole('main').textContent()) ?? '';
    expect(intro).toContain(`org's time zone (${api.timeZone})`);
    // Tier 1 copy fixes are internal: never on the feed.
    expect(intro).not.toContain('Dashboard copy fixes');
    expect(await sam.getByLabel('Audience').inputValue()).toBe('sales');

    // A launch whose sent bundle has a talk track (the demo's Tier 3 in two days has every section).
    const told = api.months.flatMap((m) => m.entries).find((e) => e.talkTrack?.includes('Positioning:'))!;
    const card = sam.getByRole('main').getByRole('listitem').filter({ hasText: told.title });
    await card.getByText('Talk track', { exact: true }).click();
    clicks += 1;
    await card.getByText(/Positioning:/).waitFor(SLOW);
    console.info(
      `feed: Sales, clicks from sign-in to this month's launches: ${toAnswer} (${launches.join(', ')}); to a talk track: ${clicks}`,
    );

    const atom = await makePrivateFeedAddress(sam);
    expect(atom).toMatch(/\/api\/v1\/feed\/[\w-]+\.atom$/);
    const xml = await (await sam.request.get(atom)).text();
    expect(xml).toContain('<feed');
    for (const title of launches) expect(xml).toContain(title);
    await sam.close();
  });

  it('every audience on request, and nothing that scrolls sideways on a phone', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', {
      path: '/feed',
      heading: 'What ships',
    });
    await sam.getByLabel('Audience').selectOption('all');
    await sam.waitForURL(/audience=all/);
    await sam.getByRole('region', { name: /^This month: / }).waitFor(SLOW);
    await sam.setViewportSize({ width: 390, height: 844 });
    const width = await sam.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await sam.close();
  });
});
