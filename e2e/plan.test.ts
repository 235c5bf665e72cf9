import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServe, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs } from './harness.ts';

/** The 30/60/90 plan page on the demo org (40 days in): reached from Metrics, ticked by Product Ops, read by PMs. */
let server: RunningServer;
let browser: Browser;

describe('the 30/60/90 plan in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('Product Ops reaches it from Metrics and ticks a deliverable only with a note', async () => {
    const page = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/metrics',
      heading: 'Metrics',
    });
    await page.getByRole('link', { name: 'The 30/60/90 plan' }).click();
    await page.getByRole('heading', { name: 'Days 0–30: Foundation + quick win', level: 2 }).waitFor();
    await page
      .getByRole('region', { name: 'Retrospectives' })
      .getByText('Move the weekly update deadline')
      .waitFor();
    const form = page.getByRole('form', { name: /Tick “50%\+ reduction/ });
    await form.getByRole('button', { name: 'Tick as done' }).click();
    await form.getByText('is required: say why').first().waitFor();
    await form.getByLabel('Why it is done').fill('Week 10 sample audit: 41 pings, down from 96');
    await form.getByRole('button', { name: 'Tick as done' }).click();
    await page.getByText('Week 10 sample audit: 41 pings, down from 96').first().waitFor();
    await page.close();
  });

  it('a PM reads it without the tick or edit forms', async () => {
    const page = await signInAs(browser, server.url, 'maya@example.com', {
      path: '/plan',
      heading: '30/60/90 plan',
    });
    await page.getByRole('heading', { name: 'Days 31–60: Cadence + insights', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Tick as done' }).count()).toBe(0);
    expect(await page.getByText(/Edit the goal/).count()).toBe(0);
    await page.close();
  });
});
