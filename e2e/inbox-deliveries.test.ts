import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 5: the inbox renders its messages (no raw markdown), collapsed with "Read more", and a past
 * launch's "I'm ready" says why it is closed; the delivery log is one row per message and says email is not set up.
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };

describe('the inbox and the delivery log', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows Support rendered, collapsed messages and no sign-off button for a launched release', async () => {
    const page = await signInAs(browser, server.url, 'carla@example.com', {
      path: '/inbox',
      heading: 'Inbox',
    });
    const bundle = page.getByRole('article', { name: /^Enablement bundle/ }).first();
    await bundle.waitFor(SLOW);
    await page
      .getByText(/^Launched on \w{3} \d{1,2} \w{3} \d{4} — no sign-off needed$/)
      .first()
      .waitFor(SLOW);
    const readMore = bundle.getByRole('button', { name: /^Read more/ });
    expect(await readMore.getAttribute('aria-expanded')).toBe('false');
    await readMore.click();
    expect(await bundle.getByRole('button', { name: /^Show less/ }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await bundle.locator('.markdown-block').count()).toBeGreaterThan(0);
    // Raw markdown would show its marks ("## Release tier").
    expect(await page.locator('main').textContent()).not.toMatch(/#{2,3} [A-Z]/);
    await page.close();
  });

  it('shows Product Ops one row per message, its recipients by name, and that email is not set up', async () => {
    const page = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/deliveries',
      heading: 'Delivery log',
    });
    await page.getByRole('heading', { name: /not set up/ }).waitFor(SLOW);
    expect(await page.getByRole('region', { name: /not set up/ }).textContent()).toContain('SMTP_URL');
    const first = page.getByRole('list', { name: 'Messages' }).getByRole('article').first();
    await first.waitFor(SLOW);
    await first.locator('summary').click();
    const names = await first.locator('.delivery-recipients li a').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.includes('@'))).toBe(false);
    await page.close();
  });
});
