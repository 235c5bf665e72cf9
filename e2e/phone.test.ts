import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 7: every page a role's navigation offers, plus the delivery log, the stakeholder view and the
 * launch calendar, at a phone's 390×844: no sideways scroll, a collapsed navigation that leaves the content
 * near the top, a menu button that opens and closes it, and calendar titles that read as words.
 */
let server: RunningServer;
let browser: Browser;
const PHONE = { width: 390, height: 844 };
const SLOW = { timeout: 15_000 };
/** The header and collapsed navigation together, above the page's content. */
const MAX_ABOVE_CONTENT = 80;
/** A launch title narrower than this is a column of letters. */
const MIN_TITLE_WIDTH = 80;
const EXTRA = ['/deliveries', '/roadmap/view', '/releases/calendar'];

const ROLES = [
  { who: 'Sales stakeholder', email: 'sam@example.com' },
  { who: 'PM', email: 'maya@example.com' },
  { who: 'Product Ops', email: 'priya@example.com' },
  { who: 'Head of Product', email: 'hana@example.com' },
] as const;

interface Figures {
  path: string;
  scrollWidth: number;
  innerWidth: number;
  navHeight: number;
  contentTop: number;
}

async function navPaths(page: Page): Promise<string[]> {
  return page
    .locator('nav[aria-label="Main"] a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Opens `path`, waits for its heading and its data, and measures the layout. */
async function measure(page: Page, path: string): Promise<Figures> {
  await page.goto(`${server.url}${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor(SLOW);
  await page.waitForLoadState('networkidle');
  return page.evaluate((p) => {
    const nav = document.querySelector('nav[aria-label="Main"]');
    const main = document.querySelector('main');
    return {
      path: p,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      navHeight: nav ? nav.getBoundingClientRect().height : 0,
      contentTop: main ? main.getBoundingClientRect().top + window.scrollY : 0,
    };
  }, path);
}

/** The rendered width of each visible launch title on the calendar. */
async function calendarTitleWidths(page: Page): Promise<{ title: string; width: number }[]> {
  await page.goto(`${server.url}/releases/calendar`);
  await page.getByRole('heading', { name: 'Launch calendar', level: 1 }).waitFor(SLOW);
  await page.waitForLoadState('networkidle');
  return page
    .locator('main a[href^="/releases/"]')
    .evaluateAll((links) =>
      links
        .filter((a) => a.getClientRects().length > 0 && !a.closest('.page-intro'))
        .map((a) => ({ title: a.textContent?.trim() ?? '', width: a.getBoundingClientRect().width })),
    );
}

describe('the phone layout (390×844)', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const role of ROLES) {
    it(`${role.who}: no page scrolls sideways; the navigation collapses; calendar titles read`, async () => {
      const page = await signInAs(browser, server.url, role.email, { path: '/', heading: 'Home' });
      await page.setViewportSize(PHONE);
      const paths = [...new Set([...(await navPaths(page)), ...EXTRA])];
      const figures: Figures[] = [];
      for (const path of paths) figures.push(await measure(page, path));
      const titles = await calendarTitleWidths(page);
      console.info(
        `phone: ${role.who}, ${figures.length} pages\n${figures
          .map(
            (f) =>
              `  ${f.path}: width ${f.scrollWidth}/${f.innerWidth}, nav ${Math.round(f.navHeight)} px, content at ${Math.round(f.contentTop)} px`,
          )
          .join(
            '\n',
          )}\n  calendar titles: ${titles.map((t) => `${t.title} ${Math.round(t.width)} px`).join('; ')}`,
      );
      for (const f of figures) {
        expect({ path: f.path, scrollWidth: f.scrollWidth }).toEqual({
          path: f.path,
          scrollWidth: f.innerWidth,
        });
        expect({ path: f.path, navHeight: f.navHeight < MAX_ABOVE_CONTENT }).toEqual({
          path: f.path,
          navHeight: true,
        });
        expect({ path: f.path, contentTop: f.contentTop <= MAX_ABOVE_CONTENT }).toEqual({
          path: f.path,
          contentTop: true,
        });
      }
      for (const t of titles)
        expect({ title: t.title, wide: t.width >= MIN_TITLE_WIDTH }).toEqual({ title: t.title, wide: true });
      await page.close();
    });
  }

  it('the menu button opens the navigation, says so, and closes on navigation', async () => {
    const page = await signInAs(browser, server.url, 'priya@example.com', { path: '/', heading: 'Home' });
    await page.setViewportSize(PHONE);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect.poll(() => menu.getAttribute('aria-expanded'), SLOW).toBe('false');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Releases', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Releases', exact: true }).click();
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor(SLOW);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Releases', exact: true }).isVisible()).toBe(false);
    // At a desktop width the navigation is always shown and the button is gone.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await nav.getByRole('link', { name: 'Releases', exact: true }).isVisible()).toBe(true);
    expect(await menu.isVisible()).toBe(false);
    await page.close();
  });

  // Issue 17, part 6: what Product Ops reads on every page of its navigation is words. Keys shown on purpose as
  // keys (settings' key columns, audit action codes, the audit's raw change JSON behind a disclosure) are in
  // <code>, .mono or <pre>; the People page lists emails as
  // the directory's email column, so it is not checked for emails.
  it('Product Ops: no page shows a key, a UUID, system:demo or an email where a person is named', async () => {
    const page = await signInAs(browser, server.url, 'priya@example.com', { path: '/', heading: 'Home' });
    const leaks: string[] = [];
    for (const path of await navPaths(page)) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor(SLOW);
      await page.waitForLoadState('networkidle');
      const text = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const el of copy.querySelectorAll('code, .mono, pre, option, script, style')) el.remove();
        return copy.textContent ?? '';
      });
      const patterns = [
        /\b[a-z]+_[a-z_]+\b/,
        /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
        /system:\w+/,
        ...(path === '/people' ? [] : [/[\w.+-]+@[\w-]+\.[a-z]{2,}/]),
      ];
      for (const re of patterns) {
        const m = re.exec(text);
        if (m) leaks.push(`${path}: "${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10)}"`);
      }
    }
    expect(leaks).toEqual([]);
    await page.close();
  });
});
