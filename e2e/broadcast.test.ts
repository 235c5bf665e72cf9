import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { csrfHeader, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, safe broadcasting in a real browser: Product Ops opens the preview of the weekly update (the message,
 * how many on each channel, names, what is missing), publishes, and undoes it from the banner before it leaves.
 */
let server: RunningServer;
let browser: Browser;

describe('publishing the weekly update safely', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews, publishes, and is undone from the banner (after a reload) before any message leaves', async () => {
    const page = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/updates',
      heading: 'Weekly update',
    });
    await page.locator('table.status-board').waitFor();
    const heading = page.getByRole('heading', { level: 2, name: /^Week \d{4}-W\d{2}/ });
    const week = /\d{4}-W\d{2}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
    const versions = async () => {
      const res = await page.request.get(`${server.url}/api/v1/updates?limit=200`);
      return ((await res.json()) as { items: { week: string; version: number }[] }).items.find(
        (i) => i.week === week,
      )?.version;
    };
    const before = await versions(); // the server may have published it automatically already

    await page.getByRole('button', { name: /^Publish (now|a correction)…$/ }).click();
    const preview = page.getByRole('region', { name: /^Preview: Publish/ });
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toMatch(/\d+ messages? — \d+ in prodops inboxes, \d+ by email, \d+ on Slack/);
    expect(text).toMatch(/areas? (is|are) missing: /);
    expect(text).toContain('Subject: Weekly Product Update');
    await preview.getByText(/^Who receives it/).click();
    expect(await preview.textContent()).toContain('Sam'); // names, not addresses
    expect(await preview.textContent()).not.toMatch(/@example\.com/);
    const note = page.getByLabel(/What this correction changes/);
    if (await note.count()) await note.fill('Late PM updates added');
    await page.getByRole('button', { name: /^Publish( the correction)?$/ }).click();

    const banner = page.locator('.undo-banner');
    await expect.poll(() => banner.textContent()).toMatch(/messages? sent in \d+ s\./);
    expect(await versions()).toBe((before ?? 0) + 1);
    await page.screenshot({ path: '/tmp/broadcast-undo-banner.png', fullPage: true });
    // A reload loses the page's state, not the banner: the layout shows my held action again, once.
    await page.reload();
    await page.locator('table.status-board').waitFor();
    await expect.poll(() => banner.textContent()).toMatch(/messages? sent in \d+ s\./);
    expect(await banner.count()).toBe(1);
    await banner.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.held-banners [role=status]').textContent()).toMatch(/^Undone\. /);
    expect(await banner.count()).toBe(0);
    expect(await versions()).toBe(before);
    // Nothing was sent: the delivery log has no copy of that version.
    const log = await page.request.get(`${server.url}/api/v1/deliveries?kind=weekly_update&limit=200`, {
      headers: await csrfHeader(page),
    });
    const refs = ((await log.json()) as { items: { ref: string }[] }).items.map((d) => d.ref);
    expect(refs).not.toContain(`${week}:v${(before ?? 0) + 1}`);
    await page.close();
  });
});
