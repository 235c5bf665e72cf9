import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, parts 1 and 9: each role's journey from sign-in to its answer on the demo org, counting the clicks
 * after "Sign in" (Sales' "what ships this month" ≤ 2, Support's "my pending sign-offs" ≤ 1).
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };
const home = (page: Page, name: string | RegExp): Locator => page.getByRole('region', { name, exact: true });

/** Clicks a locator and counts it: the journeys' figure. */
function counter() {
  let clicks = 0;
  return {
    click: async (l: Locator) => {
      clicks += 1;
      await l.click();
    },
    get clicks() {
      return clicks;
    },
  };
}

describe('the home per role', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Sales: what ships this month is the home (0 clicks), its talk track one click away', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', { path: '/', heading: 'Home' });
    const c = counter();
    const ships = home(sam, 'What ships this month and next');
    await ships.waitFor(SLOW);
    const thisMonth = ships.getByRole('region', { name: /^This month: / });
    await thisMonth.waitFor(SLOW);
    const text = (await ships.textContent()) ?? '';
    // The demo's Tier 3 launch in two days; its Tier 1 copy fixes are internal and never shown.
    expect(text).toContain('Usage-based billing');
    expect(text).not.toContain('Dashboard copy fixes');
    expect(c.clicks).toBeLessThanOrEqual(2);
    const toAnswer = c.clicks;
    const card = ships.getByRole('listitem').filter({ hasText: 'Usage-based billing' });
    await c.click(card.getByText('Talk track', { exact: true }));
    await card.getByText('Positioning: less admin for finance teams').waitFor(SLOW);
    expect(c.clicks).toBe(1);
    console.info(
      `home: Sales, clicks from sign-in to what ships this month: ${toAnswer}; to a talk track: ${c.clicks}`,
    );
    const nav = sam.getByRole('navigation', { name: 'Main' });
    const links = await nav.getByRole('link').allInnerTexts();
    expect(links).toContain('Launch calendar');
    expect(links).not.toContain('Org overview');
    await sam.close();
  });

  it('Sales on a phone (390 px): the home does not scroll sideways', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', { path: '/', heading: 'Home' });
    await sam.setViewportSize({ width: 390, height: 844 });
    await home(sam, 'What ships this month and next').waitFor(SLOW);
    const width = await sam.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await sam.close();
  });

  it('Support: my pending sign-offs on the home (0 clicks), and signing off from there', async () => {
    const carla = await signInAs(browser, server.url, 'carla@example.com', { path: '/', heading: 'Home' });
    const c = counter();
    const queue = home(carla, 'Needs my sign-off (1)');
    await queue.waitFor(SLOW);
    expect(c.clicks).toBeLessThanOrEqual(1);
    console.info(`home: Support, clicks from sign-in to my pending sign-offs: ${c.clicks}`);
    expect(await queue.textContent()).toContain('Guided onboarding checklist');
    await c.click(queue.getByRole('button', { name: "I'm ready: Guided onboarding checklist" }));
    await home(carla, 'Needs my sign-off (0)').waitFor(SLOW);
    const card = home(carla, /^(Other launches|Launches), all areas$/)
      .getByRole('listitem')
      .filter({ hasText: 'Guided onboarding checklist' });
    await card.getByText('Support readiness: you confirmed').waitFor(SLOW);
    await carla.close();
  });

  it('PM: my weekly update with its due time in the org’s zone, or when it was submitted', async () => {
    const maya = await signInAs(browser, server.url, 'maya@example.com', { path: '/', heading: 'Home' });
    const update = home(maya, 'My weekly update');
    await update.waitFor(SLOW);
    expect(await update.textContent()).toMatch(
      /Billing: (due (in|overdue by) .+: .+|submitted .+) \(America\/New_York\)/,
    );
    await maya.getByRole('heading', { name: /^My releases \(\d+\)$/ }).waitFor(SLOW);
    await maya.close();
  });

  it('Product Ops and the Head of Product see their sections; the org overview is one click away', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', { path: '/', heading: 'Home' });
    const ops = home(priya, 'Running the week');
    await ops.waitFor(SLOW);
    await ops.getByText('Messages that could not be delivered').waitFor(SLOW);
    await ops.getByRole('heading', { name: /^Missing weekly updates \(\d+\)$/ }).waitFor(SLOW);
    await priya.getByRole('main').getByRole('link', { name: 'Org overview' }).click();
    await priya.getByRole('heading', { name: 'Org overview', level: 1 }).waitFor(SLOW);
    await priya.close();

    const hana = await signInAs(browser, server.url, 'hana@example.com', { path: '/', heading: 'Home' });
    const health = home(hana, 'Product health');
    await health.waitFor(SLOW);
    const figures = health.getByRole('list', { name: 'Headline figures' }).getByRole('listitem');
    await expect.poll(() => figures.count(), SLOW).toBeGreaterThan(3);
    expect(await figures.first().textContent()).toMatch(/Target .+ · (meets|below target|not judged yet)/);
    await health.getByRole('heading', { name: /^Areas in Polish Mode \(\d+\)$/ }).waitFor(SLOW);
    expect(await health.textContent()).toContain('Payments');
    await hana.close();
  });
});
