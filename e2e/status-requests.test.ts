import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { fixtureExportZip } from '../test/zip.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/** Issue 14: Product Ops imports a Slack export's .zip on the status-requests page and sees the pings counted. */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };

describe('the status-requests page', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a Slack export as Product Ops, once, and counts its pings per week in the org zone', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/status-requests',
      heading: 'Status requests',
    });
    await priya.getByText(/Weeks are ISO weeks in the org's time zone, \S+\/\S+\./).waitFor(SLOW);
    const form = priya.getByRole('form', { name: 'Import a Slack export' });
    const zip = {
      name: 'acme-slack-export.zip',
      mimeType: 'application/zip',
      buffer: await fixtureExportZip(),
    };

    await form.getByLabel('Slack export (.zip)').setInputFiles(zip);
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByText('4 status pings found, 4 new.').waitFor(SLOW);
    const w10 = priya.getByRole('row', { name: /^2026-W10/ });
    await expect
      .poll(async () => (await w10.count()) && w10.getByRole('cell').first().textContent(), SLOW)
      .toBe('3');
    expect(
      await priya
        .getByRole('row', { name: /^2026-W11/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('1');
    expect(await priya.textContent('main')).toMatch(/a week in the baseline weeks 2026-W10 to/);

    await form.getByLabel('Slack export (.zip)').setInputFiles(zip);
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByText('4 status pings found, 0 new.').waitFor(SLOW);

    // Not a zip: the field says so, and nothing was stored.
    await form.getByLabel('Slack export (.zip)').setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('not a zip at all'),
    });
    await form.getByRole('button', { name: 'Import' }).click();
    await priya.getByRole('alert').getByText('the upload is not a zip file').waitFor(SLOW);
    await priya.close();
  });

  it('is not in a stakeholder’s navigation', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    expect(await sam.getByRole('link', { name: 'Releases' }).count()).toBeGreaterThan(0);
    expect(await sam.getByRole('link', { name: 'Status requests' }).count()).toBe(0);
    await sam.close();
  });
});
